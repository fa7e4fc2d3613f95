// `npm test`: every check this machine can run, in order, then one plain summary line
// ("N passed, N failed, N skipped") that CI reads. The stages are listed in test/runner/stages.mjs; a test can
// run this same runner over its own (TAPER_TEST_STAGES=/path/to/stages.mjs, exporting `stages`).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runStages } from './runner/run-stages.mjs';

const stagesModule = process.env.TAPER_TEST_STAGES
  ? pathToFileURL(resolve(process.env.TAPER_TEST_STAGES)).href
  : new URL('./runner/stages.mjs', import.meta.url).href;

let stages;
try {
  ({ stages } = await import(stagesModule));
  if (!Array.isArray(stages)) throw new Error('it exports no `stages` array');
} catch (error) {
  // Still the one line CI reads, so a broken stage list is a red run rather than a missing summary.
  console.log(
    `\n=== summary\n  stages: FAILED to load ${stagesModule}: ${error instanceof Error ? error.message : String(error)}`,
  );
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const totals = await runStages({ stages });
process.exit(totals.failed === 0 ? 0 : 1);
