// A fake TaperApi for component tests: every method answers ok with plausible data unless overridden.
import { vi } from 'vitest';
import type { HistoryEntry } from '../../../shared/history.js';
import { historyChoices } from '../../../shared/history-choices.js';
import type { SeriesSummary, TaperApi } from '../../../shared/ipc/contract.js';
import { ok } from '../../../shared/result.js';
import { isStream } from '../../../shared/rules/record-warnings.js';

type Overrides = { [Area in keyof TaperApi]?: Partial<TaperApi[Area]> };

export function fakeApi(overrides: Overrides = {}): TaperApi {
  const base: TaperApi = {
    app: {
      info: vi.fn(async () =>
        ok({ version: '0.1.0', sandbox: false, language: 'en' as const, platform: 'linux', lastSyncedAt: null }),
      ),
    },
    profiles: {
      list: vi.fn(async () =>
        ok([
          {
            name: 'work',
            secretIdMasked: 'AKID****MPLE',
            region: 'ap-guangzhou',
            endpoint: null,
            hasToken: false,
            isDefault: true,
          },
        ]),
      ),
      add: vi.fn(async (profile) =>
        ok({
          name: profile.name,
          secretIdMasked: 'AKID****',
          region: 'ap-guangzhou',
          endpoint: null,
          hasToken: false,
          isDefault: false,
        }),
      ),
      remove: vi.fn(async () => ok(null)),
      setDefault: vi.fn(async () => ok(null)),
      test: vi.fn(async () => ok({ status: 'ok' as const, message: 'fine' })),
      setDefaultTemplate: vi.fn(async (payload) =>
        ok({
          name: payload.profile,
          secretIdMasked: 'AKID****MPLE',
          region: 'ap-guangzhou',
          endpoint: null,
          hasToken: false,
          isDefault: true,
          ...(payload.templateId === null ? {} : { defaultTemplateId: payload.templateId }),
        }),
      ),
    },
    sandbox: {
      start: vi.fn(async () => ok({ endpoint: 'http://127.0.0.1:1' })),
      push: vi.fn(async (request) =>
        ok({
          domain: request.domain,
          app: request.app,
          stream: request.stream,
          startTime: 1_700_000_000,
          endTime: 1_700_000_000 + request.forSeconds,
        }),
      ),
    },
    record: {
      preview: vi.fn(async () => ok({ problems: [], warnings: [], params: {} })),
      create: vi.fn(async (payload) =>
        ok({
          entry: entryFor(payload.request, { taskId: 'task-123', requestId: 'req-456', status: 'scheduled' }),
          warnings: [],
        }),
      ),
    },
    tasks: {
      stop: vi.fn(async () => ok(historyEntry({}))),
      delete: vi.fn(async () => ok(historyEntry({}))),
    },
    history: {
      list: vi.fn(async () => ok([] as HistoryEntry[])),
      choices: vi.fn(async () => ok({ domains: [], apps: [], streams: [] })),
      streamEntries: vi.fn(async () => ok([] as HistoryEntry[])),
      export: vi.fn(async () => ok({ path: '/tmp/history.csv' })),
      sync: vi.fn(async () => ok({ updated: 0, imported: 0, resolved: 0, stillUnknown: 0, syncedAt: 1_700_000_000 })),
    },
    live: {
      templates: vi.fn(async () => ok([{ templateId: 7, name: 'MP4 archive', description: '' }])),
      domains: vi.fn(async () => ok([{ name: '5000.livepush.myqcloud.com', type: 0, status: 1 }])),
      streamState: vi.fn(async () => ok('inactive' as const)),
    },
    settings: {
      get: vi.fn(async () =>
        ok({
          language: 'en' as const,
          theme: 'system' as const,
          launchAtLogin: false,
          defaultTimeZone: null,
          showTimeZone: 'Asia/Shanghai',
        }),
      ),
      set: vi.fn(async (patch) =>
        ok({
          language: 'en' as const,
          theme: 'system' as const,
          launchAtLogin: false,
          defaultTimeZone: null,
          showTimeZone: 'Asia/Shanghai',
          ...patch,
        }),
      ),
    },
    recordings: {
      stop: vi.fn(async () => ok([])),
      delete: vi.fn(async () => ok([])),
    },
    plans: { list: vi.fn(async () => ok([])) },
    alerts: {
      list: vi.fn(async () => ok([])),
      acknowledge: vi.fn(async () => ok({ acknowledged: 0, acknowledgedOutcomes: 0 })),
    },
    series: {
      list: vi.fn(async () => ok([])),
      add: vi.fn(async (payload) =>
        ok({
          series: seriesSummary({ ...payload.series, name: payload.series.name ?? payload.series.stream.streamName }),
          warnings: [],
          dueError: null,
        }),
      ),
      update: vi.fn(async () =>
        ok({ series: seriesSummary({}), warnings: [], dueError: null, replanned: 0, kept: [] }),
      ),
      remove: vi.fn(async () => ok({ cancelledLinks: 0, keptTaskIds: [] })),
      cancelOccurrence: vi.fn(async () => ok({ actions: [] })),
      editOccurrence: vi.fn(async () =>
        ok({
          moved: true,
          series: seriesSummary({}),
          startTime: 0,
          endTime: 0,
          actions: [],
          createdTaskIds: [],
          error: null,
          warnings: [],
        }),
      ),
    },
    imports: {
      preview: vi.fn(async () => ok({ rows: [], problems: [] })),
      run: vi.fn(async () =>
        ok({
          created: 0,
          unknown: 0,
          failed: 0,
          invalid: 0,
          items: [],
          startedAt: 1_700_000_000,
          finishedAt: 1_700_000_001,
        }),
      ),
      status: vi.fn(async () => ok({ running: null, last: null })),
    },
    files: { open: vi.fn(async () => ok(null)) },
    templates: { add: vi.fn(async () => ok({ templateId: 1003, requestId: 'req-template' })) },
    events: {
      onHistoryChanged: vi.fn(() => () => undefined),
      onNavigate: vi.fn(() => () => undefined),
      onTaskCreatedCountdown: vi.fn(() => () => undefined),
      onPlansChanged: vi.fn(() => () => undefined),
      onImportProgress: vi.fn(() => () => undefined),
      onNotice: vi.fn(() => () => undefined),
    },
  };
  for (const [area, methods] of Object.entries(overrides)) {
    Object.assign((base as unknown as Record<string, object>)[area] as object, methods);
  }
  return base;
}

/** The history area answering from `entries` (newest first) as main does: the list, the choices, one stream's. */
export function historyAnswers(entries: readonly HistoryEntry[]): Partial<TaperApi['history']> {
  return {
    list: vi.fn(async () => ok([...entries])),
    choices: vi.fn(async () => ok(historyChoices(entries))),
    streamEntries: vi.fn(async ({ stream }) => {
      const ofStream = isStream(stream);
      return ok(
        entries.filter((entry) => ofStream({ domainName: entry.domain, appName: entry.app, streamName: entry.stream })),
      );
    }),
  };
}

let counter = 0;

/** A series as `series:list` answers it (Mondays 20:00 Shanghai, 1 h) with `patch` applied. */
export function seriesSummary(patch: Partial<SeriesSummary>): SeriesSummary {
  return {
    id: 'series-1',
    name: 'show',
    stream: { domainName: '5000.livepush.myqcloud.com', appName: 'live', streamName: 'show' },
    daysOfWeek: [1],
    startWallTime: '20:00',
    durationSeconds: 3_600,
    timeZone: 'Asia/Shanghai',
    cancelledDates: [],
    profile: null,
    region: null,
    createdAt: 1_700_000_000,
    upcoming: [],
    ...patch,
  };
}

export function historyEntry(patch: Partial<HistoryEntry>): HistoryEntry {
  counter++;
  return {
    id: `entry-${counter}`,
    taskId: `task-${counter}`,
    requestId: `req-${counter}`,
    status: 'finished',
    domain: '5000.livepush.myqcloud.com',
    app: 'live',
    stream: `stream-${counter}`,
    startTime: 1_700_000_000,
    endTime: 1_700_003_600,
    templateId: null,
    streamType: 0,
    profile: 'work',
    region: 'ap-guangzhou',
    createdAt: 1_699_990_000,
    updatedAt: 1_699_990_000,
    error: null,
    source: 'taper',
    extension: null,
    ...patch,
  };
}

function entryFor(
  request: { domainName: string; appName: string; streamName: string; startTime?: number; endTime: number },
  patch: Partial<HistoryEntry>,
): HistoryEntry {
  return historyEntry({
    domain: request.domainName,
    app: request.appName,
    stream: request.streamName,
    startTime: request.startTime ?? null,
    endTime: request.endTime,
    createdAt: Math.floor(Date.now() / 1000),
    ...patch,
  });
}
