// scheduler.updateSeries: occurrences not sent yet follow the new schedule; created (or pending) ones are kept and
// reported, never doubled; DST in the new zone is honoured.
import { describe, expect, it } from 'vitest';
import type { IsoWeekday } from '../../../../../shared/schedule/series.js';
import { addSeriesOrThrow, schedulerWorld } from '../../../support/schedule-fakes.js';

const HOUR = 3_600;
const DAY = 86_400;
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const stream = { domainName: 'push.example.com', appName: 'live', streamName: 'show' };
const daily: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const berlinShow = {
  stream,
  daysOfWeek: daily,
  startWallTime: '20:00',
  durationSeconds: 2 * HOUR,
  timeZone: 'Europe/Berlin',
};
const NETWORK = { code: 'Taper.Network', message: 'connection refused' };

const setup = schedulerWorld;
const addSeries = addSeriesOrThrow;

const starts = (calls: { request: { startTime?: number } }[]) => calls.map((call) => call.request.startTime);

describe('scheduler.updateSeries', () => {
  it('a new time: created occurrences are kept (reported), later ones follow it, at 21:00 Berlin across the March DST change', async () => {
    const { time, scheduler, recorder } = setup('2026-03-25T12:00:00Z');
    const id = await addSeries(scheduler, berlinShow);
    await scheduler.runDue();
    expect(recorder.calls).toHaveLength(6); // 25th .. 30th at 20:00.

    const edited = await scheduler.updateSeries(id, { startWallTime: '21:00' });
    if (!edited.ok) throw new Error(edited.error.message);
    expect(edited.value.series.startWallTime).toBe('21:00');
    expect(edited.value.replanned).toBe(0);
    expect(edited.value.kept.map((kept) => [kept.date, kept.status, kept.taskIds.length])).toEqual(
      ['2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30'].map((date) => [
        date,
        'created',
        1,
      ]),
    );
    const again = await scheduler.runDue();
    expect(again.ok && again.value.events).toEqual([]); // Never a second task for a kept date.
    time.advance(DAY);
    await scheduler.runDue();
    expect(recorder.calls).toHaveLength(7);
    expect(recorder.calls.at(-1)?.request.startTime).toBe(unix('2026-03-31T21:00:00+02:00'));
  });

  it('occurrences not created yet (deferred: network down) are re-planned at the new time; nothing at the old time is sent', async () => {
    const { scheduler, recorder } = setup('2026-06-01T12:00:00Z');
    const id = await addSeries(scheduler, { ...berlinShow, daysOfWeek: [1, 3, 5] });
    recorder.script.push(NETWORK, NETWORK, NETWORK);
    const down = await scheduler.runDue();
    expect(down.ok && down.value.events.map((happened) => happened.kind)).toEqual(['deferred', 'deferred', 'deferred']);

    const edited = await scheduler.updateSeries(id, { startWallTime: '18:30', durationSeconds: HOUR });
    expect(edited.ok && [edited.value.replanned, edited.value.kept]).toEqual([3, []]);
    const tried = recorder.calls.length; // The fake records refused attempts too.
    const up = await scheduler.runDue();
    expect(up.ok && up.value.events.map((happened) => [happened.kind, happened.occurrenceDate])).toEqual([
      ['created', '2026-06-01'],
      ['created', '2026-06-03'],
      ['created', '2026-06-05'],
    ]);
    expect(recorder.calls.slice(tried).map((call) => [call.request.startTime, call.request.endTime])).toEqual(
      ['2026-06-01', '2026-06-03', '2026-06-05'].map((date) => [
        unix(`${date}T18:30:00+02:00`),
        unix(`${date}T19:30:00+02:00`),
      ]),
    );
  });

  it('a planned link the history shows as sent (crash before the plans were saved) is kept and adopted, not created again', async () => {
    const { scheduler, recorder, history } = setup('2026-06-01T12:00:00Z');
    const id = await addSeries(scheduler, { ...berlinShow, daysOfWeek: [3] });
    recorder.script.push(NETWORK);
    await scheduler.runDue(); // Wednesday 3rd planned (deferred).
    // Another process created it meanwhile (or Taper crashed after the create, before saving the plans).
    const start = unix('2026-06-03T20:00:00+02:00');
    await recorder.service.record({ ...stream, startTime: start, endTime: start + 2 * HOUR });
    const sent = recorder.calls.length;
    const edited = await scheduler.updateSeries(id, { startWallTime: '22:00' });
    expect(edited.ok && edited.value.kept.map((kept) => [kept.date, kept.taskIds])).toEqual([
      ['2026-06-03', [history.entries.at(-1)?.taskId]],
    ]);
    const due = await scheduler.runDue();
    expect(due.ok && due.value.events.map((happened) => happened.kind)).toEqual(['adopted']);
    expect(recorder.calls).toHaveLength(sent);
  });

  it('a create with an unknown outcome is kept as pending sync', async () => {
    const { scheduler, recorder } = setup('2026-06-01T12:00:00Z');
    const id = await addSeries(scheduler, { ...berlinShow, daysOfWeek: [2] });
    recorder.script.push('unknown');
    await scheduler.runDue();
    const edited = await scheduler.updateSeries(id, { startWallTime: '07:00' });
    expect(edited.ok && edited.value.kept.map((kept) => [kept.date, kept.status, kept.taskIds])).toEqual([
      ['2026-06-02', 'pending-sync', []],
    ]);
    await scheduler.runDue();
    expect(recorder.calls).toHaveLength(1);
  });

  it('a new zone: 02:30 Europe/Berlin on the day clocks jump (29 March) starts at the jump, 03:00 CEST', async () => {
    const { scheduler, recorder } = setup('2026-03-25T12:00:00Z');
    const id = await addSeries(scheduler, { ...berlinShow, timeZone: 'Asia/Shanghai' });
    recorder.script.push(...Array.from({ length: 7 }, () => NETWORK));
    await scheduler.runDue();
    const edited = await scheduler.updateSeries(id, { startWallTime: '02:30', timeZone: 'Europe/Berlin' });
    expect(edited.ok && edited.value.replanned).toBe(7); // 25th (running) .. 31st at 20:00 Shanghai.
    const tried = recorder.calls.length;
    await scheduler.runDue();
    expect(starts(recorder.calls.slice(tried))).toEqual([
      unix('2026-03-26T02:30:00+01:00'),
      unix('2026-03-27T02:30:00+01:00'),
      unix('2026-03-28T02:30:00+01:00'),
      unix('2026-03-29T03:00:00+02:00'),
      unix('2026-03-30T02:30:00+02:00'),
      unix('2026-03-31T02:30:00+02:00'),
    ]);
    expect(
      new Set(recorder.calls.slice(tried).map((call) => call.request.endTime - (call.request.startTime ?? 0))),
    ).toEqual(new Set([2 * HOUR]));
  });

  it('fewer days: a created occurrence on a removed day is kept and reported; an added day is planned', async () => {
    const { scheduler, recorder } = setup('2026-06-01T12:00:00Z'); // A Monday.
    const id = await addSeries(scheduler, { ...berlinShow, daysOfWeek: [2, 4] });
    await scheduler.runDue();
    expect(recorder.calls).toHaveLength(2); // Tue 2nd, Thu 4th.
    const edited = await scheduler.updateSeries(id, { daysOfWeek: [2, 6] });
    expect(edited.ok && edited.value.kept.map((kept) => kept.date)).toEqual(['2026-06-02', '2026-06-04']);
    const due = await scheduler.runDue();
    expect(due.ok && due.value.events.map((happened) => [happened.kind, happened.occurrenceDate])).toEqual([
      ['created', '2026-06-06'],
    ]);
  });

  it('a window that ended unsent stays for runDue to report as missed; an occurrence already running is recorded for the rest', async () => {
    const { time, scheduler, recorder } = setup('2026-06-01T12:00:00Z');
    const id = await addSeries(scheduler, { ...berlinShow, daysOfWeek: [1, 2] });
    recorder.script.push(NETWORK, NETWORK);
    await scheduler.runDue(); // Mon 1st and Tue 2nd deferred.
    time.set(unix('2026-06-02T19:30:00+02:00')); // Monday's window has passed; Tuesday's has not begun.
    const edited = await scheduler.updateSeries(id, { startWallTime: '19:00' });
    expect(edited.ok && edited.value.replanned).toBe(1);
    const due = await scheduler.runDue();
    expect(
      due.ok && due.value.events.map((happened) => [happened.kind, happened.occurrenceDate, happened.lateBySeconds]),
    ).toEqual([
      ['missed', '2026-06-01', 0],
      ['created', '2026-06-02', 30 * 60],
      ['created', '2026-06-08', 0], // Came within reach meanwhile.
    ]);
  });

  it('an occurrence lengthened past the usual length, running and not sent yet, is still recorded after an edit', async () => {
    const { time, scheduler, recorder } = setup('2026-06-01T12:00:00Z');
    // Mondays 20:00 for 2 h; this Monday lengthened to 5 h (20:00-01:00).
    const id = await addSeries(scheduler, { ...berlinShow, daysOfWeek: [1] });
    recorder.script.push(NETWORK);
    const lengthened = await scheduler.editOccurrence(id, '2026-06-01', { durationSeconds: 5 * HOUR });
    expect(lengthened.ok && lengthened.value.events.map((happened) => happened.kind)).toEqual(['deferred']);
    // 23:30: the show started 3.5 h ago (longer ago than the usual 2 h) and has not been sent (network down).
    time.set(unix('2026-06-01T23:30:00+02:00'));
    recorder.script.push(NETWORK);
    await scheduler.runDue();
    const edited = await scheduler.updateSeries(id, { name: 'late show' });
    expect(edited.ok && edited.value.replanned).toBe(1);
    const tried = recorder.calls.length;
    const due = await scheduler.runDue();
    expect(due.ok && due.value.events.map((happened) => [happened.kind, happened.occurrenceDate])).toEqual([
      ['created', '2026-06-01'],
    ]);
    expect(recorder.calls.slice(tried).map((call) => call.request.endTime)).toEqual([
      unix('2026-06-02T01:00:00+02:00'),
    ]);
  });

  it('an occurrence that the new time puts in the past was never planned: no missed alert, nothing sent for it', async () => {
    const { time, scheduler, recorder } = setup('2026-06-01T12:00:00Z');
    const id = await addSeries(scheduler, { ...berlinShow, daysOfWeek: [1] });
    recorder.script.push(NETWORK);
    await scheduler.runDue(); // Monday 20:00 deferred.
    time.set(unix('2026-06-01T21:00:00+02:00'));
    const edited = await scheduler.updateSeries(id, { startWallTime: '17:00', durationSeconds: HOUR }); // 17:00-18:00: over.
    expect(edited.ok && edited.value.replanned).toBe(1);
    const tried = recorder.calls.length;
    const due = await scheduler.runDue();
    expect(due.ok && [due.value.events, due.value.alerts]).toEqual([[], []]);
    expect(recorder.calls).toHaveLength(tried);
  });

  it('refuses a bad patch or an unknown id, changing nothing; null removes the template; overlaps warn', async () => {
    const { scheduler, plans } = setup('2026-06-01T12:00:00Z');
    const id = await addSeries(scheduler, { ...berlinShow, daysOfWeek: [1], templateId: 5 });
    await addSeries(scheduler, { ...berlinShow, daysOfWeek: [3], name: 'other' });
    const before = structuredClone(plans.current());
    const bad = await scheduler.updateSeries(id, {
      startWallTime: '25:00',
      durationSeconds: 30 * HOUR,
      timeZone: 'Mars/Base',
    });
    expect(!bad.ok && bad.error.problems?.map((problem) => problem.code)).toEqual([
      'Series.WallTimeInvalid',
      'Series.DurationInvalid',
      'Series.UnknownZone',
    ]);
    expect(plans.current()).toEqual(before);
    const missing = await scheduler.updateSeries('nope', { name: 'x' });
    expect(!missing.ok && missing.error.code).toBe('Taper.Schedule.NotFound');

    const edited = await scheduler.updateSeries(id, { templateId: null, name: '  ', daysOfWeek: [1, 3] });
    if (!edited.ok) throw new Error(edited.error.message);
    expect('templateId' in edited.value.series).toBe(false);
    expect(edited.value.series.name).toBe('show');
    expect(edited.value.warnings.map((warning) => warning.code)).toEqual(['Series.Overlap']);
  });
});
