// Four `taper import` processes of 200 rows each race on one data directory: every row is a record of its own (its
// `unknown` entry appended before the call, then updated with the TaskId), so the history takes 1,600 locked writes
// from four processes at once, not one bulk write per process. All 800 must be there after, each with its task.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../../electron/services/history/history-store.js';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';
import { recordFigures } from '../../reliability/figures.js';
import { baseEnv, freshHome, parseJson, runTaper } from '../cli/run-taper.js';

const PROCESSES = 4;
const ROWS = 200;
let simulator: Simulator;

beforeAll(async () => {
  // The account's limit is not what is tested: each process paces itself to 20/s anyway.
  simulator = await startSimulator({ accounts: [DEMO_ACCOUNT], rateLimitPerSecond: 10_000 });
});
afterAll(async () => {
  await simulator.close();
});

describe('racing records', () => {
  it(`${PROCESSES} processes × ${ROWS} records at once keep ${PROCESSES * ROWS} of ${PROCESSES * ROWS}`, async () => {
    const home = await freshHome();
    const env = {
      ...baseEnv(home, simulator.endpoint),
      TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
      TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
    };
    const files = await Promise.all(
      Array.from({ length: PROCESSES }, async (_, process) => {
        const rows = Array.from(
          { length: ROWS },
          (_, row) => `push.example.com,live,racer-${process}-${row},+${1 + (row % 5)}h,1h,1`,
        );
        const file = join(home, `racer-${process}.csv`);
        await writeFile(file, `domain,app,stream,from,duration,template\n${rows.join('\n')}\n`);
        return file;
      }),
    );
    const runs = await Promise.all(
      files.map((file) => runTaper(['import', file, '--json'], { env, timeoutMs: 120_000 })),
    );
    for (const run of runs) {
      expect(run.code, run.stderr.slice(-500)).toBe(0);
      expect(parseJson<{ created: number }>(run).created).toBe(ROWS);
    }

    const listed = parseJson<{ stream: string; taskId: string | null; status: string }[]>(
      await runTaper(['history', '--json'], { env }),
    );
    const expected = Array.from(
      { length: PROCESSES * ROWS },
      (_, index) => `racer-${Math.floor(index / ROWS)}-${index % ROWS}`,
    );
    const withTask = new Set(
      listed.filter((row) => row.taskId !== null && row.status === 'scheduled').map((row) => row.stream),
    );
    const lost = expected.filter((stream) => !withTask.has(stream));
    const reread = await createHistoryStore({ directory: home, clock: Date.now }).list();
    recordFigures('racing-records', {
      entriesLost: lost.length + Math.abs(listed.length - PROCESSES * ROWS),
      note: `${PROCESSES} taper import processes x ${ROWS} records (append + update each) at once`,
    });
    expect(lost).toEqual([]);
    expect(listed).toHaveLength(PROCESSES * ROWS);
    expect(reread.ok && reread.value).toHaveLength(PROCESSES * ROWS);
    expect(simulator.requests().filter((request) => request.action === 'CreateRecordTask')).toHaveLength(
      PROCESSES * ROWS,
    );
  }, 150_000);
});
