// `taper sync` settles the outcome of every window that ended (files listed): stored in the history, shown by
// `taper history --json` as `outcome` (absent until settled), with `nothing` and `partial` as alerts on stdout naming
// the stream, exit 6 until `taper alerts ack TASK_ID`. 500 finished tasks settle in one sync, within the rate limits
// (the simulator enforces them). Tasks made elsewhere are not judged. A refused VOD lookup leaves them unsettled and says
// which CAM policy to grant.
import { describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../../electron/services/history/history-store.js';
import { DEMO_ACCOUNT } from '../../../electron/simulator/index.js';
import { useCliSuite } from '../cli/cli-suite.js';
import { PLAN_STREAM } from '../cli/plans-fixture.js';
import { parseJson, runTaper } from '../cli/run-taper.js';

const HOUR = 3_600;
const suite = useCliSuite({ envCredentials: true });
const DOMAIN = PLAN_STREAM.domainName;
const APP = PLAN_STREAM.appName;
const now = () => Math.floor(Date.now() / 1000);

interface Row {
  stream: string;
  taskId: string | null;
  outcome?: string;
  outcomeDetail?: { files: unknown[]; reason: string | null };
}

/** Tasks on the platform with their history entries, as earlier `taper record` runs leave them; returns the TaskIds. */
async function pastTasks(
  windows: { stream: string; startTime: number; endTime: number; source?: 'taper' | 'imported' }[],
): Promise<string[]> {
  const history = createHistoryStore({ directory: suite.home, clock: Date.now });
  const ids: string[] = [];
  const entries = windows.map(({ stream, startTime, endTime, source = 'taper' }, index) => {
    const task = suite.simulator.tasks.create(
      DEMO_ACCOUNT.secretId,
      {
        domainName: DOMAIN,
        appName: APP,
        streamName: stream,
        startTime,
        endTime,
        streamType: 0,
        templateId: null,
        extension: null,
      },
      startTime - 60,
    );
    ids.push(task.taskId);
    return {
      id: `past-${index}-${stream}`,
      taskId: task.taskId,
      requestId: 'req',
      status: 'finished' as const,
      domain: DOMAIN,
      app: APP,
      stream,
      startTime,
      endTime,
      templateId: null,
      streamType: 0 as const,
      profile: null,
      region: 'ap-guangzhou',
      createdAt: startTime - 60,
      updatedAt: startTime - 60,
      error: null,
      source,
      extension: null,
    };
  });
  const written = await history.mutate((existing) => ({ entries: [...existing, ...entries], result: null }));
  if (!written.ok) throw new Error(written.error.message);
  return ids;
}

async function push(stream: string, startTime: number, endTime: number): Promise<void> {
  const response = await fetch(`${suite.simulator.endpoint}/__simulator/push`, {
    method: 'POST',
    body: JSON.stringify({ domain: DOMAIN, app: APP, stream, startTime, endTime }),
  });
  expect(response.status).toBe(200);
}

const rows = async () => parseJson<Row[]>(await runTaper(['history', '--json'], { env: suite.env }));

describe('taper sync settles outcomes', () => {
  it('recorded, partial and nothing stored in the history; alerts name the stream; ack quiets them; imported tasks are not judged', async () => {
    const start = now() - 3 * HOUR;
    const end = start + HOUR;
    const [recordedTask, partialTask, nothingTask] = await pastTasks([
      { stream: 'settle-recorded', startTime: start, endTime: end },
      { stream: 'settle-partial', startTime: start, endTime: end },
      { stream: 'settle-nothing', startTime: start, endTime: end },
      { stream: 'settle-elsewhere', startTime: start, endTime: end, source: 'imported' },
    ]);
    // A window still running is not settled either.
    await pastTasks([{ stream: 'settle-running', startTime: now() - 600, endTime: now() + HOUR }]);
    await push('settle-recorded', start - 60, end + 60);
    // A 10-minute break in the middle of the push: a gap inside the window.
    await push('settle-partial', start, start + 20 * 60);
    await push('settle-partial', start + 30 * 60, end);
    expect((await rows()).every((row) => row.outcome === undefined)).toBe(true);

    const synced = await runTaper(['sync'], { env: suite.env });
    expect(synced.code, synced.stdout + synced.stderr).toBe(6);
    expect(synced.stdout).toContain('Outcomes: 3 settled (1 recorded, 1 partial, 1 nothing)');
    expect(synced.stdout).toMatch(
      new RegExp(
        `^ALERT \\[nothing\\]: settle-nothing \\(live · ${DOMAIN.replaceAll('.', '\\.')}\\) task ${nothingTask} .*never pushed.*\\(taper alerts ack ${nothingTask}\\)$`,
        'm',
      ),
    );
    expect(synced.stdout).toMatch(new RegExp(`^ALERT \\[partial\\]: settle-partial .* task ${partialTask} `, 'm'));
    expect(synced.stdout).not.toContain(`task ${recordedTask}`);

    const byStream = new Map((await rows()).map((row) => [row.stream, row]));
    expect(byStream.get('settle-recorded')).toMatchObject({ outcome: 'recorded' });
    expect(byStream.get('settle-recorded')?.outcomeDetail?.files).toHaveLength(1);
    expect(byStream.get('settle-partial')?.outcome).toBe('partial');
    expect(byStream.get('settle-nothing')).toMatchObject({ outcome: 'nothing', outcomeDetail: { files: [] } });
    expect(byStream.get('settle-elsewhere')?.outcome).toBeUndefined();
    expect(byStream.get('settle-running')?.outcome).toBeUndefined();

    // Offline afterwards: the history shows it without any call.
    suite.simulator.clearRequests();
    expect((await rows()).find((row) => row.stream === 'settle-recorded')?.outcome).toBe('recorded');
    expect(suite.simulator.requests()).toEqual([]);

    const alerts = await runTaper(['alerts', '--json'], { env: suite.env });
    expect(alerts.code).toBe(6);
    const { outcomeAlerts } = parseJson<{
      outcomeAlerts: { taskId: string; domain: string; app: string; stream: string; outcome: string }[];
    }>(alerts);
    expect(outcomeAlerts.map((alert) => [alert.stream, alert.app, alert.domain, alert.outcome]).sort()).toEqual([
      ['settle-nothing', APP, DOMAIN, 'nothing'],
      ['settle-partial', APP, DOMAIN, 'partial'],
    ]);
    const acknowledged = await runTaper(['alerts', 'ack', nothingTask ?? '', partialTask ?? ''], { env: suite.env });
    expect([acknowledged.code, acknowledged.stdout]).toEqual([0, 'Acknowledged 2 alert(s).\n']);
    const quiet = await runTaper(['sync'], { env: suite.env });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout).not.toContain('ALERT');
    // Settled once: the second sync looked nothing up again.
    expect(suite.simulator.requests().filter((request) => request.action === 'SearchMedia')).toEqual([]);
  });

  it('500 finished tasks settle in one sync within the rate limits (the simulator enforces them)', async () => {
    const start = now() - 6 * HOUR;
    const windows = Array.from({ length: 500 }, (_, index) => ({
      stream: `bulk-settle-${index}`,
      startTime: start + index * 30,
      endTime: start + index * 30 + 600,
    }));
    await pastTasks(windows);
    for (const window of windows.slice(0, 250)) await push(window.stream, window.startTime, window.endTime);
    suite.simulator.clearRequests();
    const synced = await runTaper(['sync', '--json'], { env: suite.env, timeoutMs: 120_000 });
    expect([6, 0]).toContain(synced.code);
    const report = parseJson<{
      outcomes: { settled: number; recorded: number; nothing: number; pending: number; problems: unknown[] };
    }>(synced);
    expect(report.outcomes).toMatchObject({ settled: 500, recorded: 250, nothing: 250, pending: 0, problems: [] });
    // The settling calls stay within VOD's 100/s and Live's 20/s: none refused.
    const limited = suite.simulator
      .requests()
      .filter(
        (request) =>
          request.errorCode === 'RequestLimitExceeded' &&
          (request.action === 'SearchMedia' || request.action === 'DescribeLiveStreamEventList'),
      );
    expect(limited.map((request) => `${request.action}`).join(','), JSON.stringify(limited.slice(0, 3))).toBe('');
    expect((await rows()).filter((row) => row.outcome !== undefined)).toHaveLength(500);
  }, 150_000);

  it('a key without VOD read permission: nothing settled, the CAM policy named, tried once per profile', async () => {
    const start = now() - 3 * HOUR;
    await pastTasks(
      [0, 1, 2].map((index) => ({
        stream: `no-vod-${index}`,
        startTime: start + index * 60,
        endTime: start + index * 60 + 600,
      })),
    );
    suite.simulator.clearRequests();
    suite.simulator.faults.inject('unauthorized-operation', { action: 'SearchMedia', times: 10 });
    const synced = await runTaper(['sync', '--json'], { env: suite.env });
    expect(synced.code, synced.stderr).toBe(0);
    const { outcomes } = parseJson<{
      outcomes: { settled: number; pending: number; problems: { code: string; message: string }[] };
    }>(synced);
    expect(outcomes).toMatchObject({ settled: 0, pending: 3 });
    expect(outcomes.problems[0]?.message).toContain('QcloudVODReadOnlyAccess');
    expect(suite.simulator.requests().filter((request) => request.action === 'SearchMedia').length).toBeLessThanOrEqual(
      4,
    );
    expect((await rows()).every((row) => row.outcome === undefined)).toBe(true);
  });
});
