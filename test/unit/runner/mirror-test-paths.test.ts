// Unit tests mirror source paths (CONTRIBUTING.md): every test under test/unit sits where
// test/runner/mirror-test-paths.mjs would put it, and every helper in test/unit/support/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CROSS_CUTTING,
  filesUnder,
  mirroredSources,
  mirrorFolder,
  planMoves,
  rewriteImports,
  ROOT,
  sourceFiles,
  SUPPORT,
} from '../../runner/mirror-test-paths.mjs';

const sources = sourceFiles();
const unitFiles = filesUnder('test/unit');
const tests = unitFiles.filter((file) => /\.test\.tsx?$/.test(file));

describe('the layout of test/unit', () => {
  it('puts every test at the mirrored path of a source file, or on the cross-cutting list', () => {
    const misplaced = tests.filter((test) => !(test in CROSS_CUTTING) && mirroredSources(test, sources).length === 0);
    expect(misplaced, 'run node test/runner/mirror-test-paths.mjs to see where they belong').toEqual([]);
  });

  it('lists only cross-cutting tests that exist and that mirror no single source file', () => {
    for (const [test, why] of Object.entries(CROSS_CUTTING)) {
      expect(existsSync(join(ROOT, test)), test).toBe(true);
      expect(why.length, test).toBeGreaterThan(0);
    }
  });

  it('keeps every helper (no .test file) in test/unit/support/, and no test there', () => {
    const helpers = unitFiles.filter((file) => !tests.includes(file));
    expect(helpers.filter((file) => !file.startsWith(`${SUPPORT}/`))).toEqual([]);
    expect(tests.filter((file) => file.startsWith(`${SUPPORT}/`))).toEqual([]);
  });

  it('leaves the move script nothing to move and nothing it cannot place', () => {
    const { moves, problems } = planMoves();
    expect(problems).toEqual([]);
    expect([...moves]).toEqual([]);
  });
});

describe('the mirroring rules', () => {
  it('mirrors electron/, shared/, renderer/ and build/ under test/unit/ and test/<dir>/ as test/unit/<dir>/', () => {
    expect(mirrorFolder('electron/shell/tray-service.ts')).toBe('test/unit/electron/shell');
    expect(mirrorFolder('renderer/history/history-view.tsx')).toBe('test/unit/renderer/history');
    expect(mirrorFolder('test/runner/reports.mjs')).toBe('test/unit/runner');
  });

  it('matches a test by the stem before its first dot, in the mirrored folder only', () => {
    const known = ['electron/services/logging/redact.ts', 'renderer/history/history-view.tsx'];
    expect(mirroredSources('test/unit/electron/services/logging/redact.property.test.ts', known)).toEqual([known[0]]);
    expect(mirroredSources('test/unit/renderer/history/history-view.test.tsx', known)).toEqual([known[1]]);
    expect(mirroredSources('test/unit/logging/redact.test.ts', known)).toEqual([]);
    expect(mirroredSources('test/unit/electron/services/history/history-view.test.ts', known)).toEqual([]);
  });

  // Built from parts, so that the move script does not take these examples for this file's own imports.
  const from = (names: string, specifier: string) => `import { ${names} } from '${specifier}';`;
  const mock = (specifier: string) => `vi.mock('${specifier}');`;

  it('rewrites relative imports of a moved test and of files importing a moved helper', () => {
    const known = new Set(['electron/cli/exit-codes.ts', 'test/unit/cli/fixtures.ts']);
    const moves = new Map([
      ['test/unit/cli/exit-codes.test.ts', 'test/unit/electron/cli/exit-codes.test.ts'],
      ['test/unit/cli/fixtures.ts', 'test/unit/support/cli-fixtures.ts'],
    ]);
    const text = [
      from('exitCodeFor', '../../../electron/cli/exit-codes.js'),
      from('NOW', './fixtures.js'),
      mock('../../../electron/cli/exit-codes'),
      from('describe', 'vitest'),
    ].join('\n');
    const test = 'test/unit/cli/exit-codes.test.ts';
    expect(rewriteImports(text, test, moves.get(test) ?? test, known, moves).split('\n')).toEqual([
      from('exitCodeFor', '../../../../electron/cli/exit-codes.js'),
      from('NOW', '../../support/cli-fixtures.js'),
      mock('../../../../electron/cli/exit-codes'),
      from('describe', 'vitest'),
    ]);
    const integration = 'test/integration/cli/a.test.ts';
    expect(rewriteImports(from('NOW', '../../unit/cli/fixtures.js'), integration, integration, known, moves)).toBe(
      from('NOW', '../../unit/support/cli-fixtures.js'),
    );
  });
});
