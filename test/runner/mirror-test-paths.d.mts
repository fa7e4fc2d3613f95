export const ROOT: string;
export const SOURCE_ROOTS: string[];
export const SUPPORT: string;
/** Cross-cutting tests (final path) and why no single source file is theirs. */
export const CROSS_CUTTING: Record<string, string>;
export const RENAMES: Record<string, string>;
export const HELPERS: Record<string, string>;
export function filesUnder(folder: string, root?: string): string[];
export function sourceFiles(root?: string): string[];
export function stemOf(file: string): string;
export function mirrorFolder(source: string): string;
export function mirroredSources(test: string, sources: readonly string[]): string[];
export function rewriteImports(
  text: string,
  importer: string,
  newImporter: string,
  known: ReadonlySet<string>,
  moves: ReadonlyMap<string, string>,
): string;
export function planMoves(root?: string): { moves: Map<string, string>; problems: string[]; known: Set<string> };
