// The simulator's VOD SearchMedia and Live DescribeLiveStreamEventList, called through the real SDK clients (so the
// TC3 signature for vod.tencentcloudapi.com is verified), plus the push control route and the platform's limits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecordingFilesApi } from '../../../../electron/services/recording-files/recording-files-api.js';
import { DEMO_ACCOUNT, parsePush, startSimulator, type Simulator } from '../../../../electron/simulator';
import { describeStreamEvents, searchMedia } from '../../../../electron/simulator/media-actions.js';

let sim: Simulator;
const now = () => Math.floor(Date.now() / 1000);
const query = (stream: string, startTime: number, endTime: number) => ({
  domain: 'd.example.com',
  app: 'live',
  stream,
  startTime,
  endTime,
});
const api = () =>
  createRecordingFilesApi({
    credentials: DEMO_ACCOUNT,
    region: 'ap-guangzhou',
    endpoint: sim.endpoint,
    clock: Date.now,
  });
const task = (stream: string, startTime: number, endTime: number) =>
  sim.tasks.create(
    DEMO_ACCOUNT.secretId,
    {
      domainName: 'd.example.com',
      appName: 'live',
      streamName: stream,
      startTime,
      endTime,
      streamType: 0,
      templateId: null,
      extension: null,
    },
    startTime,
  );

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => {
  sim.tasks.clear();
  sim.pushes.clear();
  sim.faults.clear();
  sim.clearRequests();
});

describe('SearchMedia and DescribeLiveStreamEventList through the SDK', () => {
  it('a task overlapping a push gives one file of the overlap; the push is listed as an event', async () => {
    const start = now() - 7200;
    task('s1', start, start + 3600);
    sim.pushes.add({
      domain: 'd.example.com',
      app: 'live',
      stream: 's1',
      startTime: start + 600,
      endTime: start + 4000,
    });
    sim.pushes.add({
      domain: 'd.example.com',
      app: 'live',
      stream: 's1-other',
      startTime: start,
      endTime: start + 3600,
    });
    const files = await api().searchFiles(query('s1', start, start + 3600));
    expect(files).toEqual({
      ok: true,
      value: [
        expect.objectContaining({
          startTime: start + 600,
          endTime: start + 3600,
          durationSeconds: 3000,
          sizeBytes: 3000 * 250_000,
        }),
      ],
    });
    const pushes = await api().describePushes(query('s1', start, start + 3600));
    // IsStrict 1: `s1-other` is not a match.
    expect(pushes).toEqual({ ok: true, value: [{ startTime: start + 600, endTime: start + 4000 }] });
    expect(sim.requests().map((request) => [request.action, request.errorCode])).toEqual([
      ['SearchMedia', undefined],
      ['DescribeLiveStreamEventList', undefined],
    ]);
  });

  it('no file for a push under 10 s, nor before the configured ready time', async () => {
    const start = now() - 7200;
    task('s2', start, start + 3600);
    sim.pushes.add({
      domain: 'd.example.com',
      app: 'live',
      stream: 's2',
      startTime: start + 100,
      endTime: start + 109,
    });
    expect(await api().searchFiles(query('s2', start, start + 3600))).toEqual({ ok: true, value: [] });
    const late = await startSimulator({ filesReadyAfterSeconds: 10 * 86_400 });
    try {
      late.tasks.create(
        DEMO_ACCOUNT.secretId,
        {
          domainName: 'd.example.com',
          appName: 'live',
          streamName: 's3',
          startTime: start,
          endTime: start + 3600,
          streamType: 0,
          templateId: null,
          extension: null,
        },
        start,
      );
      late.pushes.add({ domain: 'd.example.com', app: 'live', stream: 's3', startTime: start, endTime: start + 3600 });
      const files = await createRecordingFilesApi({
        credentials: DEMO_ACCOUNT,
        region: 'ap-guangzhou',
        endpoint: late.endpoint,
        clock: Date.now,
      }).searchFiles(query('s3', start, start + 3600));
      expect(files).toEqual({ ok: true, value: [] });
    } finally {
      await late.close();
    }
  });

  it('a refused SearchMedia is AuthFailure.UnauthorizedOperation', async () => {
    sim.faults.inject('unauthorized-operation', { action: 'SearchMedia' });
    const files = await api().searchFiles(query('s4', now() - 7200, now() - 3600));
    expect(files.ok ? null : files.error.code).toBe('AuthFailure.UnauthorizedOperation');
  });
});

describe('the simulator checks parameters like the platform', () => {
  const at = now();
  it('SearchMedia: Offset + Limit at most 5,000, CreateTime ISO', () => {
    expect(searchMedia({ Offset: 4990, Limit: 20 }, [])).toMatchObject({
      ok: false,
      error: { code: 'InvalidParameterValue.Limit' },
    });
    expect(searchMedia({ Offset: 4900, Limit: 100 }, [])).toMatchObject({ ok: true });
    expect(searchMedia({ CreateTime: { After: 'yesterday' } }, [])).toMatchObject({
      ok: false,
      error: { code: 'InvalidParameterValue.CreateTime' },
    });
  });

  it('DescribeLiveStreamEventList: EndTime not after now, a month at most, PageSize at most 100', () => {
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(describeStreamEvents({ StartTime: iso(at - 60), EndTime: iso(at + 60) }, [], at)).toMatchObject({
      ok: false,
    });
    expect(describeStreamEvents({ StartTime: iso(at - 40 * 86_400), EndTime: iso(at) }, [], at)).toMatchObject({
      ok: false,
    });
    expect(describeStreamEvents({ StartTime: iso(at - 3600), EndTime: iso(at), PageSize: 101 }, [], at)).toMatchObject({
      ok: false,
    });
    expect(describeStreamEvents({ StartTime: '2024-01-01 00:00:00', EndTime: iso(at) }, [], at)).toMatchObject({
      ok: false,
    });
    expect(describeStreamEvents({ StartTime: iso(at - 3600), EndTime: iso(at), PageSize: 100 }, [], at)).toMatchObject({
      ok: true,
      value: { TotalNum: 0 },
    });
  });

  it('the push control route: endTime or durationSeconds, startTime defaulting to now', async () => {
    expect(parsePush({ domain: 'd', app: 'live', stream: 's', durationSeconds: 600 }, 1000)).toEqual({
      domain: 'd',
      app: 'live',
      stream: 's',
      startTime: 1000,
      endTime: 1600,
    });
    expect(parsePush({ domain: 'd', app: 'live', stream: 's' }, 1000)).toMatch(/endTime/);
    expect(parsePush({ domain: '', app: 'live', stream: 's', endTime: 5 }, 1)).toMatch(/domain/);
    const bad = await fetch(`${sim.endpoint}/__simulator/push`, { method: 'POST', body: '{}' });
    expect(bad.status).toBe(400);
    const good = await fetch(`${sim.endpoint}/__simulator/push`, {
      method: 'POST',
      body: JSON.stringify({ domain: 'd', app: 'live', stream: 's', durationSeconds: 60 }),
    });
    expect(good.status).toBe(200);
    expect(
      ((await (await fetch(`${sim.endpoint}/__simulator/pushes`)).json()) as { pushes: unknown[] }).pushes,
    ).toHaveLength(1);
  });
});
