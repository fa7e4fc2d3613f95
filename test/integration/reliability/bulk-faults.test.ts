// `taper import` at its default concurrency (4 in flight) when things go wrong mid-run: one create whose answer is lost
// (executed, then the connection hangs) and rate refusals that outlast the client's retries. The run goes on with the
// other rows, reports each as what it is (unknown → run sync; failed with the platform's code),
// exits with the worst (4), and `taper sync` then settles the unknown one to the task the platform made: no duplicate,
// no row lost.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformTasks, useCliSuite } from '../cli/cli-suite.js';
import { parseJson, runTaper } from '../cli/run-taper.js';

const suite = useCliSuite({ envCredentials: true, extraEnv: { TAPER_TIMEOUT_SECONDS: '1' } });
const ROWS = 30;

interface ImportItem {
  stream: string;
  status: string;
  taskIds: string[];
  error: { code: string } | null;
}

describe('bulk import with faults mid-run', () => {
  it(`${ROWS} rows, 4 in flight: a lost answer and exhausted rate-limit retries mid-run; the rest go through, sync settles`, async () => {
    const rows = Array.from({ length: ROWS }, (_, row) => `push.example.com,live,bulk-${row},+${1 + (row % 3)}h,30m,1`);
    const file = join(suite.home, 'bulk.csv');
    await writeFile(file, `domain,app,stream,from,duration,template\n${rows.join('\n')}\n`);
    const running = runTaper(['import', file, '--json'], { env: suite.env, timeoutMs: 90_000 });
    // Mid-run: once a few creates went through, the next create loses its answer, then 24 rate refusals follow. While
    // refusals remain every attempt is refused, so the (at most 4) requests in flight share them and at least one
    // is refused 6 times, past the client's 5 retries. Bounded wait for the run to get that far.
    const creates = () => suite.simulator.requests().filter((request) => request.action === 'CreateRecordTask').length;
    for (let waited = 0; creates() < 5 && waited < 30_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(creates()).toBeGreaterThanOrEqual(5);
    suite.simulator.faults.inject('create-then-hang', { action: 'CreateRecordTask' });
    suite.simulator.faults.inject('rate-limit', { action: 'CreateRecordTask', times: 24 });
    const run = await running;
    expect(run.code, run.stderr.slice(-400)).toBe(4);
    const report = parseJson<{ created: number; unknown: number; failed: number; items: ImportItem[] }>(run);
    expect(report.unknown).toBe(1);
    expect(report.failed).toBeGreaterThanOrEqual(1);
    expect(report.failed).toBeLessThanOrEqual(4);
    expect(report.created).toBe(ROWS - 1 - report.failed);
    const failedItems = report.items.filter((item) => item.status === 'failed');
    expect(failedItems.map((item) => item.error?.code)).toEqual(failedItems.map(() => 'RequestLimitExceeded'));
    expect(report.items.find((item) => item.status === 'unknown')?.error?.code).toBe('Taper.UnknownOutcome');

    // The lost answer's task exists on the platform; sync finds it, so the history ends with one task per created row.
    const synced = await runTaper(['sync', '--json'], { env: suite.env });
    expect(synced.code, synced.stderr).toBe(0);
    const history = parseJson<{ stream: string; taskId: string | null; status: string }[]>(
      await runTaper(['history', '--json'], { env: suite.env }),
    );
    const unknownStream = report.items.find((item) => item.status === 'unknown')?.stream.split('/')[2];
    expect(history.find((row) => row.stream === unknownStream)).toMatchObject({ status: 'scheduled' });
    expect(history.find((row) => row.stream === unknownStream)?.taskId).not.toBeNull();
    for (const item of failedItems)
      expect(history.find((row) => row.stream === item.stream.split('/')[2])).toMatchObject({
        status: 'failed',
        taskId: null,
      });
    const tasks = (await platformTasks(suite.simulator)).filter((task) => task.streamName.startsWith('bulk-'));
    expect(tasks).toHaveLength(ROWS - report.failed);
    expect(new Set(tasks.map((task) => task.streamName)).size).toBe(ROWS - report.failed);
    for (const task of tasks) expect(history.filter((row) => row.taskId === task.taskId)).toHaveLength(1);
  }, 120_000);
});
