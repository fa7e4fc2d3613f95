// No import cycle under shared/ and electron/ (docs/style.md §18): every relative import, type-only ones included, walked
// from the sources. A cycle makes module order matter and a feature impossible to load alone.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(ROOT, folder, file));
}

function importsOf(file: string, known: ReadonlySet<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), (match[1] ?? match[2] ?? '').replace(/\.js$/, ''));
    const hit = [`${target}.ts`, `${target}.tsx`, join(target, 'index.ts')].find((candidate) => known.has(candidate));
    if (hit !== undefined) found.push(hit);
  }
  return found;
}

function importGraph(files: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const known = new Set(files);
  return new Map(files.map((file) => [file, importsOf(file, known)]));
}

/** Every cycle found by a depth-first walk, each as the list of files from its first file back to it. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('imports under shared/ and electron/', () => {
  it('form no cycle', () => {
    const cycles = findCycles(importGraph([...sources('shared'), ...sources('electron')]));
    expect(cycles.map((cycle) => cycle.map((file) => relative(ROOT, file)).join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one (the walker itself works)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads type-only and dynamic imports too', () => {
    const api = join(ROOT, 'shared/ipc/api.ts');
    const channels = join(ROOT, 'shared/ipc/channels.ts');
    const schemas = join(ROOT, 'shared/ipc/schemas.ts');
    const graph = importGraph([api, channels, schemas]);
    expect(graph.get(api)).toContain(channels);
    expect(graph.get(channels)).toContain(schemas);
  });
});
