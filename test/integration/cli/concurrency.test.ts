// Two `taper` processes writing the same history at once, and a `taper record` killed mid-flight: nothing lost,
// the history always readable.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useCliSuite } from './cli-suite.js';
import { parseJson, runTaper, TAPER } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true });
const PER_PROCESS = 12;

async function recordMany(prefix: string): Promise<string[]> {
  const taskIds: string[] = [];
  for (let index = 0; index < PER_PROCESS; index += 1) {
    const run = await runTaper(
      [
        'record',
        '--domain',
        'push.example.com',
        '--app',
        'live',
        '--stream',
        `${prefix}-${index}`,
        '--from',
        '+1h',
        '--for',
        '1h',
        '--template',
        '1',
        '--json',
      ],
      { env: suite.env },
    );
    expect(run.code, run.stderr).toBe(0);
    taskIds.push(parseJson<{ taskId: string }>(run).taskId);
  }
  return taskIds;
}

describe('history shared by processes', () => {
  it('two CLI processes recording at the same time lose no entry', async () => {
    const [first, second] = await Promise.all([recordMany('alpha'), recordMany('beta')]);
    const history = parseJson<{ taskId: string; status: string }[]>(
      await runTaper(['history', '--json'], { env: suite.env }),
    );
    expect(history).toHaveLength(2 * PER_PROCESS);
    expect(new Set(history.map((entry) => entry.taskId))).toEqual(new Set([...first, ...second]));
  }, 120_000);

  it('a `taper record` killed at random moments, and inside its create call, never leaves an unreadable history, and sync settles what it left', async () => {
    const endings: string[] = [];
    for (let round = 0; round < 8; round += 1) {
      // Odd rounds: the create is executed and its answer never comes, so the kill surely lands inside the call, after
      // the `unknown` entry was written. Even rounds: a random moment (it may also find the record already done).
      const insideCall = round % 2 === 1;
      if (insideCall) suite.simulator.faults.inject('create-then-hang', { action: 'CreateRecordTask' });
      const before = suite.simulator.requests().length;
      const child = spawn(
        process.execPath,
        [
          TAPER,
          'record',
          '--domain',
          'push.example.com',
          '--app',
          'live',
          '--stream',
          `killed-${round}`,
          '--from',
          '+2h',
          '--for',
          '1h',
          '--template',
          '1',
        ],
        {
          env: suite.env as NodeJS.ProcessEnv,
          stdio: 'ignore',
        },
      );
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      if (insideCall) {
        // Bounded: the call arrives within a few seconds or the round fails.
        for (let waited = 0; suite.simulator.requests().length === before && waited < 10_000; waited += 20)
          await new Promise((resolve) => setTimeout(resolve, 20));
        expect(suite.simulator.requests().length, `round ${round}: the create reached the platform`).toBeGreaterThan(
          before,
        );
        child.kill('SIGKILL');
      } else {
        setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(Math.random() * 400));
      }
      const exit = await exited;
      endings.push(exit.signal ?? `exit ${exit.code}`);
      // The proof the kill happened where it was meant to: a process waiting on its answer ends by SIGKILL, nothing else.
      if (insideCall) expect(exit.signal, `round ${round}`).toBe('SIGKILL');
      const listed = await runTaper(['history', '--json'], { env: suite.env });
      expect(listed.code, listed.stderr).toBe(0);
      parseJson(listed);
    }
    suite.simulator.faults.clear();
    expect(endings.filter((ending) => ending === 'SIGKILL').length).toBeGreaterThanOrEqual(4);
    // Whatever the kills left as `unknown` is matched to a real task or found never created: no guessing later.
    const synced = await runTaper(['sync', '--json'], { env: suite.env });
    expect(synced.code, synced.stderr).toBe(0);
    const history = parseJson<{ taskId: string | null; status: string; stream: string }[]>(
      await runTaper(['history', '--json'], { env: suite.env }),
    );
    const platform = await fetch(`${suite.simulator.endpoint}/__simulator/tasks`).then(
      (response) => response.json() as Promise<{ tasks: { taskId: string; streamName: string }[] }>,
    );
    for (const task of platform.tasks.filter((item) => item.streamName.startsWith('killed-'))) {
      // Every task the platform holds is known to the history exactly once.
      expect(history.filter((entry) => entry.taskId === task.taskId)).toHaveLength(1);
    }
  }, 120_000);
});
