// The real client (SDK inside) against the real simulator over loopback HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLiveApi, type LiveApiOptions } from '../../../electron/services/live-api/create-live-api.js';
import { createRateLimiter } from '../../../electron/services/live-api/rate-limiter.js';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/server.js';
import type { FaultMode } from '../../../electron/simulator/faults.js';
import type { Result } from '../../../shared/result.js';

const DOMAIN = 'sandbox.livepush.example.com';
const STREAM = { domainName: DOMAIN, appName: 'live', streamName: 'cam1' };
const now = (): number => Math.floor(Date.now() / 1000);

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ clock: Date.now, describePageSize: 2 });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.faults.clear();
  sim.tasks.clear();
  sim.clearRequests();
});

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// One limiter for the whole file, as in a real process: the simulator's per-account window sees every call.
const sharedLimiter = createRateLimiter({ perSecond: 20, clock: Date.now, sleep: realSleep });

function client(overrides: Partial<LiveApiOptions> = {}) {
  return createLiveApi({
    credentials: { ...DEMO_ACCOUNT },
    region: 'ap-guangzhou',
    endpoint: sim.endpoint,
    clock: Date.now,
    timeoutMs: 3000,
    rateLimiter: sharedLimiter,
    ...overrides,
  });
}

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('Live API client against the simulator', () => {
  it('creates a task starting now and one starting later', async () => {
    const api = client();
    const nowTask = valueOf(await api.createRecordTask({ ...STREAM, endTime: now() + 600 }));
    expect(nowTask.taskId).toMatch(/^[A-Za-z0-9]{20,}$/);
    expect(nowTask.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const later = valueOf(
      await api.createRecordTask({ ...STREAM, startTime: now() + 3600, endTime: now() + 7200, templateId: 1001 }),
    );
    const stored = sim.tasks.list();
    expect(stored.map((t) => t.taskId)).toEqual([nowTask.taskId, later.taskId]);
    expect(stored[1]).toMatchObject({ startTime: now() + 3600, templateId: 1001, streamType: 0 });
  });

  it('returns the platform error for a rule the request breaks', async () => {
    const error = errorOf(
      await client().createRecordTask({ ...STREAM, startTime: now() + 100, endTime: now() + 100 + 25 * 3600 }),
    );
    expect(error.code).toBe('InvalidParameter');
    expect(error.message).toContain('24 hours');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sim.tasks.list()).toHaveLength(0);
  });

  it('stops and deletes a task; an unknown TaskId is ResourceNotFound.TaskId', async () => {
    const api = client();
    const { taskId } = valueOf(await api.createRecordTask({ ...STREAM, endTime: now() + 600 }));
    valueOf(await api.stopRecordTask(taskId));
    expect(sim.tasks.list()[0]?.stopped).toBe(true);
    valueOf(await api.deleteRecordTask(taskId));
    expect(sim.tasks.list()).toHaveLength(0);
    expect(errorOf(await api.deleteRecordTask(taskId)).code).toBe('ResourceNotFound.TaskId');
    expect(errorOf(await api.stopRecordTask('nope')).code).toBe('ResourceNotFound.TaskId');
  });

  it('describes tasks across ScrollToken pages and 7-day slices', async () => {
    const api = client();
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      created.push(
        valueOf(await api.createRecordTask({ ...STREAM, startTime: now() + 60 * (i + 1), endTime: now() + 3600 }))
          .taskId,
      );
    }
    const farTask = valueOf(
      await api.createRecordTask({
        ...STREAM,
        streamName: 'other',
        startTime: now() + 5 * 86_400,
        endTime: now() + 5 * 86_400 + 600,
      }),
    );
    // A 12-day window is split in two; page size 2 forces three pages for the first five tasks.
    const all = valueOf(
      await api.describeRecordTasks({ startTime: now() - 7 * 86_400, endTime: now() + 5 * 86_400 + 60 }),
    );
    expect(all.map((t) => t.taskId).sort()).toEqual([...created, farTask.taskId].sort());
    expect(all[0]).toMatchObject({
      domainName: DOMAIN,
      appName: 'live',
      streamName: 'cam1',
      stopped: false,
      templateId: null,
      streamType: 0,
    });
    const describeCalls = sim.requests().filter((r) => r.action === 'DescribeRecordTask');
    expect(describeCalls.length).toBeGreaterThanOrEqual(4);
    expect(describeCalls.every((r) => r.errorCode === undefined)).toBe(true);

    const filtered = valueOf(
      await api.describeRecordTasks({ startTime: now() - 60, endTime: now() + 6 * 86_400, streamName: 'other' }),
    );
    expect(filtered.map((t) => t.taskId)).toEqual([farTask.taskId]);
  });

  it('lists templates and domains and reports stream state', async () => {
    const api = client();
    expect(valueOf(await api.describeRecordTemplates()).map((t) => t.templateId)).toEqual([1001, 1002]);
    expect(valueOf(await api.describeDomains())).toContainEqual({ name: DOMAIN, type: 0, status: 1 });
    expect(valueOf(await api.describeStreamState(STREAM))).toBe('inactive');
    sim.setStreamState(STREAM, 'active');
    expect(valueOf(await api.describeStreamState(STREAM))).toBe('active');
  });

  it('rejects a wrong SecretKey and an unknown SecretId', async () => {
    const wrongKey = client({ credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: 'not-the-key' } });
    expect(errorOf(await wrongKey.describeDomains()).code).toBe('AuthFailure.SignatureFailure');
    const unknownId = client({ credentials: { secretId: 'AKIDUNKNOWN0000000000000000000000000', secretKey: 'x' } });
    const error = errorOf(await unknownId.describeDomains());
    expect(error.code).toBe('AuthFailure.SecretIdNotFound');
    expect(error.message).not.toContain('not-the-key');
  });

  it('tells the user how far the clock is off on AuthFailure.SignatureExpire', async () => {
    // The SDK stamps requests with the host clock (Date.now), so the skew is made on the server side.
    const skewed = await startSimulator({ clock: () => Date.now() + 10 * 60_000 });
    try {
      const error = errorOf(await client({ endpoint: skewed.endpoint }).describeDomains());
      expect(error.code).toBe('AuthFailure.SignatureExpire');
      expect(error.message).toMatch(/about 10 minutes behind/);
      expect(skewed.tasks.list()).toHaveLength(0);
    } finally {
      await skewed.close();
    }
  });

  const apiFaults: [FaultMode, string][] = [
    ['vod-inactive', 'ResourceUnavailable.InvalidVodStatus'],
    ['max-running', 'LimitExceeded.MaximumRunningTask'],
    ['internal-error', 'InternalError'],
    ['signature-expire', 'AuthFailure.SignatureExpire'],
    // For a create, a gateway error or an HTML page is a lost answer: the task may exist.
    ['http-502', 'Taper.UnknownOutcome'],
    ['non-json', 'Taper.UnknownOutcome'],
  ];
  it.each(apiFaults)('maps fault %s to %s', async (mode, code) => {
    sim.faults.inject(mode);
    const error = errorOf(await client().createRecordTask({ ...STREAM, endTime: now() + 600 }));
    expect(error.code).toBe(code);
    expect(sim.tasks.list()).toHaveLength(0);
  });

  it('a hang is a timeout for reads and an unknown outcome for a create', async () => {
    sim.faults.inject('hang', { times: 2 });
    const api = client({ timeoutMs: 300 });
    expect(errorOf(await api.describeDomains()).code).toBe('Taper.Timeout');
    const error = errorOf(await api.createRecordTask({ ...STREAM, endTime: now() + 600 }));
    expect(error.code).toBe('Taper.UnknownOutcome');
    expect(error.message).toContain('taper sync');
  });

  it('a reset is a timeout for reads and an unknown outcome for a create', async () => {
    sim.faults.inject('reset', { times: 2 });
    const api = client();
    expect(errorOf(await api.describeRecordTemplates()).code).toBe('Taper.Timeout');
    expect(errorOf(await api.createRecordTask({ ...STREAM, endTime: now() + 600 })).code).toBe('Taper.UnknownOutcome');
  });

  it.each(['create-then-hang', 'create-then-reset'] as const)(
    '%s: unknown outcome, exactly one task, no retry',
    async (mode) => {
      sim.faults.inject(mode);
      const error = errorOf(await client({ timeoutMs: 300 }).createRecordTask({ ...STREAM, endTime: now() + 600 }));
      expect(error.code).toBe('Taper.UnknownOutcome');
      expect(sim.tasks.list()).toHaveLength(1);
      expect(sim.requests().filter((r) => r.action === 'CreateRecordTask')).toHaveLength(1);
    },
  );

  it('connection refused is Taper.Network', async () => {
    const gone = await startSimulator({});
    const endpoint = gone.endpoint;
    await gone.close();
    const error = errorOf(await client({ endpoint }).createRecordTask({ ...STREAM, endTime: now() + 600 }));
    expect(error.code).toBe('Taper.Network');
  });

  it('retries RequestLimitExceeded transparently', async () => {
    sim.faults.inject('rate-limit', { times: 2, action: 'CreateRecordTask' });
    const sleeps: number[] = [];
    const api = client({ sleep: async (ms) => void sleeps.push(ms), random: () => 0 });
    valueOf(await api.createRecordTask({ ...STREAM, endTime: now() + 600 }));
    expect(sleeps).toEqual([250, 500]);
    expect(sim.tasks.list()).toHaveLength(1);
    expect(sim.requests().map((r) => r.errorCode)).toEqual(['RequestLimitExceeded', 'RequestLimitExceeded', undefined]);
  });

  it('gives up after the bounded number of rate-limit retries', async () => {
    sim.faults.inject('rate-limit', { times: 10 });
    const api = client({ sleep: async () => undefined, maxRateLimitRetries: 2 });
    expect(errorOf(await api.describeDomains()).code).toBe('RequestLimitExceeded');
    expect(sim.requests().filter((r) => r.action === 'DescribeLiveDomains')).toHaveLength(3);
  });

  it('60 rapid calls never exceed 20 in any second', async () => {
    // A fresh simulator: its rate window holds no earlier test's calls.
    const fresh = await startSimulator({});
    try {
      const rateLimiter = createRateLimiter({ perSecond: 20, clock: Date.now, sleep: realSleep });
      const api = client({ endpoint: fresh.endpoint, rateLimiter });
      const results = await Promise.all(Array.from({ length: 60 }, () => api.describeDomains()));
      expect(results.every((r) => r.ok)).toBe(true);
      const requests = fresh.requests();
      // 60 exactly: none was rejected by the platform's limit and retried.
      expect(requests.map((r) => r.errorCode ?? 'ok')).toEqual(Array.from({ length: 60 }, () => 'ok'));
      const arrivals = requests.map((r) => r.atMs);
      for (const at of arrivals) {
        expect(arrivals.filter((other) => other > at - 1000 && other <= at).length).toBeLessThanOrEqual(20);
      }
    } finally {
      await fresh.close();
    }
  }, 15_000);

  it('ignores an http_proxy variable pointing nowhere', async () => {
    const saved = process.env.http_proxy;
    process.env.http_proxy = 'http://127.0.0.1:9';
    try {
      valueOf(await client().describeDomains());
    } finally {
      if (saved === undefined) delete process.env.http_proxy;
      else process.env.http_proxy = saved;
    }
  });
});
