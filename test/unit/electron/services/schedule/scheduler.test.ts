import { describe, expect, it } from 'vitest';
import { createScheduler, type SchedulerDeps } from '../../../../../electron/services/schedule/scheduler.js';
import type { RemoteTask } from '../../../../../shared/live-types.js';
import { fakeClock, fakeHistory, fakeRecorder, memoryPlanStore } from '../../../support/schedule-fakes.js';

const HOUR = 3_600;
const DAY = 86_400;
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const stream = { domainName: 'push.example.com', appName: 'live', streamName: 'show' };

function setup(startIso = '2026-03-25T12:00:00Z', extra: Partial<SchedulerDeps> = {}) {
  const time = fakeClock(unix(startIso));
  const history = fakeHistory(time.now);
  const recorder = fakeRecorder(history.port, time.now);
  const plans = memoryPlanStore();
  let ids = 0;
  const scheduler = createScheduler({
    clock: time.clock,
    recorder: recorder.service,
    history: history.port,
    plans: plans.store,
    newId: () => `rec${++ids}`,
    ...extra,
  });
  return { time, history, recorder, plans, scheduler };
}

describe('scheduler.record', () => {
  it('records 60 h as 3 links with no gap, all created now, each history entry tagged with the recording', async () => {
    const { time, scheduler, recorder, history } = setup();
    const start = time.now() + HOUR;
    const result = await scheduler.record({ ...stream, startTime: start, endTime: start + 60 * HOUR, templateId: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.created).toHaveLength(3);
    expect(result.value.planned).toEqual([]);
    expect(recorder.calls.map((call) => [call.request.startTime, call.request.endTime])).toEqual([
      [start, start + 24 * HOUR],
      [start + 24 * HOUR, start + 48 * HOUR],
      [start + 48 * HOUR, start + 60 * HOUR],
    ]);
    expect(recorder.calls.every((call) => call.request.templateId === 3)).toBe(true);
    expect(history.entries.map((entry) => entry.recordingId)).toEqual([
      result.value.recordingId,
      result.value.recordingId,
      result.value.recordingId,
    ]);
  });

  it('plans a far-ahead window and creates it once it comes within 6 days; a second run creates nothing more', async () => {
    const { time, scheduler, recorder } = setup();
    const start = time.now() + 10 * DAY;
    const result = await scheduler.record({ ...stream, startTime: start, endTime: start + 2 * HOUR });
    expect(result.ok && result.value.planned.length).toBe(1);
    expect(recorder.calls).toHaveLength(0);

    time.set(start - 6 * DAY - 60);
    const early = await scheduler.runDue();
    expect(early.ok && early.value.events).toEqual([]);
    time.set(start - 6 * DAY);
    const due = await scheduler.runDue();
    expect(due.ok && due.value.events.map((happened) => happened.kind)).toEqual(['created']);
    expect(recorder.calls[0]?.request.startTime).toBe(start);
    const again = await scheduler.runDue();
    expect(again.ok && again.value.events).toEqual([]);
    expect(recorder.calls).toHaveLength(1);
  });

  it('creates the first links of a long far-reaching chain now and the last later, across midnight, without a gap', async () => {
    const { time, scheduler, recorder } = setup('2026-03-25T22:00:00Z');
    const start = unix('2026-03-31T00:00:00Z'); // 5 d 2 h ahead: link 2 starts beyond 6 days.
    const result = await scheduler.record({ ...stream, startTime: start, endTime: start + 72 * HOUR });
    expect(result.ok && result.value.created.length).toBe(1); // Links 2 and 3 end beyond now + 7 days.
    expect(result.ok && result.value.planned.map((link) => link.index)).toEqual([1, 2]);
    time.set(start);
    await scheduler.runDue();
    time.set(start + 24 * HOUR);
    await scheduler.runDue();
    const windows = recorder.calls.map((call) => [call.request.startTime, call.request.endTime] as const);
    expect(windows).toEqual([
      [start, start + 24 * HOUR],
      [start + 24 * HOUR, start + 48 * HOUR],
      [start + 48 * HOUR, start + 72 * HOUR],
    ]);
  });

  it('refuses a window that ends in the past or bad names, sending nothing', async () => {
    const { time, scheduler, recorder } = setup();
    const past = await scheduler.record({ ...stream, startTime: time.now() - 2 * HOUR, endTime: time.now() - HOUR });
    expect(!past.ok && past.error.code).toBe('Taper.InvalidInput');
    const badName = await scheduler.record({
      ...stream,
      streamName: 'no spaces',
      startTime: time.now() + 30 * DAY,
      endTime: time.now() + 31 * DAY,
    });
    expect(!badName.ok && badName.error.problems?.map((p) => p.field)).toEqual(['streamName']);
    expect(recorder.calls).toHaveLength(0);
  });

  it('a platform refusal of the first link keeps no plan and returns the error', async () => {
    const { time, scheduler, recorder, plans } = setup();
    recorder.script.push({ code: 'InvalidParameter.TemplateId', message: 'no such template' });
    const start = time.now() + HOUR;
    const result = await scheduler.record({ ...stream, startTime: start, endTime: start + 50 * HOUR, templateId: 99 });
    expect(!result.ok && result.error.code).toBe('InvalidParameter.TemplateId');
    expect(plans.current().recordings).toEqual([]);
  });
});

describe('scheduler: never twice', () => {
  it('an unknown outcome is pending sync: runDue does not create again; once sync says it was never created, it is created', async () => {
    const { time, scheduler, recorder, history } = setup();
    const start = time.now() + 7 * DAY;
    await scheduler.record({ ...stream, startTime: start, endTime: start + HOUR });
    time.set(start - 5 * DAY);
    recorder.script.push('unknown');
    const first = await scheduler.runDue();
    expect(first.ok && first.value.events.map((happened) => happened.kind)).toEqual(['pending-sync']);
    expect(history.entries[0]?.recordingId).toBe('rec1');
    await scheduler.runDue();
    expect(recorder.calls).toHaveLength(1);
    // Sync: the platform does not know it.
    history.entries[0] = { ...(history.entries[0] as (typeof history.entries)[number]), status: 'failed' };
    const retried = await scheduler.runDue();
    expect(retried.ok && retried.value.events.map((happened) => happened.kind)).toEqual(['created']);
    expect(recorder.calls).toHaveLength(2);
  });

  it('a task in the history that covers the window (after a crash) is adopted, not created again', async () => {
    const { time, scheduler, recorder, history } = setup();
    const start = time.now() + HOUR;
    await history.port.append({
      taskId: 'task-existing',
      requestId: 'r',
      status: 'scheduled',
      domain: 'PUSH.example.com',
      app: 'live',
      stream: 'show',
      startTime: start,
      endTime: start + 2 * HOUR,
      templateId: null,
      streamType: 0,
      profile: null,
      region: 'ap-guangzhou',
      createdAt: time.now() - 60,
      error: null,
      source: 'taper',
      extension: null,
    });
    const result = await scheduler.record({ ...stream, startTime: start, endTime: start + 2 * HOUR });
    expect(result.ok && result.value.events.map((happened) => [happened.kind, happened.link.taskId])).toEqual([
      ['adopted', 'task-existing'],
    ]);
    expect(recorder.calls).toHaveLength(0);
  });

  it('a task the platform lists (made in the console) is adopted through describe', async () => {
    const remote: RemoteTask = {
      ...stream,
      taskId: 'console-task',
      startTime: 0,
      endTime: 0,
      templateId: null,
      streamType: 0,
      stopped: false,
      extension: null,
    };
    const queries: unknown[] = [];
    const { time, scheduler, recorder } = setup(undefined, {
      describe: async (query) => {
        queries.push(query);
        return { ok: true, value: [{ ...remote, startTime: query.startTime, endTime: query.endTime }] };
      },
    });
    const start = time.now() + HOUR;
    const result = await scheduler.record({ ...stream, startTime: start, endTime: start + HOUR });
    expect(result.ok && result.value.events[0]?.kind).toBe('adopted');
    expect(queries).toHaveLength(1);
    expect(recorder.calls).toHaveLength(0);
  });
});

describe('scheduler.runDue: late and missed', () => {
  it('app down at the due time, started inside the window: records the rest from now; after the window: a missed alert kept in plans', async () => {
    const { time, scheduler, recorder, plans } = setup();
    const first = time.now() + 8 * DAY;
    await scheduler.record({ ...stream, startTime: first, endTime: first + 2 * HOUR });
    const second = first + 10 * DAY;
    await scheduler.record({ ...stream, streamName: 'other', startTime: second, endTime: second + HOUR });

    time.set(first + HOUR); // Down from 8 days before until an hour into the first window.
    const late = await scheduler.runDue();
    expect(late.ok && late.value.events.map((happened) => [happened.kind, happened.lateBySeconds])).toEqual([
      ['created', HOUR],
    ]);
    expect(recorder.calls[0]?.request).not.toHaveProperty('startTime'); // Starts now.
    expect(recorder.calls[0]?.request.endTime).toBe(first + 2 * HOUR);

    time.set(second + 2 * HOUR); // Down again from before the second window came within reach until after it.
    const missed = await scheduler.runDue();
    expect(missed.ok && missed.value.newAlerts.map((happened) => [happened.kind, happened.stream.streamName])).toEqual([
      ['missed', 'other'],
    ]);
    expect(
      plans
        .current()
        .recordings.flatMap((recording) => recording.links)
        .map((link) => link.status),
    ).toEqual(['missed']); // The created one ended over 7 days ago: pruned; the alert is kept.
    const after = await scheduler.runDue();
    expect(after.ok && after.value.newAlerts).toEqual([]);
    expect(after.ok && after.value.alerts.map((link) => link.error?.code)).toEqual(['Taper.Schedule.Missed']);
    expect(recorder.calls).toHaveLength(1);
  });

  it('an acknowledged alert is no longer repeated, stays listed until pruned, and acknowledging again changes nothing', async () => {
    const { time, scheduler, plans } = setup();
    const start = time.now() + 8 * DAY;
    const missedOne = await scheduler.record({ ...stream, startTime: start, endTime: start + HOUR });
    const missedTwo = await scheduler.record({
      ...stream,
      streamName: 'other',
      startTime: start,
      endTime: start + HOUR,
    });
    if (!missedOne.ok || !missedTwo.ok) throw new Error('not planned');
    time.set(start + 2 * HOUR);
    await scheduler.runDue();
    const open = await scheduler.listAlerts();
    expect(open.ok && open.value).toHaveLength(2);

    const acknowledged = await scheduler.acknowledgeAlerts([missedOne.value.recordingId]);
    expect(acknowledged.ok && acknowledged.value.map((link) => [link.recordingId, link.acknowledgedAt])).toEqual([
      [missedOne.value.recordingId, time.now()],
    ]);
    const next = await scheduler.runDue();
    expect(next.ok && next.value.alerts.map((link) => link.recordingId)).toEqual([missedTwo.value.recordingId]);
    expect(plans.current().recordings).toHaveLength(2);
    expect(
      (await scheduler.acknowledgeAlerts([missedOne.value.recordingId])).ok &&
        (await scheduler.acknowledgeAlerts([missedOne.value.recordingId])),
    ).toEqual({ ok: true, value: [] });

    const all = await scheduler.acknowledgeAlerts('all');
    expect(all.ok && all.value.map((link) => link.recordingId)).toEqual([missedTwo.value.recordingId]);
    expect((await scheduler.runDue()).ok && (await scheduler.listAlerts())).toEqual({ ok: true, value: [] });
    // Acknowledged alerts are kept like finished plans (7 days), not like open alerts (90 days).
    time.set(start + 8 * DAY);
    await scheduler.runDue();
    expect(plans.current().recordings).toEqual([]);
  });

  it('acknowledging an unknown recording id is refused and changes nothing', async () => {
    const { time, scheduler, plans } = setup();
    const start = time.now() + 8 * DAY;
    const planned = await scheduler.record({ ...stream, startTime: start, endTime: start + HOUR });
    if (!planned.ok) throw new Error('not planned');
    time.set(start + 2 * HOUR);
    await scheduler.runDue();
    const refused = await scheduler.acknowledgeAlerts([planned.value.recordingId, 'nope']);
    expect(refused.ok ? null : refused.error.code).toBe('Taper.Schedule.NotFound');
    expect(plans.current().recordings[0]?.links[0]?.acknowledgedAt).toBeUndefined();
  });

  it('a link deferred by a network failure is tried again next run; if its window passes meanwhile it is missed with the reason', async () => {
    const { time, scheduler, recorder } = setup();
    const start = time.now() + 8 * DAY;
    await scheduler.record({ ...stream, startTime: start, endTime: start + HOUR });
    time.set(start - HOUR);
    recorder.script.push({ code: 'Taper.Network', message: 'connection refused' });
    const deferred = await scheduler.runDue();
    expect(deferred.ok && deferred.value.events.map((happened) => happened.kind)).toEqual(['deferred']);
    time.set(start + 2 * HOUR);
    const missed = await scheduler.runDue();
    expect(missed.ok && missed.value.newAlerts[0]?.error?.message).toMatch(/connection refused/);
  });
});

describe('scheduler: series', () => {
  const berlinShow = {
    stream,
    daysOfWeek: [1, 2, 3, 4, 5, 6, 7] as (1 | 2 | 3 | 4 | 5 | 6 | 7)[],
    startWallTime: '20:00',
    durationSeconds: 2 * HOUR,
    timeZone: 'Europe/Berlin',
  };

  it('keeps occurrences created 6 days ahead, at 20:00 Berlin time before and after the March DST change, once each', async () => {
    const { time, scheduler, recorder } = setup('2026-03-25T12:00:00Z');
    const added = await scheduler.addSeries(berlinShow);
    expect(added.ok).toBe(true);
    await scheduler.runDue();
    const starts = recorder.calls.map((call) => call.request.startTime);
    // 25th .. 30th (the 31st at 20:00 is more than 6 days after the 25th at 12:00 UTC).
    expect(starts).toEqual([
      unix('2026-03-25T20:00:00+01:00'),
      unix('2026-03-26T20:00:00+01:00'),
      unix('2026-03-27T20:00:00+01:00'),
      unix('2026-03-28T20:00:00+01:00'),
      unix('2026-03-29T20:00:00+02:00'),
      unix('2026-03-30T20:00:00+02:00'),
    ]);
    await scheduler.runDue();
    expect(recorder.calls).toHaveLength(6);
    time.advance(DAY);
    await scheduler.runDue();
    expect(recorder.calls.at(-1)?.request.startTime).toBe(unix('2026-03-31T20:00:00+02:00'));
    expect(recorder.calls).toHaveLength(7);
    expect(recorder.calls.every((call) => call.request.endTime - (call.request.startTime ?? 0) === 2 * HOUR)).toBe(
      true,
    );
  });

  it('a sleep that skips due times: occurrences that ended are missed alerts, the running one is recorded for the rest', async () => {
    const { time, scheduler, recorder } = setup('2026-10-20T12:00:00Z');
    await scheduler.addSeries({ ...berlinShow, daysOfWeek: [7] }); // Sundays.
    await scheduler.runDue();
    expect(recorder.calls.map((call) => call.request.startTime)).toEqual([unix('2026-10-25T20:00:00+01:00')]); // After the autumn change.
    time.set(unix('2026-11-08T20:30:00+01:00')); // Asleep until half an hour into the show of Nov 8.
    const woke = await scheduler.runDue();
    if (!woke.ok) throw new Error(woke.error.message);
    expect(woke.value.events.map((happened) => [happened.kind, happened.occurrenceDate])).toEqual([
      ['missed', '2026-11-01'],
      ['created', '2026-11-08'],
    ]); // Nov 15 at 20:00 is still more than 6 days away.
    expect(woke.value.events[1]?.lateBySeconds).toBe(30 * 60);
  });

  it('cancelling an occurrence deletes its created task; removing the series cancels what is not created', async () => {
    const { scheduler, recorder, plans } = setup('2026-06-01T12:00:00Z');
    const added = await scheduler.addSeries({ ...berlinShow, timeZone: 'Asia/Shanghai' });
    if (!added.ok) throw new Error(added.error.message);
    const id = added.value.series.id;
    await scheduler.runDue();
    const cancelled = await scheduler.cancelOccurrence(id, '2026-06-03');
    expect(cancelled.ok && cancelled.value.actions.map((action) => action.action)).toEqual(['deleted']);
    expect(recorder.removes).toHaveLength(1);
    const before = recorder.calls.length;
    const removed = await scheduler.removeSeries(id);
    expect(removed.ok && removed.value.keptTaskIds.length).toBe(before);
    expect((await scheduler.listSeries()).ok && plans.current().series).toEqual([]);
    await scheduler.runDue();
    expect(recorder.calls).toHaveLength(before);
  });

  it('warns when a new series records the same stream at overlapping times as another', async () => {
    const { scheduler } = setup('2026-06-01T12:00:00Z');
    await scheduler.addSeries({ ...berlinShow, daysOfWeek: [1] });
    const second = await scheduler.addSeries({ ...berlinShow, daysOfWeek: [1, 2], startWallTime: '21:00' });
    expect(second.ok && second.value.warnings.map((warning) => warning.code)).toEqual(['Series.Overlap']);
    const bad = await scheduler.addSeries({ ...berlinShow, startWallTime: '25:00' });
    expect(!bad.ok && bad.error.code).toBe('Taper.InvalidInput');
  });
});

describe('scheduler: stop and delete a long recording', () => {
  it('stop: the running link is stopped, later links deleted, planned ones cancelled', async () => {
    const { time, scheduler, recorder } = setup();
    const start = time.now() - HOUR;
    const result = await scheduler.record({ ...stream, startTime: start, endTime: start + 10 * DAY });
    if (!result.ok) throw new Error(result.error.message);
    const createdCount = result.value.created.length;
    expect(createdCount).toBeGreaterThan(1);
    const actions = await scheduler.stopRecording(result.value.recordingId);
    if (!actions.ok) throw new Error(actions.error.message);
    const byAction = (name: string) => actions.value.filter((action) => action.action === name).length;
    expect(byAction('stopped')).toBe(1);
    expect(byAction('deleted')).toBe(createdCount - 1);
    expect(byAction('cancelled')).toBe(result.value.planned.length);
    expect(recorder.stops).toHaveLength(1);
    time.advance(5 * DAY);
    await scheduler.runDue();
    expect(recorder.calls).toHaveLength(createdCount); // Nothing created after the stop.
  });

  it('delete acts on every link; an unknown id is reported', async () => {
    const { time, scheduler, recorder } = setup();
    const start = time.now() + HOUR;
    const result = await scheduler.record({ ...stream, startTime: start, endTime: start + 48 * HOUR });
    if (!result.ok) throw new Error(result.error.message);
    const actions = await scheduler.deleteRecording(result.value.recordingId);
    expect(actions.ok && actions.value.map((action) => action.action)).toEqual(['deleted', 'deleted']);
    expect(recorder.removes).toHaveLength(2);
    const unknown = await scheduler.deleteRecording('nope');
    expect(!unknown.ok && unknown.error.code).toBe('Taper.Schedule.NotFound');
  });
});

describe('scheduler: delete racing with another process running runDue', () => {
  it('a link created by a concurrent runDue while a recording is deleted is never left behind', async () => {
    const { time, scheduler, recorder, plans, history } = setup();
    const start = time.now() + 8 * DAY;
    const planned = await scheduler.record({ ...stream, startTime: start, endTime: start + HOUR });
    if (!planned.ok) throw new Error('not planned');
    time.set(start - 5 * DAY); // Within reach: the next runDue creates it.

    // The other process's runDue lands at the first read the delete makes (plans or history), which then answers
    // what it saw just before: the window in which a task could be created and then missed.
    let armed = true;
    const race =
      <T>(read: () => Promise<T>) =>
      async (): Promise<T> => {
        const before = await read();
        if (armed) {
          armed = false;
          await scheduler.runDue();
        }
        return before;
      };
    const readPlans = plans.store.read.bind(plans.store);
    plans.store.read = race(readPlans);
    const listHistory = history.port.list.bind(history.port);
    history.port.list = race(() => listHistory());

    const deleted = await scheduler.deleteRecording(planned.value.recordingId);
    expect(deleted.ok).toBe(true);
    // Whatever was created was deleted again: no task of this recording is left on the platform.
    expect(recorder.removes).toHaveLength(recorder.calls.length);
    history.port.list = listHistory;
    const left = await history.port.list();
    expect(
      left.ok && left.value.filter((entry) => entry.status === 'scheduled' || entry.status === 'recording'),
    ).toEqual([]);
  });
});
