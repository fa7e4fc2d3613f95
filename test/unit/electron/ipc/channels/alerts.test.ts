// Outcome alerts in the app: `alerts:list` answers the windows that recorded nothing or with gaps (as `taper alerts`
// lists them) after the planned-link alerts, with the cause as data; `alerts:acknowledge` stores `acknowledgedAt` in
// the history entry, as `taper alerts ack TASK_ID` does, and tells the shell (history and banner reload).
import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../../../../electron/ipc/handlers.js';
import type { HistoryEntry, SettledOutcome } from '../../../../../shared/history.js';
import { ok } from '../../../../../shared/result.js';
import { ENTRY, fakeServices } from '../../../support/fake-services.js';

const START = 1_800_000_600;
const END = 1_800_003_600;

function settled(id: string, outcome: HistoryEntry['outcome'], detail: Partial<SettledOutcome> = {}): HistoryEntry {
  return {
    ...ENTRY,
    id,
    taskId: `T-${id}`,
    stream: `stream-${id}`,
    status: 'finished',
    startTime: START,
    endTime: END,
    outcome,
    outcomeDetail: {
      reason: null,
      files: [],
      gaps: [],
      pushes: [],
      settledAt: END + 300,
      acknowledgedAt: null,
      ...detail,
    },
  };
}

const NOTHING = settled('a', 'nothing', { reason: 'No file: the stream was never pushed during the window.' });
const PARTIAL = settled('b', 'partial', {
  reason: '2 gap(s) over 60 s without a file; 1 while the stream was pushed (recording lost).',
  gaps: [
    { startTime: START + 600, endTime: START + 900, pushed: true },
    { startTime: START + 1_200, endTime: START + 1_500, pushed: false },
  ],
  pushes: [{ startTime: START, endTime: START + 1_000 }],
});
const SHORT_PUSH = settled('c', 'nothing', { pushes: [{ startTime: START + 5, endTime: START + 9 }] });
const UNREAD_PUSHES = settled('d', 'nothing', { pushes: null });
const RECORDED = settled('e', 'recorded');
const ACKNOWLEDGED = settled('f', 'nothing', { acknowledgedAt: END + 400 });

describe('alerts:list with outcome alerts', () => {
  it('lists open nothing/partial outcomes with stream, window, outcome and cause; not recorded or acknowledged ones', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(services.history.list).mockResolvedValue(
      ok([ENTRY, RECORDED, ACKNOWLEDGED, PARTIAL, NOTHING, SHORT_PUSH, UNREAD_PUSHES]),
    );
    const answer = await createIpcHandlers(services, hooks, schedule)['alerts:list'](undefined);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.map((alert) => (alert.kind === 'outcome' ? alert.id : alert.recordingId))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(answer.value[0]).toEqual({
      kind: 'outcome',
      id: 'a',
      taskId: 'T-a',
      recordingId: null,
      stream: { domainName: 'push.example.com', appName: 'live', streamName: 'stream-a' },
      startTime: START,
      endTime: END,
      outcome: 'nothing',
      nothingReason: 'never-pushed',
      gaps: [],
      reason: 'No file: the stream was never pushed during the window.',
    });
    expect(answer.value[1]).toMatchObject({
      kind: 'outcome',
      outcome: 'partial',
      nothingReason: null,
      gaps: PARTIAL.outcomeDetail?.gaps,
    });
    expect(answer.value[2]).toMatchObject({ nothingReason: 'pushed-too-short' });
    expect(answer.value[3]).toMatchObject({ nothingReason: null });
  });

  it('answers the history error rather than a list without the outcome alerts', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(services.history.list).mockResolvedValue({
      ok: false,
      error: { code: 'Taper.History.Corrupt', message: 'history.json is damaged' },
    });
    expect(await createIpcHandlers(services, hooks, schedule)['alerts:list'](undefined)).toEqual({
      ok: false,
      error: { code: 'Taper.History.Corrupt', message: 'history.json is damaged' },
    });
  });
});

describe('alerts:acknowledge of outcome alerts', () => {
  it('stores acknowledgedAt on the named entries only, and the plans are not touched', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(services.history.list).mockResolvedValue(ok([NOTHING, PARTIAL]));
    const handlers = createIpcHandlers(services, hooks, schedule);
    expect(await handlers['alerts:acknowledge']({ outcomeIds: ['a'] })).toEqual({
      ok: true,
      value: { acknowledged: 0, acknowledgedOutcomes: 1 },
    });
    expect(services.history.update).toHaveBeenCalledExactlyOnceWith('a', {
      outcomeDetail: { ...NOTHING.outcomeDetail, acknowledgedAt: 1_800_000_000 },
    });
    expect(schedule.scheduler.acknowledgeAlerts).not.toHaveBeenCalled();
    expect(hooks.historyChanged).toHaveBeenCalledOnce();
    expect(hooks.plansChanged).toHaveBeenCalledOnce();
  });

  it('`all` acknowledges every outcome alert and every planned-link alert', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(services.history.list).mockResolvedValue(ok([NOTHING, PARTIAL, ACKNOWLEDGED]));
    const answer = await createIpcHandlers(services, hooks, schedule)['alerts:acknowledge']({ all: true });
    expect(answer).toEqual({ ok: true, value: { acknowledged: 0, acknowledgedOutcomes: 2 } });
    expect(vi.mocked(services.history.update).mock.calls.map(([id]) => id)).toEqual(['a', 'b']);
    expect(schedule.scheduler.acknowledgeAlerts).toHaveBeenCalledWith('all');
  });

  it('recording ids leave the outcomes alone; an unknown outcome id acknowledges nothing', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(services.history.list).mockResolvedValue(ok([NOTHING]));
    const handlers = createIpcHandlers(services, hooks, schedule);
    await handlers['alerts:acknowledge']({ recordingIds: ['a'] });
    expect(await handlers['alerts:acknowledge']({ outcomeIds: ['zzz'] })).toEqual({
      ok: true,
      value: { acknowledged: 0, acknowledgedOutcomes: 0 },
    });
    expect(services.history.update).not.toHaveBeenCalled();
    expect(hooks.historyChanged).not.toHaveBeenCalled();
  });

  it('refuses an empty or oversized outcome id list before touching the history', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    for (const payload of [{ outcomeIds: [] }, { outcomeIds: ['a b'] }, { outcomeIds: ['a'], all: true }]) {
      expect(await handlers['alerts:acknowledge'](payload)).toMatchObject({
        ok: false,
        error: { code: 'Taper.InvalidInput' },
      });
    }
    expect(services.history.list).not.toHaveBeenCalled();
  });
});
