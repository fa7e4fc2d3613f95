// `taper files TASK_ID|RECORDING_ID` through the real bin/taper against the simulator: tasks whose windows are over
// (put straight into the simulator's store and the history, as the platform and an earlier `taper record` would have
// left them), pushes through the simulator's control route, files from VOD SearchMedia, pushes from
// DescribeLiveStreamEventList, one settled outcome.
import { describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../../electron/services/history/history-store.js';
import { DEMO_ACCOUNT } from '../../../electron/simulator/index.js';
import { useCliSuite } from '../cli/cli-suite.js';
import { plannedRecording, writePlans, PLAN_STREAM } from '../cli/plans-fixture.js';
import { parseJson, runTaper } from '../cli/run-taper.js';

const HOUR = 3_600;
const suite = useCliSuite({ envCredentials: true });
const DOMAIN = PLAN_STREAM.domainName;
const APP = PLAN_STREAM.appName;

interface FilesJson {
  outcome: string;
  files: {
    fileId: string;
    url: string;
    startTime: number;
    endTime: number;
    durationSeconds: number;
    sizeBytes: number;
  }[];
  pushes: { startTime: number; endTime: number }[];
  gaps: { startTime: number; endTime: number }[];
  reason: string | null;
}

const now = () => Math.floor(Date.now() / 1000);

/** A task on the platform and its history entry, as `taper record` leaves them; returns the TaskId. */
async function pastTask(
  stream: string,
  startTime: number,
  endTime: number,
  recordingId: string | null = null,
): Promise<string> {
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
  const history = createHistoryStore({ directory: suite.home, clock: Date.now });
  const appended = await history.append({
    taskId: task.taskId,
    requestId: 'req',
    status: 'scheduled',
    domain: DOMAIN,
    app: APP,
    stream,
    startTime,
    endTime,
    templateId: null,
    streamType: 0,
    profile: null,
    region: 'ap-guangzhou',
    createdAt: startTime - 60,
    error: null,
    source: 'taper',
    extension: null,
    recordingId,
  });
  if (!appended.ok) throw new Error(appended.error.message);
  return task.taskId;
}

/** A push through the control route, as another process (taper sandbox push) would. */
async function push(stream: string, startTime: number, endTime: number): Promise<void> {
  const response = await fetch(`${suite.simulator.endpoint}/__simulator/push`, {
    method: 'POST',
    body: JSON.stringify({ domain: DOMAIN, app: APP, stream, startTime, endTime }),
  });
  expect(response.status).toBe(200);
}

async function files(id: string): Promise<FilesJson> {
  const run = await runTaper(['files', id, '--json'], { env: suite.env });
  expect(run.code, run.stderr).toBe(0);
  return parseJson<FilesJson>(run);
}

describe('taper files', () => {
  it('recorded: one push covering the window gives one file, outcome recorded, no gaps', async () => {
    const start = now() - 2 * HOUR;
    const end = start + HOUR;
    const taskId = await pastTask('show-recorded', start, end);
    await push('show-recorded', start - 120, end + 120);
    const result = await files(taskId);
    expect(result).toMatchObject({ outcome: 'recorded', gaps: [], reason: null });
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({
      startTime: start,
      endTime: end,
      durationSeconds: HOUR,
      sizeBytes: HOUR * 250_000,
    });
    expect(result.files[0]?.url).toMatch(/^https:\/\/.+\.m3u8$/);
    expect(result.pushes).toEqual([{ startTime: start - 120, endTime: end + 120 }]);
    const actions = suite.simulator.requests().map((request) => request.action);
    expect(actions).toContain('SearchMedia');
    expect(actions).toContain('DescribeLiveStreamEventList');

    const text = await runTaper(['files', taskId], { env: suite.env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^recorded {2}push\.example\.com\/live\/show-recorded/);
    expect(text.stdout).toContain(`file ${result.files[0]?.fileId}`);
  });

  it('partial: a 10-minute break in the push is a gap, with the stream not pushed then', async () => {
    const start = now() - 2 * HOUR;
    const end = start + HOUR;
    const taskId = await pastTask('show-gap', start, end);
    await push('show-gap', start, start + 20 * 60);
    await push('show-gap', start + 30 * 60, end);
    const result = await files(taskId);
    expect(result.outcome).toBe('partial');
    expect(result.files).toHaveLength(2);
    expect(result.gaps).toEqual([{ startTime: start + 20 * 60, endTime: start + 30 * 60 }]);
    expect(result.reason).toContain('not pushed');
  });

  it('nothing: a stream never pushed, and one pushed for 5 s only, each with its reason', async () => {
    const start = now() - 2 * HOUR;
    const never = await pastTask('show-never', start, start + HOUR);
    expect(await files(never)).toMatchObject({
      outcome: 'nothing',
      files: [],
      pushes: [],
      gaps: [],
      reason: expect.stringContaining('never pushed'),
    });

    const short = await pastTask('show-short', start, start + HOUR);
    await push('show-short', start + 600, start + 605);
    const result = await files(short);
    expect(result).toMatchObject({
      outcome: 'nothing',
      files: [],
      pushes: [{ startTime: start + 600, endTime: start + 605 }],
    });
    expect(result.reason).toContain('less than 10 s');
  });

  it('pending: a task created by taper record whose window is not over (pushed by `taper sandbox push`); no lookup sent', async () => {
    const created = await runTaper(
      [
        'record',
        '--domain',
        DOMAIN,
        '--app',
        APP,
        '--stream',
        'show-live',
        '--for',
        '30m',
        '--template',
        '1',
        '--json',
      ],
      { env: suite.env },
    );
    expect(created.code, created.stderr).toBe(0);
    const { taskId } = parseJson<{ taskId: string }>(created);
    const pushed = await runTaper(
      ['sandbox', 'push', '--stream', 'show-live', '--for', '10m', '--domain', DOMAIN, '--app', APP],
      { env: suite.env },
    );
    expect(pushed.code, pushed.stderr).toBe(0);
    const live = suite.simulator.pushes.list().filter((session) => session.stream === 'show-live');
    expect(live).toEqual([expect.objectContaining({ stream: 'show-live', domain: DOMAIN, app: APP })]);
    const list = live[0];
    expect((list?.endTime ?? 0) - (list?.startTime ?? 0)).toBe(600);

    suite.simulator.clearRequests();
    const result = await files(taskId);
    expect(result).toMatchObject({ outcome: 'pending', files: [], gaps: [] });
    expect(result.reason).toContain('not ended');
    expect(suite.simulator.requests()).toEqual([]);
  });

  it('unknown: VOD refuses the lookup (CAM), outcome unknown naming QcloudVODReadOnlyAccess, exit 0', async () => {
    const start = now() - 2 * HOUR;
    const taskId = await pastTask('show-refused', start, start + HOUR);
    await push('show-refused', start, start + HOUR);
    const injected = await fetch(`${suite.simulator.endpoint}/__simulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'unauthorized-operation', action: 'SearchMedia' }),
    });
    expect(injected.status).toBe(200);
    const result = await files(taskId);
    expect(result.outcome).toBe('unknown');
    expect(result.files).toEqual([]);
    expect(result.reason).toContain('AuthFailure.UnauthorizedOperation');
    expect(result.reason).toContain('QcloudVODReadOnlyAccess');
  });

  it('a chain of two links is one outcome: a push over both windows is recorded from two files', async () => {
    const start = now() - 3 * HOUR;
    const middle = start + HOUR;
    const end = middle + HOUR;
    const first = await pastTask('show-chain', start, middle, 'chain-1');
    const second = await pastTask('show-chain', middle, end, 'chain-1');
    const recording = plannedRecording(
      'chain-1',
      'show-chain',
      [
        [start, middle],
        [middle, end],
      ],
      'created',
    );
    recording.links[0]!.taskId = first;
    recording.links[1]!.taskId = second;
    await writePlans(suite.home, [recording]);
    await push('show-chain', start, end);
    const result = await files('chain-1');
    expect(result.outcome).toBe('recorded');
    expect(result.files.map((file) => [file.startTime, file.endTime])).toEqual([
      [start, middle],
      [middle, end],
    ]);

    // The same chain with the push broken across the boundary: one outcome, one gap.
    const other = plannedRecording(
      'chain-2',
      'show-chain2',
      [
        [start, middle],
        [middle, end],
      ],
      'created',
    );
    other.links[0]!.taskId = await pastTask('show-chain2', start, middle, 'chain-2');
    other.links[1]!.taskId = await pastTask('show-chain2', middle, end, 'chain-2');
    await writePlans(suite.home, [recording, other]);
    await push('show-chain2', start, middle - 300);
    await push('show-chain2', middle + 300, end);
    const broken = await files('chain-2');
    expect(broken.outcome).toBe('partial');
    expect(broken.gaps).toEqual([{ startTime: middle - 300, endTime: middle + 300 }]);
  });

  it('paging: 150 files take two SearchMedia pages, every file listed once', async () => {
    const start = now() - 3 * HOUR;
    const end = start + 150 * 20;
    const taskId = await pastTask('show-many', start, end);
    for (let index = 0; index < 150; index += 1)
      suite.simulator.pushes.add({
        domain: DOMAIN,
        app: APP,
        stream: 'show-many',
        startTime: start + index * 20,
        endTime: start + index * 20 + 20,
      });
    suite.simulator.clearRequests();
    const result = await files(taskId);
    expect(result.outcome).toBe('recorded');
    expect(result.files).toHaveLength(150);
    expect(new Set(result.files.map((file) => file.fileId)).size).toBe(150);
    expect(suite.simulator.requests().filter((request) => request.action === 'SearchMedia')).toHaveLength(2);
    // 150 pushes: two pages of DescribeLiveStreamEventList (100 each at most).
    expect(
      suite.simulator.requests().filter((request) => request.action === 'DescribeLiveStreamEventList'),
    ).toHaveLength(2);
  });

  it('an id Taper does not know is invalid input (exit 2), nothing sent', async () => {
    suite.simulator.clearRequests();
    const run = await runTaper(['files', 'no-such-id', '--json'], { env: suite.env });
    expect(run.code).toBe(2);
    expect(parseJson<{ error: { code: string } }>(run).error.code).toBe('Taper.Task.NotFound');
    expect(suite.simulator.requests()).toEqual([]);
  });

  it('credentials the platform does not know fail with exit 5', async () => {
    const start = now() - 2 * HOUR;
    const taskId = await pastTask('show-badkey', start, start + HOUR);
    const run = await runTaper(['files', taskId, '--json'], {
      env: { ...suite.env, TENCENTCLOUD_SECRET_ID: 'AKIDunknown', TENCENTCLOUD_SECRET_KEY: 'nope' },
    });
    expect(run.code).toBe(5);
    expect(parseJson<{ error: { code: string } }>(run).error.code).toBe('AuthFailure.SecretIdNotFound');
  });
});
