import { describe, expect, it } from 'vitest';
import { occurrenceRecording } from '../../../../shared/schedule/planned-recordings.js';
import type { PlansDocument, StoredSeries } from '../../../../shared/schedule/plans.js';
import {
  applySeriesUpdate,
  cancelDate,
  patchedSeries,
  removeSeriesFrom,
  seriesToAdd,
  storedSeries,
} from '../../../../shared/schedule/series-changes.js';
import { occurrenceOn } from '../../../../shared/schedule/series.js';
import { HOUR, entry, plansWith, stream, sundays, sundayShow, unix } from '../../support/plan-fixtures.js';

const tuesday = unix('2026-06-02T12:00:00Z');
const input = {
  stream,
  daysOfWeek: sundays,
  startWallTime: '20:00',
  durationSeconds: 2 * HOUR,
  timeZone: 'Europe/Berlin',
};

/** The document with the occurrence of `date` planned. */
function planned(document: PlansDocument, series: StoredSeries, date: string) {
  const recording = occurrenceRecording(series, occurrenceOn(series, date)!, 0);
  document.recordings.push(recording);
  return recording;
}

describe('adding a series', () => {
  it('trims the names, names it after the stream by default, and starts with no cancelled dates', () => {
    const added = seriesToAdd({ ...input, stream: { ...stream, streamName: ' show ' }, name: '  ' }, 'id1', tuesday);
    expect(added.ok && added.value).toMatchObject({ id: 'id1', name: 'show', stream, cancelledDates: [] });
  });

  it('refuses with the stream problems and the series problems together', () => {
    const refused = seriesToAdd({ ...input, stream: { ...stream, streamName: '' }, daysOfWeek: [] }, 'id1', tuesday);
    expect(!refused.ok && refused.error.problems?.map((problem) => problem.field)).toEqual([
      'streamName',
      'daysOfWeek',
    ]);
  });

  it('covers from an occurrence already running, so the rest of it is recorded', () => {
    const added = seriesToAdd(input, 'id1', tuesday);
    if (!added.ok) throw new Error(added.error.message);
    expect(storedSeries(added.value, { profile: 'prod', region: null }, tuesday)).toMatchObject({
      coveredUntil: tuesday - 2 * HOUR + 1,
      profile: 'prod',
      region: null,
      createdAt: tuesday,
    });
  });
});

describe('changing a series', () => {
  it('applies the fields given, clears the template with null and names it after the stream when emptied', () => {
    const current = sundayShow({ templateId: 4, name: 'Evening' });
    const next = patchedSeries(current, { startWallTime: '21:00', templateId: null, name: ' ' }, tuesday);
    expect(next.ok && next.value).toMatchObject({ startWallTime: '21:00', name: 'show', durationSeconds: 2 * HOUR });
    expect(next.ok && 'templateId' in next.value).toBe(false);
    const refused = patchedSeries(current, { startWallTime: '25:00', templateId: -2 }, tuesday);
    expect(!refused.ok && refused.error.problems?.map((problem) => problem.field)).toEqual([
      'templateId',
      'startWallTime',
    ]);
  });

  it('re-plans occurrences not sent, keeps those sent (by the plans or the history) and counts them', () => {
    const current = sundayShow({ coveredUntil: unix('2026-06-20T00:00:00Z') });
    const document = plansWith([current]);
    const unsent = planned(document, current, '2026-06-14');
    const created = planned(document, current, '2026-06-07');
    Object.assign(created.links[0]!, { status: 'created', taskId: 'task-7' });
    // Sent, but the plans were not saved before a crash: only the history knows.
    const crashed = planned(document, current, '2026-06-21');
    const next = { ...current, startWallTime: '21:00' };
    const { replanned, kept, warnings } = applySeriesUpdate(
      document,
      current,
      next,
      [entry('h21', crashed.links[0]!)],
      tuesday,
    );
    expect(replanned).toBe(1);
    expect(kept.map((occurrence) => [occurrence.date, occurrence.taskIds, occurrence.status])).toEqual([
      ['2026-06-07', ['task-7'], 'created'],
      ['2026-06-21', ['task-h21'], 'created'],
    ]);
    expect(warnings).toEqual([]);
    expect(document.recordings.map((recording) => recording.recordingId)).not.toContain(unsent.recordingId);
    expect(document.series).toEqual([next]);
    expect(next.coveredUntil).toBe(tuesday + 1);
  });
});

describe('removing a series and cancelling a date', () => {
  it('drops planned links and keeps recordings whose tasks exist, their planned links cancelled', () => {
    const series = sundayShow();
    const document = plansWith([series]);
    planned(document, series, '2026-06-14');
    const running = planned(document, series, '2026-06-07');
    Object.assign(running.links[0]!, { status: 'created', taskId: 'task-7' });
    expect(removeSeriesFrom(document, 's1')).toEqual({
      ok: true,
      value: { series, cancelledLinks: 1, keptTaskIds: ['task-7'] },
    });
    expect([document.series, document.recordings.map((recording) => recording.recordingId)]).toEqual([
      [],
      ['s1@2026-06-07'],
    ]);
    expect(removeSeriesFrom(document, 's1').ok).toBe(false);
  });

  it('cancels a date once, keeping the list sorted', () => {
    const document = plansWith([sundayShow({ cancelledDates: ['2026-06-21'] })]);
    cancelDate(document, 's1', '2026-06-07');
    cancelDate(document, 's1', '2026-06-07');
    expect(document.series[0]?.cancelledDates).toEqual(['2026-06-07', '2026-06-21']);
    expect(cancelDate(document, 'nope', '2026-06-07')).toEqual({
      ok: false,
      error: { code: 'Taper.Schedule.NotFound', message: 'No series with id nope.' },
    });
  });
});
