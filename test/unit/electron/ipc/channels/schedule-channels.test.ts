// The scheduling channels: record:create routes windows beyond one task to the scheduler, stop/delete act on
// whole recordings, alerts are listed per recording and acknowledged; every change is pushed to the window and tray.
import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../../../../electron/ipc/handlers.js';
import { groupAlerts, toChainOutcome } from '../../../../../electron/ipc/schedule-outcomes.js';
import type { LinkEvent } from '../../../../../electron/services/schedule/scheduler.js';
import { ok } from '../../../../../shared/result.js';
import type { PlannedLink, PlannedRecording } from '../../../../../shared/schedule/plans.js';
import { ENTRY, fakeServices } from '../../../support/fake-services.js';

const NOW = 1_800_000_000;
const DAY = 86_400;
const STREAM = { domainName: 'push.example.com', appName: 'live', streamName: 'show' };

function link(index: number, patch: Partial<PlannedLink> = {}): PlannedLink {
  return {
    recordingId: 'rec1',
    index,
    startTime: NOW + index * DAY,
    endTime: NOW + (index + 1) * DAY,
    status: 'planned',
    taskId: null,
    historyId: null,
    error: null,
    updatedAt: NOW,
    ...patch,
  };
}

function recording(links: PlannedLink[]): PlannedRecording {
  return {
    recordingId: 'rec1',
    stream: STREAM,
    startTime: NOW,
    endTime: NOW + links.length * DAY,
    templateId: null,
    streamType: 0,
    extension: null,
    profile: null,
    region: null,
    seriesId: null,
    occurrenceDate: null,
    createdAt: NOW,
    links,
  };
}

describe('record:create routing', () => {
  it('a window of up to 24 h within reach keeps the one-task path', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    await handlers['record:create']({ request: { ...STREAM, endTime: NOW + DAY } });
    await handlers['record:create']({
      request: { ...STREAM, startTime: NOW + 6 * DAY, endTime: NOW + 6 * DAY + 3_600 },
    });
    expect(services.recorder.record).toHaveBeenCalledTimes(2);
    expect(schedule.scheduler.record).not.toHaveBeenCalled();
    expect(hooks.plansChanged).not.toHaveBeenCalled();
  });

  it.each([
    ['longer than 24 h', { endTime: NOW + DAY + 1 }],
    ['starting more than 6 days ahead', { startTime: NOW + 6 * DAY + 60, endTime: NOW + 6 * DAY + 3_660 }],
  ])('a window %s goes to scheduler.record and answers the chain', async (_name, window) => {
    const { services, hooks, schedule } = fakeServices();
    const request = { ...STREAM, domainName: ' push.example.com ', ...window };
    const response = await createIpcHandlers(services, hooks, schedule)['record:create']({ request, profile: 'main' });
    expect(schedule.scheduler.record).toHaveBeenCalledWith(request, { profile: 'main' });
    expect(services.recorder.record).not.toHaveBeenCalled();
    expect(response).toEqual({
      ok: true,
      value: {
        recordingId: 'rec1',
        stream: STREAM,
        links: [
          {
            index: 0,
            startTime: ENTRY.startTime,
            endTime: ENTRY.endTime,
            status: 'created',
            taskId: 'T-1',
            requestId: 'R-1',
            createAt: null,
            error: null,
          },
        ],
        warnings: [],
      },
    });
    expect(hooks.historyChanged).toHaveBeenCalled();
    expect(hooks.plansChanged).toHaveBeenCalled();
    expect(hooks.recordAttempted).toHaveBeenCalledWith({ ok: true, value: { entry: ENTRY } });
  });
});

describe('recordings, plans and alerts channels', () => {
  it('recordings:stop / delete act on the whole recording and report per link', async () => {
    const { services, hooks, schedule } = fakeServices();
    const actions = [
      { index: 0, taskId: 'T-1', action: 'stopped' as const, error: null },
      { index: 1, taskId: null, action: 'cancelled' as const, error: null },
    ];
    vi.mocked(schedule.scheduler.stopRecording).mockResolvedValueOnce(ok(actions));
    const handlers = createIpcHandlers(services, hooks, schedule);
    expect(await handlers['recordings:stop']({ recordingId: 'rec1', profile: 'main' })).toEqual({
      ok: true,
      value: actions,
    });
    expect(schedule.scheduler.stopRecording).toHaveBeenCalledWith('rec1', { profile: 'main' });
    expect(hooks.plansChanged).toHaveBeenCalledOnce();
    await handlers['recordings:delete']({ recordingId: 'rec1' });
    expect(schedule.scheduler.deleteRecording).toHaveBeenCalledWith('rec1', undefined);
    expect(services.recorder.stop).not.toHaveBeenCalled();
  });

  it('alerts:list groups open alerts per recording with its stream and window', async () => {
    const { services, hooks, schedule } = fakeServices();
    const missed = link(1, { status: 'missed', error: { code: 'Taper.Schedule.Missed', message: 'Missed: offline' } });
    vi.mocked(schedule.scheduler.listAlerts).mockResolvedValueOnce(ok([missed]));
    vi.mocked(schedule.scheduler.listPlans).mockResolvedValueOnce(
      ok([recording([link(0, { status: 'created', taskId: 'T-1' }), missed])]),
    );
    expect(await createIpcHandlers(services, hooks, schedule)['alerts:list'](undefined)).toEqual({
      ok: true,
      value: [
        {
          recordingId: 'rec1',
          stream: STREAM,
          seriesId: null,
          startTime: NOW,
          endTime: NOW + 2 * DAY,
          linkCount: 2,
          links: [missed],
        },
      ],
    });
  });

  it('alerts:acknowledge takes ids or all, and tells the shell (tray and window drop them)', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(schedule.scheduler.acknowledgeAlerts).mockResolvedValue(
      ok([link(0, { status: 'missed', acknowledgedAt: NOW })]),
    );
    const handlers = createIpcHandlers(services, hooks, schedule);
    expect(await handlers['alerts:acknowledge']({ recordingIds: ['rec1'] })).toEqual({
      ok: true,
      value: { acknowledged: 1, acknowledgedOutcomes: 0 },
    });
    expect(schedule.scheduler.acknowledgeAlerts).toHaveBeenLastCalledWith(['rec1']);
    await handlers['alerts:acknowledge']({ all: true });
    expect(schedule.scheduler.acknowledgeAlerts).toHaveBeenLastCalledWith('all');
    expect(hooks.plansChanged).toHaveBeenCalledTimes(2);
  });

  it('plans:list answers the planned recordings', async () => {
    const { services, hooks, schedule } = fakeServices();
    const planned = recording([link(0)]);
    vi.mocked(schedule.scheduler.listPlans).mockResolvedValueOnce(ok([planned]));
    expect(await createIpcHandlers(services, hooks, schedule)['plans:list'](undefined)).toEqual({
      ok: true,
      value: [planned],
    });
  });
});

describe('toChainOutcome / groupAlerts', () => {
  it('lists every link in order: created now, failed, and planned ones with when they will be created', () => {
    const created = link(0, { status: 'created', taskId: 'T-1', historyId: 'e1' });
    const deferred = link(1, { error: { code: 'Taper.Network', message: 'offline' } });
    const far = link(2, { startTime: NOW + 8 * DAY, endTime: NOW + 9 * DAY });
    const event = (kind: LinkEvent['kind'], one: PlannedLink, entry: LinkEvent['entry'] = null): LinkEvent => ({
      kind,
      recordingId: 'rec1',
      seriesId: null,
      occurrenceDate: null,
      stream: STREAM,
      link: one,
      lateBySeconds: 0,
      entry,
      error: one.error,
    });
    const outcome = toChainOutcome(
      {
        recordingId: 'rec1',
        created: [ENTRY],
        planned: [deferred, far],
        events: [event('created', created, ENTRY), event('deferred', deferred)],
        warnings: [{ code: 'Chain.Rebalanced', message: 'even' }],
      },
      STREAM,
    );
    expect(
      outcome.links.map((one) => [
        one.index,
        one.status,
        one.taskId,
        one.requestId,
        one.createAt,
        one.error?.code ?? null,
      ]),
    ).toEqual([
      [0, 'created', 'T-1', 'R-1', null, null],
      // A 24 h link is within reach once its end is under 7 days away (EndTime < now + 7 d): one second after 7 d before it.
      [1, 'planned', null, null, NOW + 2 * DAY - 7 * DAY + 1, 'Taper.Network'],
      [2, 'planned', null, null, NOW + 9 * DAY - 7 * DAY + 1, null],
    ]);
    expect(outcome.warnings).toEqual([{ code: 'Chain.Rebalanced', message: 'even' }]);
  });

  it('drops alerts whose recording is not in the plans read', () => {
    expect(groupAlerts([link(0, { status: 'failed', recordingId: 'gone' })], [])).toEqual([]);
  });
});
