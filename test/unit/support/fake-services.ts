// AppServices and ShellHooks that record calls and answer fixed values; a secret is planted in the profiles port.
import { vi } from 'vitest';
import type { ShellHooks } from '../../../electron/ipc/handlers.js';
import type { AppServices } from '../../../electron/services/app-services.js';
import type { LiveApi } from '../../../electron/services/live-api/live-api.js';
import type { ScheduleServices } from '../../../electron/services/schedule/schedule-services.js';
import type { Scheduler } from '../../../electron/services/schedule/scheduler.js';
import { emptyPlans, type StoredSeries } from '../../../shared/schedule/plans.js';
import type { HistoryEntry } from '../../../shared/history.js';
import type { IpcChannel } from '../../../shared/ipc/contract.js';
import { err, ok } from '../../../shared/result.js';

export const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
export const SECRET_TOKEN = 'session-token-that-must-stay-in-main';

export const ENTRY: HistoryEntry = {
  id: 'e1',
  taskId: 'T-1',
  requestId: 'R-1',
  status: 'scheduled',
  domain: 'push.example.com',
  app: 'live',
  stream: 'show',
  startTime: 1_800_000_600,
  endTime: 1_800_003_600,
  templateId: null,
  streamType: 0,
  profile: 'main',
  region: 'ap-guangzhou',
  createdAt: 1_800_000_000,
  updatedAt: 1_800_000_000,
  error: null,
  source: 'taper',
  extension: null,
};

/** A stored weekly series (Mondays 20:00 Shanghai). */
export const SERIES: StoredSeries = {
  id: 'series-1',
  name: 'show',
  stream: { domainName: 'push.example.com', appName: 'live', streamName: 'show' },
  daysOfWeek: [1],
  startWallTime: '20:00',
  durationSeconds: 3_600,
  timeZone: 'Asia/Shanghai',
  cancelledDates: [],
  coveredUntil: 1_800_000_000,
  profile: null,
  region: null,
  createdAt: 1_800_000_000,
};

export function fakeServices() {
  const live: LiveApi = {
    createRecordTask: vi.fn(async () => ok({ taskId: 'T-1', requestId: 'R-1' })),
    stopRecordTask: vi.fn(async () => ok({ requestId: 'R' })),
    deleteRecordTask: vi.fn(async () => ok({ requestId: 'R' })),
    describeRecordTasks: vi.fn(async () => ok([])),
    describeRecordTemplates: vi.fn(async () => ok([{ templateId: 1, name: 'hls', description: '' }])),
    createRecordTemplate: vi.fn(async () => ok({ templateId: 1003, requestId: 'req-template' })),
    describeStreamState: vi.fn(async () => ok('active' as const)),
    describeDomains: vi.fn(async () => ok([{ name: 'push.example.com', type: 0, status: 1 }])),
  };
  // A careless port that returns more than a summary: the handler must not pass it on.
  const leakyProfile = {
    name: 'main',
    secretIdMasked: 'AKID****EXAMPLE',
    region: 'ap-guangzhou',
    endpoint: null,
    hasToken: true,
    isDefault: true,
    secretKey: SECRET_KEY,
    token: SECRET_TOKEN,
  };
  const services: AppServices = {
    clock: () => 1_800_000_000_000,
    profiles: {
      add: vi.fn(async () => ok(leakyProfile)),
      list: vi.fn(async () => ok([leakyProfile])),
      remove: vi.fn(async () => ok(undefined)),
      setDefault: vi.fn(async () => ok(undefined)),
      setDefaultTemplate: vi.fn(async () => ok(leakyProfile)),
      resolve: vi.fn(async () =>
        ok({
          profile: 'main',
          credentials: { secretId: 'AKID', secretKey: SECRET_KEY },
          region: 'ap-guangzhou',
          endpoint: null,
        }),
      ),
    },
    history: {
      list: vi.fn(async () => ok([ENTRY])),
      append: vi.fn(async () => ok(ENTRY)),
      update: vi.fn(async () => ok(ENTRY)),
      findByTaskId: vi.fn(async () => ok(ENTRY)),
      mutate: vi.fn(async () => err('Taper.History.Unavailable', 'not in this fake')),
      exportCsv: vi.fn(async () => ok('id,stream\ne1,show\n')),
      exportJson: vi.fn(async () => ok('[]')),
    },
    recorder: {
      preview: vi.fn(async () => ({ problems: [], warnings: [], params: { StreamName: 'show' } })),
      record: vi.fn(async () => ok({ entry: ENTRY, warnings: [] })),
      stop: vi.fn(async () => ok({ ...ENTRY, status: 'stopped' as const })),
      remove: vi.fn(async () => ok({ ...ENTRY, status: 'deleted' as const })),
    },
    sync: {
      run: vi.fn(async () => ok({ updated: 1, imported: 0, resolved: 0, stillUnknown: 0, syncedAt: 1_800_000_000 })),
      lastSyncedAt: vi.fn(async () => null),
    },
    checkProfile: vi.fn(async () => ok({ status: 'ok' as const, message: 'Keys work.' })),
    liveApi: vi.fn(async () => ok(live)),
  };
  const hooks: ShellHooks = {
    saveExport: vi.fn(async () => ok({ path: '/tmp/export.csv' })),
    startSandbox: vi.fn(async () => ok({ endpoint: 'http://127.0.0.1:4010' })),
    sandboxPush: vi.fn(async (request: { domain: string; app: string; stream: string; forSeconds: number }) =>
      ok({ ...request, startTime: 1_800_000_000, endTime: 1_800_000_000 + request.forSeconds }),
    ),
    appInfo: vi.fn(async () => ({ version: '0.1.0', sandbox: false, language: 'en' as const, platform: 'linux' })),
    getSettings: vi.fn(async () => ({
      language: 'en' as const,
      theme: 'system' as const,
      launchAtLogin: false,
      defaultTimeZone: null,
      showTimeZone: null,
    })),
    setSettings: vi.fn(async (patch) =>
      ok({
        language: 'en' as const,
        theme: 'system' as const,
        launchAtLogin: false,
        defaultTimeZone: null,
        showTimeZone: null,
        ...patch,
      }),
    ),
    historyChanged: vi.fn(),
    plansChanged: vi.fn(),
    importProgress: vi.fn(),
    recordAttempted: vi.fn(),
    openExternal: vi.fn(async () => ok(null)),
    logError: vi.fn(),
  };
  const scheduler: Scheduler = {
    record: vi.fn(async () => ok({ recordingId: 'rec1', created: [ENTRY], planned: [], events: [], warnings: [] })),
    runDue: vi.fn(async () => ok({ events: [], newAlerts: [], alerts: [], plannedCount: 0, ranAt: 1_800_000_000 })),
    addSeries: vi.fn(async () => ok({ series: SERIES, warnings: [] })),
    listSeries: vi.fn(async () => ok([])),
    removeSeries: vi.fn(async () => ok({ series: SERIES, cancelledLinks: 1, keptTaskIds: ['T-1'] })),
    cancelOccurrence: vi.fn(async () => ok({ actions: [] })),
    editOccurrence: vi.fn(async () =>
      ok({
        moved: true,
        series: SERIES,
        occurrence: {
          seriesId: SERIES.id,
          date: '2027-01-18',
          startTime: 1_800_000_000,
          endTime: 1_800_003_600,
          dst: null,
          changed: true,
        },
        actions: [],
        events: [],
        warnings: [],
      }),
    ),
    updateSeries: vi.fn(async () => ok({ series: SERIES, replanned: 1, kept: [], warnings: [] })),
    listPlans: vi.fn(async () => ok([])),
    stopRecording: vi.fn(async () => ok([])),
    deleteRecording: vi.fn(async () => ok([])),
    listAlerts: vi.fn(async () => ok([])),
    acknowledgeAlerts: vi.fn(async () => ok([])),
  };
  const schedule: ScheduleServices = {
    scheduler,
    plans: {
      read: vi.fn(async () => ok(emptyPlans())),
      transact: vi.fn(async () => err('Taper.Settings.Unavailable', 'not in this fake')),
    },
  };
  return { services, hooks, live, schedule };
}

/** A valid payload for every channel. */
export const VALID_PAYLOADS: { [C in IpcChannel]: unknown } = {
  'app:info': undefined,
  'profiles:list': undefined,
  'profiles:add': {
    name: 'main',
    secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
    secretKey: SECRET_KEY,
    token: SECRET_TOKEN,
  },
  'profiles:remove': { name: 'main' },
  'profiles:set-default': { name: 'main' },
  'profiles:test': { name: 'main' },
  'profiles:set-default-template': { profile: 'main', templateId: 1003 },
  'sandbox:start': undefined,
  'sandbox:push': { domain: 'sandbox.livepush.example.com', app: 'live', stream: 'show', forSeconds: 600 },
  'record:preview': {
    request: { domainName: 'push.example.com', appName: 'live', streamName: 'show', endTime: 1_800_003_600 },
  },
  'record:create': {
    request: { domainName: 'push.example.com', appName: 'live', streamName: 'show', endTime: 1_800_003_600 },
    profile: 'main',
  },
  'tasks:stop': { id: 'e1' },
  'tasks:delete': { id: 'e1', profile: 'main' },
  'history:list': { filter: { stream: 'show' } },
  'history:choices': undefined,
  'history:stream-entries': { stream: { domainName: 'push.example.com', appName: 'live', streamName: 'show' } },
  'history:export': { format: 'csv' },
  'history:sync': undefined,
  'live:templates': { profile: 'main' },
  'live:domains': {},
  'templates:add': { template: { name: 'mp4-30d', format: 'mp4', keepDays: 30 }, profile: 'main' },
  'live:stream-state': { stream: { domainName: 'push.example.com', appName: 'live', streamName: 'show' } },
  'settings:get': undefined,
  'settings:set': { launchAtLogin: true },
  'recordings:stop': { recordingId: '6f1c2d3e-0000-4000-8000-000000000001' },
  'recordings:delete': { recordingId: 'series-1@2026-11-30', profile: 'main' },
  'plans:list': undefined,
  'alerts:list': undefined,
  'alerts:acknowledge': { recordingIds: ['rec1'] },
  'series:list': undefined,
  'series:add': {
    series: {
      stream: { domainName: 'push.example.com', appName: 'live', streamName: 'show' },
      daysOfWeek: [1, 3],
      startWallTime: '20:00',
      durationSeconds: 3_600,
      timeZone: 'Asia/Shanghai',
    },
  },
  'series:update': { id: 'series-1', patch: { startWallTime: '21:00', templateId: null }, profile: 'main' },
  'series:remove': { id: 'series-1' },
  'series:cancel-occurrence': { id: 'series-1', date: '2027-01-18' },
  'series:edit-occurrence': {
    id: 'series-1',
    date: '2027-01-18',
    patch: { startWallTime: '21:30', durationSeconds: 5_400 },
    profile: 'main',
  },
  'import:preview': {
    csv: 'domain,app,stream,from,duration\npush.example.com,live,bulk-1,+1h,1h\n',
    timeZone: 'Asia/Shanghai',
  },
  'import:run': {
    csv: 'domain,app,stream,from,duration\npush.example.com,live,bulk-1,+1h,1h\n',
    timeZone: 'UTC',
    skipInvalid: false,
  },
  'import:status': undefined,
  'files:open': { url: 'https://1500000000.vod2.myqcloud.com/sim/5285890712345678/f0.m3u8' },
};
