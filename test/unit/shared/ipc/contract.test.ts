import fc from '../../../reliability/counted-fast-check.mjs';
import { describe, expect, it } from 'vitest';
import {
  API_METHODS,
  buildTaperApi,
  IPC_CHANNELS,
  requestSchemas,
  type IpcChannel,
} from '../../../../shared/ipc/contract.js';

const request = {
  domainName: '5000.livepush.myqcloud.com',
  appName: 'live',
  streamName: 'show',
  endTime: 1_800_000_000,
};

/** A good payload for every channel: all of them must parse. */
const good: { [C in IpcChannel]: unknown } = {
  'app:info': undefined,
  'profiles:list': undefined,
  'profiles:add': {
    name: 'work',
    secretId: 'AKIDexample',
    secretKey: 'key',
    region: 'ap-guangzhou',
    endpoint: 'http://127.0.0.1:4000',
  },
  'profiles:remove': { name: 'work' },
  'profiles:set-default': { name: 'work' },
  'profiles:test': {},
  'profiles:set-default-template': { profile: 'work', templateId: null },
  'sandbox:start': undefined,
  'sandbox:push': { domain: 'sandbox.livepush.example.com', app: 'live', stream: 'show', forSeconds: 600 },
  'record:preview': { request },
  'record:create': { request: { ...request, startTime: 1_799_990_000, streamType: 1, templateId: 7 }, profile: 'work' },
  'tasks:stop': { id: 'task-1' },
  'tasks:delete': { id: 'task-1' },
  'history:list': { filter: { stream: 'show', status: 'failed', from: 0, until: 1_800_000_000 } },
  'history:choices': undefined,
  'history:stream-entries': {
    stream: { domainName: '5000.livepush.myqcloud.com', appName: 'live', streamName: 'show' },
  },
  'history:export': { format: 'csv' },
  'history:sync': undefined,
  'live:templates': {},
  'live:domains': { profile: 'work' },
  'templates:add': { template: { name: 'mp4-30d', format: 'mp4', keepDays: 30, segmentMinutes: 60 } },
  'live:stream-state': { stream: { domainName: 'd.example.com', appName: 'live', streamName: 's' } },
  'settings:get': undefined,
  'settings:set': { theme: 'dark', defaultTimeZone: 'Asia/Shanghai', showTimeZone: null },
  'recordings:stop': { recordingId: '6f1c2d3e-0000-4000-8000-000000000001' },
  'recordings:delete': { recordingId: 'series-1@2026-11-30', profile: 'work' },
  'plans:list': undefined,
  'alerts:list': undefined,
  'alerts:acknowledge': { recordingIds: ['rec-1', 'rec-2'] },
  'series:list': undefined,
  'series:add': {
    series: {
      stream: { domainName: 'd.example.com', appName: 'live', streamName: 's' },
      daysOfWeek: [1, 7],
      startWallTime: '20:00',
      durationSeconds: 7_200,
      timeZone: 'Europe/Berlin',
      templateId: 3,
      name: 'News',
    },
    profile: 'work',
  },
  'series:update': { id: 'series-1', patch: { daysOfWeek: [2], templateId: null } },
  'series:remove': { id: 'series-1' },
  'series:cancel-occurrence': { id: 'series-1', date: '2026-11-30' },
  'series:edit-occurrence': { id: 'series-1', date: '2026-11-30', patch: { startWallTime: '21:30' } },
  'import:preview': { csv: 'domain,app,stream,from,duration\n', timeZone: 'Asia/Shanghai' },
  'import:run': { csv: 'domain,app,stream,from,duration\n', timeZone: 'UTC', skipInvalid: true },
  'import:status': undefined,
  'files:open': { url: 'https://1500000000.vod2.myqcloud.com/f.mp4' },
};

describe('IPC request schemas', () => {
  it('accept a well-formed payload on every channel', () => {
    for (const channel of IPC_CHANNELS) {
      expect(requestSchemas[channel].safeParse(good[channel]).success, channel).toBe(true);
    }
  });

  it('reject an unknown key on every object payload (strict)', () => {
    for (const channel of IPC_CHANNELS) {
      const payload = good[channel];
      if (payload === undefined) {
        expect(requestSchemas[channel].safeParse({ sneaky: 1 }).success, channel).toBe(false);
      } else {
        expect(requestSchemas[channel].safeParse({ ...(payload as object), sneaky: 1 }).success, channel).toBe(false);
      }
    }
  });

  it('reject a nested unknown key in the record request', () => {
    expect(requestSchemas['record:create'].safeParse({ request: { ...request, SecretKey: 'x' } }).success).toBe(false);
  });

  it('reject non-integer, negative and huge times', () => {
    for (const endTime of [1.5, -1, 2 ** 40, Number.NaN, '1800000000']) {
      expect(
        requestSchemas['record:create'].safeParse({ request: { ...request, endTime } }).success,
        String(endTime),
      ).toBe(false);
    }
  });

  it('reject over-long strings', () => {
    expect(
      requestSchemas['record:preview'].safeParse({ request: { ...request, streamName: 'x'.repeat(129) } }).success,
    ).toBe(false);
    expect(
      requestSchemas['profiles:add'].safeParse({ ...(good['profiles:add'] as object), secretKey: 'k'.repeat(129) })
        .success,
    ).toBe(false);
  });

  it('reject an endpoint that is not http(s) and a bad export format', () => {
    expect(
      requestSchemas['profiles:add'].safeParse({
        name: 'a',
        secretId: 'b',
        secretKey: 'c',
        endpoint: 'file:///etc/passwd',
      }).success,
    ).toBe(false);
    expect(requestSchemas['history:export'].safeParse({ format: 'xml' }).success).toBe(false);
  });

  it('bound recording ids and acknowledge lists: all, or 1..500 ids, never both', () => {
    const acknowledge = requestSchemas['alerts:acknowledge'];
    expect(acknowledge.safeParse({ all: true }).success).toBe(true);
    expect(
      acknowledge.safeParse({ recordingIds: Array.from({ length: 500 }, (_, index) => `r${index}`) }).success,
    ).toBe(true);
    for (const bad of [
      { all: false },
      { recordingIds: [] },
      { recordingIds: Array.from({ length: 501 }, (_, index) => `r${index}`) },
      { all: true, recordingIds: ['r'] },
      { recordingIds: ['has space'] },
      { recordingIds: ['x'.repeat(129)] },
    ]) {
      expect(acknowledge.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
    for (const recordingId of ['', '../plans.json', 'a\nb', 'x'.repeat(129)]) {
      expect(requestSchemas['recordings:stop'].safeParse({ recordingId }).success, recordingId.slice(0, 20)).toBe(
        false,
      );
    }
  });

  it('keep a rule-breaking but well-shaped request for the validator (empty stream name parses)', () => {
    expect(requestSchemas['record:preview'].safeParse({ request: { ...request, streamName: '' } }).success).toBe(true);
  });

  it('property: any bounded integer times and short names parse; any extra key is rejected', () => {
    const name = fc.string({ maxLength: 128 });
    const time = fc.integer({ min: 0, max: 4_102_444_800 });
    fc.assert(
      fc.property(
        name,
        name,
        name,
        time,
        fc.option(time, { nil: undefined }),
        (domainName, appName, streamName, endTime, startTime) => {
          const payload = {
            request: { domainName, appName, streamName, endTime, ...(startTime === undefined ? {} : { startTime }) },
          };
          expect(requestSchemas['record:create'].safeParse(payload).success).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !['request', 'profile', '__proto__'].includes(key)),
        fc.anything(),
        (key, value) => {
          expect(requestSchemas['record:create'].safeParse({ request, [key]: value }).success).toBe(false);
        },
      ),
    );
  });

  it('property: arbitrary values never parse as a settings patch unless they have the right shape', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const parsed = requestSchemas['settings:set'].safeParse(value);
        if (parsed.success) {
          expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
        }
      }),
    );
  });
});

describe('buildTaperApi', () => {
  it('has one function per channel, each sending its own channel, and no generic invoke', async () => {
    const sent: [string, unknown][] = [];
    const api = buildTaperApi({
      invoke: async (channel, payload) => {
        sent.push([channel, payload]);
        return { ok: true, value: null };
      },
      subscribe: () => () => undefined,
    });
    for (const channel of IPC_CHANNELS) {
      const [area, method] = API_METHODS[channel];
      const fn = (api as unknown as Record<string, Record<string, (payload: unknown) => Promise<unknown>>>)[area]?.[
        method
      ];
      expect(typeof fn, channel).toBe('function');
      await fn?.(good[channel]);
    }
    expect(sent.map(([channel]) => channel)).toEqual(IPC_CHANNELS);
    expect(Object.keys(api).sort()).toEqual([
      'alerts',
      'app',
      'events',
      'files',
      'history',
      'imports',
      'live',
      'plans',
      'profiles',
      'record',
      'recordings',
      'sandbox',
      'series',
      'settings',
      'tasks',
      'templates',
    ]);
    expect('invoke' in api).toBe(false);
  });

  it('routes event subscriptions and returns their unsubscribe', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    let removed = 0;
    const api = buildTaperApi({
      invoke: async () => ({ ok: true, value: null }),
      subscribe: (event, listener) => {
        listeners.set(event, listener);
        return () => removed++;
      },
    });
    const views: string[] = [];
    const off = api.events.onNavigate((event) => views.push(event.view));
    listeners.get('navigate')?.({ view: 'history' });
    off();
    expect(views).toEqual(['history']);
    expect(removed).toBe(1);
  });
});

describe('IPC_CHANNELS', () => {
  it('lists exactly the channels that have a request schema', () => {
    expect([...IPC_CHANNELS].sort()).toEqual(Object.keys(requestSchemas).sort());
  });
});
