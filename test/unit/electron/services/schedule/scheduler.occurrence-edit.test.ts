// scheduler.editOccurrence: one occurrence moved or lengthened ("this Sunday at 21:30 for 90 min"). The old window's
// task is deleted, the new window created once (never twice), a far one planned for later; bad dates are refused.
import { describe, expect, it } from 'vitest';
import { err } from '../../../../../shared/result.js';
import { seriesOccurrences } from '../../../../../shared/schedule/series-overview.js';
import type { IsoWeekday } from '../../../../../shared/schedule/series.js';
import { addSeriesOrThrow, schedulerWorld } from '../../../support/schedule-fakes.js';

const HOUR = 3_600;
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const stream = { domainName: 'push.example.com', appName: 'live', streamName: 'show' };
const sundays: IsoWeekday[] = [7];
const sundayShow = {
  stream,
  daysOfWeek: sundays,
  startWallTime: '20:00',
  durationSeconds: 2 * HOUR,
  timeZone: 'Europe/Berlin',
};
const NETWORK = { code: 'Taper.Network', message: 'connection refused' };

const setup = schedulerWorld;
const addSeries = addSeriesOrThrow;

const windows = (calls: { request: { startTime?: number; endTime: number } }[]) =>
  calls.map((call) => [call.request.startTime, call.request.endTime]);

describe('scheduler.editOccurrence', () => {
  it('a planned occurrence beyond reach: only the override is kept; it is created at the new time once in reach, marked changed', async () => {
    const { time, scheduler, recorder, plans } = setup('2026-06-01T12:00:00Z'); // Monday; Sunday 7th is beyond reach.
    const id = await addSeries(scheduler, sundayShow);
    await scheduler.runDue();
    expect(recorder.calls).toHaveLength(0);

    const moved = await scheduler.editOccurrence(id, '2026-06-07', {
      startWallTime: '21:30',
      durationSeconds: 90 * 60,
    });
    if (!moved.ok) throw new Error(moved.error.message);
    expect([moved.value.moved, moved.value.actions, moved.value.events]).toEqual([true, [], []]);
    expect([moved.value.occurrence.startTime, moved.value.occurrence.endTime]).toEqual([
      unix('2026-06-07T21:30:00+02:00'),
      unix('2026-06-07T23:00:00+02:00'),
    ]);
    expect(plans.current().series[0]?.overrides).toEqual({
      '2026-06-07': { startWallTime: '21:30', durationSeconds: 5_400 },
    });
    const view = seriesOccurrences(plans.current().series[0]!, plans.current().recordings, time.now());
    expect(view.slice(0, 2).map((item) => [item.date, item.startTime, item.changed])).toEqual([
      ['2026-06-07', unix('2026-06-07T21:30:00+02:00'), true],
      ['2026-06-14', unix('2026-06-14T20:00:00+02:00'), false],
    ]);

    time.set(unix('2026-06-02T12:00:00Z'));
    const due = await scheduler.runDue();
    expect(due.ok && due.value.events.map((happened) => [happened.kind, happened.occurrenceDate])).toEqual([
      ['created', '2026-06-07'],
    ]);
    expect(windows(recorder.calls)).toEqual([[unix('2026-06-07T21:30:00+02:00'), unix('2026-06-07T23:00:00+02:00')]]);
  });

  it('a planned occurrence within reach (not sent: network down) is re-planned and created at once at the new time', async () => {
    const { scheduler, recorder } = setup('2026-06-02T12:00:00Z');
    const id = await addSeries(scheduler, sundayShow);
    recorder.script.push(NETWORK);
    const down = await scheduler.runDue();
    expect(down.ok && down.value.events.map((happened) => happened.kind)).toEqual(['deferred']);
    const tried = recorder.calls.length;

    const moved = await scheduler.editOccurrence(id, '2026-06-07', { startWallTime: '18:00' });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.value.actions.map((action) => action.action)).toEqual(['cancelled']);
    expect(moved.value.events.map((happened) => happened.kind)).toEqual(['created']);
    expect(windows(recorder.calls.slice(tried))).toEqual([
      [unix('2026-06-07T18:00:00+02:00'), unix('2026-06-07T20:00:00+02:00')],
    ]);
    const again = await scheduler.runDue();
    expect(again.ok && again.value.events).toEqual([]);
  });

  it('an occurrence already created: its task is deleted and exactly one task is created for the new window, never a second', async () => {
    const { scheduler, recorder, history } = setup('2026-06-02T12:00:00Z');
    const id = await addSeries(scheduler, sundayShow);
    await scheduler.runDue();
    expect(recorder.calls).toHaveLength(1);
    const oldTask = history.entries[0]?.taskId;

    const moved = await scheduler.editOccurrence(id, '2026-06-07', { durationSeconds: 3 * HOUR });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.value.actions.map((action) => [action.action, action.taskId, action.error])).toEqual([
      ['deleted', oldTask, null],
    ]);
    expect(recorder.removes).toHaveLength(1);
    expect(recorder.calls).toHaveLength(2); // The old create and exactly one new one.
    expect(windows(recorder.calls.slice(1))).toEqual([
      [unix('2026-06-07T20:00:00+02:00'), unix('2026-06-07T23:00:00+02:00')],
    ]);
    expect(moved.value.events.map((happened) => [happened.kind, happened.link.taskId])).toEqual([
      ['created', history.entries[1]?.taskId],
    ]);
    expect(history.entries.map((entry) => [entry.status, entry.recordingId])).toEqual([
      ['deleted', `${id}@2026-06-07`],
      ['scheduled', `${id}@2026-06-07`],
    ]);

    const again = await scheduler.runDue();
    expect(again.ok && again.value.events).toEqual([]);
    expect(recorder.calls).toHaveLength(2);
    // Cancelling it afterwards deletes the new task (the old one is already gone).
    const cancelled = await scheduler.cancelOccurrence(id, '2026-06-07');
    expect(cancelled.ok && cancelled.value.actions.map((action) => [action.action, action.taskId])).toEqual([
      ['deleted', history.entries[1]?.taskId],
    ]);
  });

  it('an occurrence moved on the spring DST day: 02:30 does not exist, it starts after the jump', async () => {
    const { scheduler, recorder } = setup('2026-03-25T12:00:00Z');
    const id = await addSeries(scheduler, sundayShow);
    await scheduler.runDue();
    const moved = await scheduler.editOccurrence(id, '2026-03-29', { startWallTime: '02:30', durationSeconds: HOUR });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.value.occurrence).toMatchObject({
      startTime: unix('2026-03-29T03:00:00+02:00'),
      endTime: unix('2026-03-29T04:00:00+02:00'),
      dst: 'gap',
      changed: true,
    });
    expect(windows(recorder.calls)).toEqual([
      [unix('2026-03-29T20:00:00+02:00'), unix('2026-03-29T22:00:00+02:00')],
      [unix('2026-03-29T03:00:00+02:00'), unix('2026-03-29T04:00:00+02:00')],
    ]);
    expect(recorder.removes).toHaveLength(1);
  });

  it('refuses dates that are not occurrences, unknown series, empty or invalid changes, and changes nothing', async () => {
    const { scheduler, recorder, plans } = setup('2026-06-02T12:00:00Z');
    const id = await addSeries(scheduler, { ...sundayShow, endDate: '2026-06-21' });
    await scheduler.cancelOccurrence(id, '2026-06-14');
    await scheduler.runDue();
    const before = structuredClone(plans.current());
    const refused = async (seriesId: string, date: string, patch: Parameters<typeof scheduler.editOccurrence>[2]) => {
      const result = await scheduler.editOccurrence(seriesId, date, patch);
      if (result.ok) throw new Error(`accepted ${date}`);
      return [result.error.code, result.error.message];
    };
    expect(await refused(id, '2026-06-08', { startWallTime: '21:00' })).toEqual([
      'Taper.InvalidInput',
      expect.stringContaining('Monday'),
    ]);
    expect(await refused(id, '2026-06-14', { startWallTime: '21:00' })).toEqual([
      'Taper.InvalidInput',
      expect.stringContaining('cancelled'),
    ]);
    expect(await refused(id, '2026-06-28', { startWallTime: '21:00' })).toEqual([
      'Taper.InvalidInput',
      expect.stringContaining('end date'),
    ]);
    expect(await refused(id, '2026-31-01', { startWallTime: '21:00' })).toEqual([
      'Taper.InvalidInput',
      expect.stringContaining('not a date'),
    ]);
    expect(await refused(id, '2026-06-07', {})).toEqual([
      'Taper.InvalidInput',
      expect.stringContaining('Nothing to change'),
    ]);
    expect(await refused(id, '2026-06-07', { startWallTime: '25:00' })).toEqual([
      'Taper.InvalidInput',
      expect.stringContaining('HH:MM'),
    ]);
    expect(await refused(id, '2026-06-07', { durationSeconds: 25 * HOUR })).toEqual([
      'Taper.InvalidInput',
      expect.stringContaining('24 h'),
    ]);
    expect(await refused('nope', '2026-06-07', { startWallTime: '21:00' })).toEqual([
      'Taper.Schedule.NotFound',
      expect.stringContaining('nope'),
    ]);
    expect(plans.current()).toEqual(before);
    expect([recorder.calls.length, recorder.removes.length]).toEqual([1, 0]);
  });

  it('a task whose delete fails keeps the old window: nothing is moved, nothing created', async () => {
    const { scheduler, recorder, plans } = setup('2026-06-02T12:00:00Z');
    const id = await addSeries(scheduler, sundayShow);
    await scheduler.runDue();
    recorder.service.remove = async () => err('Taper.Network', 'connection refused');
    const moved = await scheduler.editOccurrence(id, '2026-06-07', { startWallTime: '21:00' });
    if (!moved.ok) throw new Error(moved.error.message);
    expect([moved.value.moved, moved.value.actions.map((action) => action.error?.code)]).toEqual([
      false,
      ['Taper.Network'],
    ]);
    expect(plans.current().series[0]?.overrides).toBeUndefined();
    expect(recorder.calls).toHaveLength(1);
  });

  it('an occurrence whose create has an unknown outcome must be synced first', async () => {
    const { scheduler, recorder } = setup('2026-06-02T12:00:00Z');
    const id = await addSeries(scheduler, sundayShow);
    recorder.script.push('unknown');
    await scheduler.runDue();
    const moved = await scheduler.editOccurrence(id, '2026-06-07', { startWallTime: '21:00' });
    expect(!moved.ok && moved.error.code).toBe('Taper.UnknownOutcome');
    expect(recorder.calls).toHaveLength(1);
  });

  it('warns when the moved occurrence overlaps another series on the same stream, or its own next occurrence', async () => {
    const { scheduler } = setup('2026-06-02T12:00:00Z');
    const id = await addSeries(scheduler, { ...sundayShow, startWallTime: '18:00', durationSeconds: HOUR });
    const other = await addSeries(scheduler, {
      ...sundayShow,
      name: 'Late news',
      startWallTime: '21:00',
      durationSeconds: HOUR,
    });
    const moved = await scheduler.editOccurrence(id, '2026-06-07', { startWallTime: '20:30' });
    expect(moved.ok && moved.value.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining(`series "Late news" (${other}) on 2026-06-07`),
    ]);
    const daily = await addSeries(scheduler, {
      ...sundayShow,
      stream: { ...stream, streamName: 'daily' },
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
    });
    const long = await scheduler.editOccurrence(daily, '2026-06-05', {
      startWallTime: '21:00',
      durationSeconds: 24 * HOUR,
    });
    expect(long.ok && long.value.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('its occurrence of 2026-06-06'),
    ]);
  });
});
