// One scheduler per data directory, whoever runs it: `taper serve` (its start-up run) and two `taper sync` (a cron job,
// and the tray app's tick, which is the same runDue on the same plans.json) started together on real files against the
// simulator create every due link exactly once. runDue holds plans.json's cross-process lock for its whole run and
// reads the history under it, so a later run sees the earlier one's creates.
import { spawn } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PlannedRecording } from '../../../shared/schedule/plans.js';
import { useCliSuite } from '../cli/cli-suite.js';
import { plannedRecording, writePlans } from '../cli/plans-fixture.js';
import { parseJson, runTaper } from '../cli/run-taper.js';
import { startHoldingProxy } from './holding-proxy.js';
import { bounded, call, startServe } from './serve-process.js';

const HOUR = 3_600;
const suite = useCliSuite({ envCredentials: true });

interface PlatformTask {
  taskId: string;
  streamName: string;
}

/** The simulator's tasks, read through its control endpoint as another process would. */
async function platformTasks(): Promise<PlatformTask[]> {
  const response = await fetch(`${suite.simulator.endpoint}/__simulator/tasks`);
  return ((await response.json()) as { tasks: PlatformTask[] }).tasks;
}

/** The simulator is shared by the file's tests: each starts from an empty platform. */
beforeEach(() => suite.simulator.tasks.clear());

/** How many requests of `action` the simulator has received so far. */
async function requestCount(action: string): Promise<number> {
  const response = await fetch(`${suite.simulator.endpoint}/__simulator/requests`);
  return ((await response.json()) as { requests: { action: string }[] }).requests.filter(
    (request) => request.action === action,
  ).length;
}

/** Polls `condition` every 50 ms for at most `timeoutMs` (a child process's progress has no event to await). */
async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The links a `taper sync --json` reports it created. */
const createdEvents = (stdout: string) =>
  parseJson<{ due: { events: { kind: string; recordingId: string; index: number }[] } }>({
    code: 0,
    stdout,
    stderr: '',
  })
    .due.events.filter((event) => event.kind === 'created')
    .map((event) => `${event.recordingId}#${event.index}`);

describe('one scheduler per data directory', () => {
  it('`taper serve` and two `taper sync` started together create each due link exactly once', async () => {
    const now = Math.floor(Date.now() / 1000);
    const recordings = [
      plannedRecording('chain', 'marathon', [
        [now + HOUR, now + 25 * HOUR],
        [now + 25 * HOUR, now + 31 * HOUR],
      ]),
      ...['morning', 'noon', 'evening', 'night'].map((stream, index) =>
        plannedRecording(`single-${stream}`, stream, [[now + (index + 1) * HOUR, now + (index + 2) * HOUR]]),
      ),
    ];
    await writePlans(suite.home, recordings);
    const links = recordings
      .flatMap((recording) => recording.links.map((link) => `${recording.recordingId}#${link.index}`))
      .sort();

    const [serve, first, second] = await Promise.all([
      startServe(suite.env),
      runTaper(['sync', '--json'], { env: suite.env, timeoutMs: 60_000 }),
      runTaper(['sync', '--json'], { env: suite.env, timeoutMs: 60_000 }),
    ]);
    try {
      expect([first.code, second.code], `${first.stdout}${first.stderr}${second.stdout}${second.stderr}`).toEqual([
        0, 0,
      ]);
      await serve.waitForStderr(/scheduler: start-up sync and run done/, 60_000);

      // Exactly one task per link on the platform, and each created by exactly one of the three runs.
      const tasks = await platformTasks();
      expect(tasks).toHaveLength(links.length);
      expect(tasks.filter((task) => task.streamName === 'marathon')).toHaveLength(2);
      for (const stream of ['morning', 'noon', 'evening', 'night'])
        expect(
          tasks.filter((task) => task.streamName === stream),
          stream,
        ).toHaveLength(1);
      const bySync = [first, second].flatMap((run) => createdEvents(run.stdout));
      const byServe = Number(/scheduler: (\d+) planned task\(s\) created/.exec(serve.stderr())?.[1] ?? 0);
      expect(bySync.length + byServe).toBe(links.length);
      expect(new Set(bySync).size).toBe(bySync.length);

      // The history and the plans agree, as the served page sees them.
      const history = await call<{ ok: boolean; value: { taskId: string | null; recordingId?: string }[] }>(
        serve,
        'history:list',
        {},
      );
      expect(history.value.value.map((entry) => entry.taskId).sort()).toEqual(tasks.map((task) => task.taskId).sort());
      const plans = await call<{ ok: boolean; value: PlannedRecording[] }>(serve, 'plans:list');
      expect(plans.value.value.flatMap((recording) => recording.links.map((link) => link.status))).toEqual(
        links.map(() => 'created'),
      );
    } finally {
      expect(await serve.stop()).toBe(0);
    }
    // Nothing more after the processes are gone.
    expect(await platformTasks()).toHaveLength(links.length);
  }, 120_000);

  it('two `taper sync` started while `taper serve` is creating (a create held at the endpoint) wait for it, then create nothing twice', async () => {
    const now = Math.floor(Date.now() / 1000);
    const recordings = ['first', 'second', 'third'].map((stream, index) =>
      plannedRecording(`held-${stream}`, stream, [[now + (index + 1) * HOUR, now + (index + 2) * HOUR]]),
    );
    await writePlans(suite.home, recordings);
    const proxy = await startHoldingProxy(suite.simulator.endpoint, 'CreateRecordTask');
    const env = { ...suite.env, TAPER_ENDPOINT: proxy.endpoint };
    const serve = await startServe(env);
    try {
      // Serve's start-up run is inside its first create, holding the plans lock.
      await bounded(proxy.held(), 20_000, "serve's first create");
      const describesBefore = await requestCount('DescribeRecordTask');
      const syncs = [0, 1].map(() => {
        const child = spawn(process.execPath, ['bin/taper', 'sync', '--json'], {
          env: env as NodeJS.ProcessEnv,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        return {
          child,
          stdout: () => stdout,
          exited: new Promise<number | null>((resolve) => child.on('exit', resolve)),
        };
      });
      // Both syncs have fetched the platform's tasks (their next step is runDue, which waits for the lock).
      await until(
        async () => (await requestCount('DescribeRecordTask')) >= describesBefore + 2,
        30_000,
        'both syncs reaching the platform',
      );
      expect(syncs.map((sync) => sync.child.exitCode)).toEqual([null, null]);
      proxy.release();

      const codes = await bounded(Promise.all(syncs.map((sync) => sync.exited)), 60_000, 'the syncs');
      expect(codes).toEqual([0, 0]);
      await serve.waitForStderr(/scheduler: start-up sync and run done/, 60_000);
      expect(syncs.flatMap((sync) => createdEvents(sync.stdout()))).toEqual([]);
      expect(serve.stderr()).toContain('scheduler: 3 planned task(s) created');
      const tasks = await platformTasks();
      for (const stream of ['first', 'second', 'third'])
        expect(
          tasks.filter((task) => task.streamName === stream),
          stream,
        ).toHaveLength(1);
      expect(tasks.filter((task) => ['first', 'second', 'third'].includes(task.streamName))).toHaveLength(3);
    } finally {
      proxy.release();
      expect(await serve.stop()).toBe(0);
      await proxy.close();
    }
  }, 120_000);
});
