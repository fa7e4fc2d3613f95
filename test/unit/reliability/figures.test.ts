// The figure writers of test/reliability/: every figure carries the run that measured it, and a property test's
// "inputs tried" is the number of runs fast-check really made, counted as they ran.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type FastCheck from 'fast-check';
import { describe, expect, it } from 'vitest';

// Set before figures.ts is imported (below, dynamically): its figures go here, not into test-results/.
const directory = mkdtempSync(join(tmpdir(), 'taper-figures-'));
process.env['TAPER_FIGURES_DIRECTORY'] = directory;
const { FIGURES_DIRECTORY, figuresFile, recordFigures } = await import('../../reliability/figures.js');
const counted = await import('../../reliability/counted-fast-check.mjs');
// Annotated: fc.pre is an assertion function, which TypeScript only calls through a declared type.
const fc: typeof FastCheck = counted.default;
const { propertySuiteName } = counted;
// Read once, at import: other files of this worker keep the default.
delete process.env['TAPER_FIGURES_DIRECTORY'];

const read = (suite: string) =>
  JSON.parse(readFileSync(figuresFile(suite, directory), 'utf8')) as Record<string, unknown>;
const SUITE = 'unit: reliability/figures.test.ts';

describe('recordFigures', () => {
  it('stamps the figures with the run id it is given and the time they were written', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'taper-figures-'));
    const before = Date.now();
    const recorded = recordFigures('bad-input', { inputsTried: 7 }, elsewhere, { TAPER_TEST_RUN_ID: 'run-42' });
    expect(recorded).toMatchObject({ suite: 'bad-input', runId: 'run-42', inputsTried: 7 });
    expect(Date.parse(recorded.recordedAt)).toBeGreaterThanOrEqual(before);
    expect(JSON.parse(readFileSync(join(elsewhere, 'bad-input.json'), 'utf8'))).toEqual(recorded);
  });

  it('writes a null run id outside a run, so the table can tell', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'taper-figures-'));
    expect(recordFigures('faults', {}, elsewhere, {}).runId).toBeNull();
  });

  it('names the file after the suite, made safe for a path', () => {
    expect(figuresFile('unit: ipc/contract.test.ts', '/x')).toBe('/x/unit-ipc-contract.test.ts.json');
    expect(FIGURES_DIRECTORY).toBe(directory);
  });
});

describe('counted fast-check', () => {
  it('names the suite after the test file: its project, then the path inside it', () => {
    expect(propertySuiteName(resolve('test/unit/shared/ipc/contract.test.ts'))).toBe(
      'unit: shared/ipc/contract.test.ts',
    );
    expect(propertySuiteName(resolve('elsewhere/x.test.ts'))).toBe('property: elsewhere/x.test.ts');
  });

  it('adds the runs each assert made, fc.pre skips left out, to the figures of the calling file', async () => {
    fc.assert(
      fc.property(fc.integer(), () => true),
      { numRuns: 25 },
    );
    expect(read(SUITE)).toMatchObject({ suite: SUITE, inputsTried: 25, note: 'fast-check runs of 1 properties' });
    fc.assert(
      fc.property(fc.integer(), (value) => {
        fc.pre(value % 2 === 0);
      }),
      { numRuns: 10, seed: 1 },
    );
    expect(read(SUITE)['inputsTried']).toBe(35);
    await fc.assert(
      fc.asyncProperty(fc.boolean(), async () => true),
      { numRuns: 5 },
    );
    expect(read(SUITE)).toMatchObject({ inputsTried: 40, note: 'fast-check runs of 3 properties' });
    expect(read(SUITE)['runId']).toBe(process.env['TAPER_TEST_RUN_ID'] ?? null);
  });

  it('still fails as fast-check fails, and counts the runs up to the failure', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.nat(), (value) => value < 0),
        { numRuns: 50 },
      ),
    ).toThrow(/Property failed after 1 tests/);
    expect(read(SUITE)).toMatchObject({ inputsTried: 41, note: 'fast-check runs of 4 properties, 1 FAILED' });
    expect(readdirSync(directory)).toEqual(['unit-reliability-figures.test.ts.json']);
  });
});
