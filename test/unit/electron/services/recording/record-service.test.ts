import { describe, expect, it, vi } from 'vitest';
import type { HistoryPort, ProfilesPort, ResolvedProfile } from '../../../../../electron/services/app-services.js';
import type { LiveApi } from '../../../../../electron/services/live-api/live-api.js';
import { createRecordService } from '../../../../../electron/services/recording/record-service.js';
import type { HistoryEntry } from '../../../../../shared/history.js';
import { ok } from '../../../../../shared/result.js';

const NOW = 1_800_000_000;
const clock = () => NOW * 1000;

/** An in-memory history with the optional per-stream query; `list` is a spy so its use can be seen. */
function memoryHistory() {
  const entries: HistoryEntry[] = [];
  let seq = 0;
  const port = {
    list: vi.fn(async () => ok(entries.slice())),
    listStream: vi.fn(async (key: { domainName: string; appName: string; streamName: string }) =>
      ok(entries.filter((e) => e.domain === key.domainName && e.app === key.appName && e.stream === key.streamName)),
    ),
    append: async (input: Omit<HistoryEntry, 'id' | 'updatedAt'> & { id?: string }) => {
      const entry = { ...input, id: input.id ?? `h${++seq}`, updatedAt: NOW } as HistoryEntry;
      entries.push(entry);
      return ok(entry);
    },
    update: async (id: string, patch: Partial<HistoryEntry>) => {
      const index = entries.findIndex((e) => e.id === id);
      entries[index] = { ...(entries[index] as HistoryEntry), ...patch };
      return ok(entries[index] as HistoryEntry);
    },
    findByTaskId: async () => ok(null),
    mutate: async () => ok(undefined as never),
    exportCsv: async () => ok(''),
    exportJson: async () => ok('[]'),
  } satisfies HistoryPort;
  return port;
}

function profilesWith(current: { secretKey: string }): ProfilesPort {
  const resolved = (): ResolvedProfile => ({
    profile: 'main',
    credentials: { secretId: 'AKID', secretKey: current.secretKey },
    region: 'ap-guangzhou',
    endpoint: null,
  });
  return {
    add: vi.fn(),
    list: vi.fn(),
    remove: vi.fn(),
    setDefault: vi.fn(),
    resolve: async () => ok(resolved()),
  } as unknown as ProfilesPort;
}

let tasks = 0;
const fakeApi = () =>
  ({
    createRecordTask: vi.fn(async () => ok({ taskId: `T${++tasks}`, requestId: `R${tasks}` })),
  }) as unknown as LiveApi;

const request = (stream: string) => ({
  domainName: 'push.example.com',
  appName: 'live',
  streamName: stream,
  startTime: NOW + 600,
  endTime: NOW + 4200,
  templateId: 1,
});

describe('record service', () => {
  it("checks overlaps against the stream's own entries, not the whole history", async () => {
    const history = memoryHistory();
    const recorder = createRecordService({
      clock,
      history,
      profiles: profilesWith({ secretKey: 'k1' }),
      liveApiFor: fakeApi,
    });
    expect(await recorder.record(request('show'))).toMatchObject({ ok: true });
    const second = await recorder.record(request('show'));
    expect(second.ok && second.value.warnings.map((w) => w.code)).toContain('Overlap');
    const other = await recorder.record(request('news'));
    expect(other.ok && other.value.warnings.map((w) => w.code)).not.toContain('Overlap');
    expect(history.listStream).toHaveBeenCalledWith({
      domainName: 'push.example.com',
      appName: 'live',
      streamName: 'show',
    });
    expect(history.list).not.toHaveBeenCalled();
  });

  it('still checks overlaps with a history port that has no per-stream query', async () => {
    const { listStream: _listStream, ...history } = memoryHistory();
    const recorder = createRecordService({
      clock,
      history,
      profiles: profilesWith({ secretKey: 'k1' }),
      liveApiFor: fakeApi,
    });
    await recorder.record(request('show'));
    const second = await recorder.record(request('show'));
    expect(second.ok && second.value.warnings.map((w) => w.code)).toContain('Overlap');
  });
});
