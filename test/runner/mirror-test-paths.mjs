#!/usr/bin/env node
// Unit tests mirror source paths: the test of `electron/x/y.ts` is `test/unit/electron/x/y.test.ts`, of
// `shared/a/b.ts` `test/unit/shared/a/b.test.ts`, of `renderer/c/d.tsx` `test/unit/renderer/c/d.test.tsx`; a source
// under `test/<dir>/` (the runners) mirrors to `test/unit/<dir>/`. A test named `<stem>.<what>.test.ts` (such as
// `redact.property.test.ts`) is a second test of `<stem>`. Helpers (fakes, fixtures) live in `test/unit/support/`.
//
//   node test/runner/mirror-test-paths.mjs           prints the `git mv` lines and the files whose imports change
//   node test/runner/mirror-test-paths.mjs --apply   performs them
//
// Safe to re-run (after a merge brings tests at old paths, or renames a source file): a test already in place stays.
// A test whose name matches no source file needs an entry in RENAMES (and in CROSS_CUTTING when it tests no single
// module); the script says which. test/unit/runner/mirror-test-paths.test.ts holds the layout to these rules.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Folders whose modules unit tests cover. `test/<dir>` mirrors to `test/unit/<dir>`, the others to `test/unit/<root>`. */
export const SOURCE_ROOTS = ['electron', 'shared', 'renderer', 'build', 'test/runner', 'test/reliability'];

/** Where every non-test file under test/unit lives (fakes, fixtures, render helpers). */
export const SUPPORT = 'test/unit/support';

/** Tests that cover several modules together, at the path they keep, with why no single source file is theirs. */
export const CROSS_CUTTING = {
  'test/unit/shared/import-cycles.test.ts': 'walks every import under shared/ and electron/, refuses any cycle',
  'test/unit/renderer/chains.test.tsx': 'recordings beyond one task across the record form, history groups and banner',
  'test/unit/electron/shell/app-parts.test.ts': 'the settings, sandbox and window controllers wired as main.ts does',
  'test/unit/electron/ipc/channels/schedule-channels.test.ts':
    'record:create routing plus the recordings, plans and alerts channels over the scheduler',
  'test/unit/electron/ipc/channels/series-import-channels.test.ts':
    'the import:* and series:* channels together (an import creates series)',
};

/** One-time decisions for tests whose old name matched no source file: old path -> mirrored path. */
export const RENAMES = {
  'test/unit/cli/sync-exit-code.test.ts': 'test/unit/electron/cli/commands/series.exit-code.test.ts',
  'test/unit/ipc-main/file-channels.test.ts': 'test/unit/electron/ipc/channels/files.test.ts',
  'test/unit/ipc-main/outcome-alert-channels.test.ts': 'test/unit/electron/ipc/channels/alerts.test.ts',
  'test/unit/ipc-main/template-channels.test.ts': 'test/unit/electron/ipc/channels/templates.test.ts',
  'test/unit/ipc-main/schedule-channels.test.ts': 'test/unit/electron/ipc/channels/schedule-channels.test.ts',
  'test/unit/ipc-main/series-import-channels.test.ts': 'test/unit/electron/ipc/channels/series-import-channels.test.ts',
  'test/unit/runner/figures.test.ts': 'test/unit/reliability/figures.test.ts',
  'test/unit/schedule/occurrence-edit.test.ts':
    'test/unit/electron/services/schedule/scheduler.occurrence-edit.test.ts',
  'test/unit/schedule/series-update.test.ts': 'test/unit/electron/services/schedule/scheduler.series-update.test.ts',
  'test/unit/shared/time/format-unix-equivalence.test.ts': 'test/unit/shared/time/format-unix.equivalence.test.ts',
  'test/unit/shared/time/zone-fast-paths.test.ts': 'test/unit/shared/time/time-zone.fast-paths.test.ts',
  'test/unit/shell/app-parts.test.ts': 'test/unit/electron/shell/app-parts.test.ts',
  'test/unit/shell/sandbox-leftover.test.ts': 'test/unit/electron/shell/sandbox.leftover.test.ts',
  'test/unit/shell/tray.test.ts': 'test/unit/electron/shell/tray-state.test.ts',
  'test/unit/shell/tray-chains.test.ts': 'test/unit/electron/shell/tray-service.chains.test.ts',
  'test/unit/shell/window-manager-notices.test.ts': 'test/unit/electron/shell/window-manager.notices.test.ts',
  'test/unit/simulator/media-routes.test.ts': 'test/unit/electron/simulator/media-actions.routes.test.ts',
  'test/unit/sync/reconcile.test.ts': 'test/unit/electron/services/sync/sync-service.reconcile.test.ts',
};

/** Helpers moved to SUPPORT: old path -> new path. Kept so imports of an old path (from a merge) are still fixed. */
export const HELPERS = {
  'test/unit/cli/fixtures.ts': 'test/unit/support/cli-fixtures.ts',
  'test/unit/ipc-main/fake-services.ts': 'test/unit/support/fake-services.ts',
  'test/unit/renderer/fake-api.ts': 'test/unit/support/fake-api.ts',
  'test/unit/renderer/render.tsx': 'test/unit/support/render.tsx',
  'test/unit/schedule/fakes.ts': 'test/unit/support/schedule-fakes.ts',
  'test/unit/schedule/plan-fixtures.ts': 'test/unit/support/plan-fixtures.ts',
  'test/unit/shell/fake-window.ts': 'test/unit/support/fake-window.ts',
  'test/unit/shell/history-fixtures.ts': 'test/unit/support/history-fixtures.ts',
};

const TEST_FILE = /\.test\.tsx?$/;
const CODE_FILE = /\.(?:ts|tsx|mts|mjs|js|cjs)$/;
const toPosix = (path) => path.split('\\').join('/');

/** Every file under `folder` (repo-relative, posix), skipping node_modules and build output. */
export function filesUnder(folder, root = ROOT) {
  const base = join(root, folder);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .map((file) => toPosix(join(folder, file)))
    .filter((file) => !/(^|\/)(node_modules|out|dist|artifacts)\//.test(file) && CODE_FILE.test(file))
    .filter((file) => !file.endsWith('.d.ts') && !file.endsWith('.d.mts'));
}

/** The source modules a unit test may mirror. */
export function sourceFiles(root = ROOT) {
  return SOURCE_ROOTS.flatMap((folder) => filesUnder(folder, root)).filter((file) => !TEST_FILE.test(file));
}

/** `redact` for `redact.property.test.ts` and for `redact.ts`. */
export const stemOf = (file) => basename(file).split('.')[0];

/** The folder under test/unit that mirrors a source file's folder. */
export function mirrorFolder(source) {
  const folder = posix.dirname(source);
  return folder.startsWith('test/') ? `test/unit/${folder.slice('test/'.length)}` : `test/unit/${folder}`;
}

/** The source files a test at `test` mirrors (same stem, mirrored folder); empty when it is misplaced. */
export function mirroredSources(test, sources) {
  return sources.filter((source) => stemOf(source) === stemOf(test) && mirrorFolder(source) === posix.dirname(test));
}

const SPECIFIER =
  /((?:\bfrom|\bimport|\bimport\s*\(|\bvi\.(?:mock|doMock|unmock|importActual|importMock)(?:<[^>]*>)?\(|\brequire\(|\bnew URL\()\s*)(['"])(\.\.?\/[^'"]+)\2/g;

function resolveSpecifier(importer, specifier, known) {
  const written = toPosix(relative(ROOT, resolve(ROOT, dirname(importer), specifier)));
  const noExt = written.replace(/\.(?:m?js|tsx?|mts)$/, '');
  const candidates = [written, `${noExt}.ts`, `${noExt}.tsx`, `${noExt}.mts`, `${noExt}.mjs`, `${written}/index.ts`];
  // A data file (`new URL('../../build/electron-builder.yml', import.meta.url)`) counts when it is on disk.
  const real =
    candidates.find((candidate) => known.has(candidate)) ?? (existsSync(join(ROOT, written)) ? written : undefined);
  return real === undefined ? undefined : { written, real };
}

function rewrittenSpecifier(importer, newImporter, specifier, known, moves) {
  const hit = resolveSpecifier(importer, specifier, known);
  if (hit === undefined) return specifier;
  const { written, real } = hit;
  const newReal = moves.get(real) ?? real;
  if (newReal === real && newImporter === importer) return specifier;
  const realExt = extname(real);
  let target;
  if (written === real) target = newReal;
  else if (written === `${real.slice(0, -realExt.length)}`) target = newReal.slice(0, -realExt.length);
  else if (real.endsWith('/index.ts')) target = posix.dirname(newReal);
  else target = newReal.slice(0, -realExt.length) + extname(written);
  const spec = toPosix(relative(dirname(newImporter), target));
  return spec.startsWith('.') ? spec : `./${spec}`;
}

/** The text of `importer` (moving to `newImporter`) with every relative specifier pointing where it should. */
export function rewriteImports(text, importer, newImporter, known, moves) {
  return text.replace(SPECIFIER, (match, lead, quote, specifier) => {
    const next = rewrittenSpecifier(importer, newImporter, specifier, known, moves);
    return next === specifier ? match : `${lead}${quote}${next}${quote}`;
  });
}

function importedFiles(test, known) {
  const text = readFileSync(join(ROOT, test), 'utf8');
  return [...text.matchAll(SPECIFIER)]
    .map((match) => resolveSpecifier(test, match[3], known)?.real)
    .filter((file) => file !== undefined);
}

/** Where one test belongs, or why the script cannot tell. */
function placeTest(test, sources, known) {
  if (test in CROSS_CUTTING) return { to: test };
  if (test in RENAMES) return { to: RENAMES[test] };
  if (mirroredSources(test, sources).length > 0) return { to: test };
  let candidates = sources.filter((source) => stemOf(source) === stemOf(test));
  if (candidates.length > 1) {
    const imported = new Set(importedFiles(test, known));
    candidates = candidates.filter((source) => imported.has(source));
  }
  if (candidates.length === 1) return { to: `${mirrorFolder(candidates[0])}/${basename(test)}` };
  const why = candidates.length === 0 ? 'no source file is named' : 'several imported source files are named';
  return {
    problem: `${test}: ${why} "${stemOf(test)}"; add it to RENAMES (and CROSS_CUTTING if it tests no one module)`,
  };
}

/** Every move the layout needs (old -> new, repo-relative) and every test the rules cannot place. */
export function planMoves(root = ROOT) {
  const sources = sourceFiles(root);
  const unitFiles = filesUnder('test/unit', root);
  const known = new Set([...filesUnder('test', root), ...sources, ...filesUnder('electron', root)]);
  const moves = new Map();
  const problems = [];
  for (const file of unitFiles) {
    if (TEST_FILE.test(file)) {
      const placed = placeTest(file, sources, known);
      if (placed.problem !== undefined) problems.push(placed.problem);
      else if (placed.to !== file) moves.set(file, placed.to);
    } else if (!file.startsWith(`${SUPPORT}/`)) {
      moves.set(file, HELPERS[file] ?? `${SUPPORT}/${basename(file)}`);
    }
  }
  const targets = new Map();
  for (const [from, to] of moves) {
    if (targets.has(to)) problems.push(`${from} and ${targets.get(to)} would both move to ${to}`);
    else if (existsSync(join(root, to))) problems.push(`${from} would overwrite ${to}`);
    targets.set(to, from);
  }
  return { moves, problems, known };
}

/** Drops the folders a move left empty, up to test/unit. */
function removeEmptyFolders(folder) {
  const stop = join(ROOT, 'test', 'unit');
  for (let at = folder; at.startsWith(stop) && at !== stop; at = dirname(at)) {
    if (readdirSync(at).length > 0) return;
    rmdirSync(at);
  }
}

function main(apply) {
  const { moves, problems, known } = planMoves();
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exitCode = 1;
    return;
  }
  // Imports of an old helper path (a test merged after the move) resolve to where the helper went.
  const importMoves = new Map(moves);
  for (const [from, to] of Object.entries(HELPERS)) {
    if (importMoves.has(from) || !existsSync(join(ROOT, to))) continue;
    importMoves.set(from, to);
    known.add(from);
  }
  const edits = [];
  for (const file of filesUnder('test')) {
    const to = moves.get(file) ?? file;
    const text = readFileSync(join(ROOT, file), 'utf8');
    const next = rewriteImports(text, file, to, known, importMoves);
    if (next !== text) edits.push({ to, next });
  }
  for (const [from, to] of moves) {
    console.log(`git mv ${from} ${to}`);
    if (apply) {
      mkdirSync(dirname(join(ROOT, to)), { recursive: true });
      execFileSync('git', ['mv', from, to], { cwd: ROOT });
      removeEmptyFolders(dirname(join(ROOT, from)));
    }
  }
  for (const { to, next } of edits) {
    console.log(`imports: ${to}`);
    if (apply) writeFileSync(join(ROOT, to), next);
  }
  // Deeper paths make longer import lines: let Prettier wrap them again.
  if (apply && edits.length > 0) {
    execFileSync('npx', ['prettier', '--write', ...edits.map(({ to }) => to)], { cwd: ROOT, stdio: 'ignore' });
  }
  for (const from of moves.keys()) {
    // Docs and comments that name an old path: the script leaves prose to a person.
    const named = spawnSync('git', ['grep', '-l', '-F', from], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    for (const file of named === '' ? [] : named.split('\n')) console.log(`still named in ${file}: ${from}`);
  }
  if (!apply && (moves.size > 0 || edits.length > 0)) console.log('(dry run: --apply performs these)');
  if (moves.size === 0 && edits.length === 0) console.log('test/unit already mirrors the sources');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.includes('--apply'));
}
