// `taper record` end to end: the real CLI process, the simulator over loopback, a fresh TAPER_HOME.
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../electron/simulator/index.js';
import { platformTasks, useCliSuite } from './cli-suite.js';
import { baseEnv, parseJson, runTaper } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true });

const stream = ['--domain', 'push.example.com', '--app', 'live', '--stream', 'evening-show'];

describe('taper record', () => {
  it('--dry-run --json prints the exact API parameters and sends nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const before = (await platformTasks(suite.simulator)).length;
    const run = await runTaper(
      ['record', ...stream, '--from', String(now + 3600), '--for', '90m', '--template', '7', '--dry-run', '--json'],
      { env: suite.env },
    );
    expect(run.code).toBe(0);
    const output = parseJson<{ request: Record<string, unknown>; warnings: { code: string }[] }>(run);
    expect(output.request).toEqual({
      DomainName: 'push.example.com',
      AppName: 'live',
      StreamName: 'evening-show',
      StartTime: now + 3600,
      EndTime: now + 3600 + 5400,
      StreamType: 0,
      TemplateId: 7,
    });
    expect((await platformTasks(suite.simulator)).length).toBe(before);
    const immediate = await runTaper(['record', ...stream, '--for', '1h', '--dry-run', '--json'], { env: suite.env });
    expect(parseJson<{ request: Record<string, unknown> }>(immediate).request).not.toHaveProperty('StartTime');
  });

  it('records now: JSON has the TaskId, startTime null and the push-delay warning; history has it', async () => {
    const run = await runTaper(['record', ...stream, '--for', '30m', '--json'], { env: suite.env });
    expect(run.code, run.stderr).toBe(0);
    const output = parseJson<{
      taskId: string;
      requestId: string;
      startTime: null;
      endTime: number;
      warnings: { code: string; message: string }[];
    }>(run);
    expect(output.taskId).toMatch(/\S{8,}/);
    expect(output.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(output.startTime).toBeNull();
    expect(output.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['PushDelay', 'NoTemplate']));
    const onPlatform = (await platformTasks(suite.simulator)).find((task) => task.taskId === output.taskId);
    // No StartTime was sent: the platform started the task at creation.
    expect(Math.abs((onPlatform?.startTime ?? 0) - Date.now() / 1000)).toBeLessThan(30);

    const history = parseJson<{ taskId: string; status: string; stream: string; startTime: null }[]>(
      await runTaper(['history', '--json'], { env: suite.env }),
    );
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      taskId: output.taskId,
      status: 'recording',
      stream: 'evening-show',
      startTime: null,
    });
  });

  it('records later with wall times in a zone, and human output says what was created', async () => {
    const run = await runTaper(['record', ...stream, '--from', '+2h', '--until', '+3h', '--template', '1'], {
      env: suite.env,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Created task \S+/);
    expect(run.stderr).not.toMatch(/PushDelay/);
  });

  it('a TAPER_ENDPOINT that is not a host or an http(s) URL: exit 2, said in one line, nothing sent', async () => {
    const before = (await platformTasks(suite.simulator)).length;
    const run = await runTaper(['record', ...stream, '--for', '1h', '--json'], {
      env: { ...suite.env, TAPER_ENDPOINT: 'ftp://live.example.com' },
    });
    expect(run.code).toBe(2);
    expect(parseJson<{ error: { code: string; message: string } }>(run).error).toEqual({
      code: 'Taper.InvalidInput',
      message:
        'The endpoint "ftp://live.example.com" (TAPER_ENDPOINT or the profile\'s) is neither a host name nor an http:// or https:// URL; nothing was sent.',
      requestId: null,
    });
    expect((await platformTasks(suite.simulator)).length).toBe(before);
  });

  it('refuses invalid input with exit 2 and sends nothing', async () => {
    const before = (await platformTasks(suite.simulator)).length;
    const backwards = await runTaper(['record', ...stream, '--from', '+3h', '--until', '+1h', '--json'], {
      env: suite.env,
    });
    expect(backwards.code).toBe(2);
    expect(parseJson<{ error: { code: string } }>(backwards).error.code).toBe('Taper.InvalidInput');
    expect((await runTaper(['record', ...stream, '--until', '+1h', '--for', '1h'], { env: suite.env })).code).toBe(2);
    expect((await runTaper(['record', ...stream], { env: suite.env })).code).toBe(2);
    expect((await runTaper(['record', ...stream, '--for', '1h', '--bogus'], { env: suite.env })).code).toBe(2);
    expect(
      (
        await runTaper(
          ['record', '--domain', 'rtmp://push.example.com/live', '--app', 'live', '--stream', 's', '--for', '1h'],
          { env: suite.env },
        )
      ).code,
    ).toBe(2);
    expect((await platformTasks(suite.simulator)).length).toBe(before);
  });

  it('reports an API refusal with exit 3 and its code, and keeps the failed attempt in the history', async () => {
    suite.simulator.faults.inject('vod-inactive', { times: 1 });
    const run = await runTaper(['record', ...stream, '--for', '1h', '--json'], { env: suite.env });
    expect(run.code).toBe(3);
    const { error } = parseJson<{ error: { code: string; message: string; requestId: string } }>(run);
    expect(error.code).toBe('ResourceUnavailable.InvalidVodStatus');
    expect(error.requestId).toBeTruthy();
    const human = await runTaper(['history', '--status', 'failed', '--json'], { env: suite.env });
    expect(parseJson<{ error: { code: string } }[]>(human)[0]?.error.code).toBe('ResourceUnavailable.InvalidVodStatus');
  });

  it('exits 5 when no credentials exist at all', async () => {
    const run = await runTaper(['record', ...stream, '--for', '1h', '--json'], {
      env: baseEnv(suite.home, suite.simulator.endpoint),
    });
    expect(run.code).toBe(5);
    expect(parseJson<{ error: { code: string } }>(run).error.code).toBe('Taper.Credentials.Missing');
  });

  it('a wrong SecretKey is refused by the API (exit 3, AuthFailure.SignatureFailure)', async () => {
    const run = await runTaper(['record', ...stream, '--for', '1h', '--json'], {
      env: { ...suite.env, TENCENTCLOUD_SECRET_KEY: 'not-the-key' },
    });
    expect(run.code).toBe(3);
    expect(parseJson<{ error: { code: string } }>(run).error.code).toBe('AuthFailure.SignatureFailure');
    expect(run.stdout + run.stderr).not.toContain(DEMO_ACCOUNT.secretKey);
  });

  it('splits a window over 24 h into consecutive tasks with no gap, and --dry-run shows the links', async () => {
    const plan = parseJson<{ links: { StartTime: number; EndTime: number }[] }>(
      await runTaper(['record', ...stream, '--from', '+1h', '--for', '30h', '--template', '1', '--dry-run', '--json'], {
        env: suite.env,
      }),
    );
    expect(plan.links).toHaveLength(2);
    expect(plan.links[1]?.StartTime).toBe(plan.links[0]?.EndTime);
    const run = await runTaper(
      [
        'record',
        '--domain',
        'push.example.com',
        '--app',
        'live',
        '--stream',
        'marathon',
        '--from',
        '+1h',
        '--for',
        '60h',
        '--template',
        '1',
        '--json',
      ],
      { env: suite.env },
    );
    expect(run.code, run.stderr).toBe(0);
    const output = parseJson<{ recordingId: string; links: { taskId: string; startTime: number; endTime: number }[] }>(
      run,
    );
    expect(output.links).toHaveLength(3);
    expect(output.links.every((link) => link.taskId)).toBe(true);
    expect(output.links[1]?.startTime).toBe(output.links[0]?.endTime);
    expect((await platformTasks(suite.simulator)).filter((task) => task.streamName === 'marathon')).toHaveLength(3);
  });
});
