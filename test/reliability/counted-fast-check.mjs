// fast-check with its runs counted, for property tests whose "inputs tried" the reliability table reports:
// `import fc from '../../reliability/counted-fast-check.mjs'` in place of `import fc from 'fast-check'` (types and
// all else are fast-check's own: see counted-fast-check.d.mts). Every fc.assert adds the runs fast-check really
// made (its RunDetails.numRuns: fc.pre skips left out, up to a failure) to the figures of the test file that
// called it, so the table never guesses them from the source. Vitest only (it asks vitest which file is running).
import fc from 'fast-check';
import { relative, sep } from 'node:path';
import { expect } from 'vitest';
import { recordFigures } from './figures.ts';

/** suite -> { properties, runs, failed } so far in this worker. */
const tallies = new Map();

/** `unit: shared/ipc/contract.test.ts` for test/unit/shared/ipc/contract.test.ts: the project, then the path inside it. */
export function propertySuiteName(testPath, cwd = process.cwd()) {
  const parts = relative(cwd, testPath).split(sep);
  if (parts[0] === 'test' && parts.length > 2) return `${parts[1]}: ${parts.slice(2).join('/')}`;
  return `property: ${parts.join('/')}`;
}

function countingPlugin(suite) {
  return () => ({
    onAllRunsComplete: (details) => {
      const tally = tallies.get(suite) ?? { properties: 0, runs: 0, failed: 0 };
      tally.properties += 1;
      tally.runs += details.numRuns;
      if (details.failed) tally.failed += 1;
      tallies.set(suite, tally);
      const failed = tally.failed > 0 ? `, ${tally.failed} FAILED` : '';
      recordFigures(suite, {
        inputsTried: tally.runs,
        note: `fast-check runs of ${tally.properties} properties${failed}`,
      });
    },
  });
}

function assert(property, params) {
  const testPath = expect.getState().testPath;
  if (testPath === undefined) return fc.assert(property, params);
  return fc.assert(property, {
    ...params,
    plugins: [...(params?.plugins ?? []), countingPlugin(propertySuiteName(testPath))],
  });
}

/** fast-check itself, except that `assert` records how many runs it made. */
export default { ...fc, assert };
