// seriesOccurrences: what the Shows view lists for a series, from the schedule and the plans.
import { describe, expect, it } from 'vitest';
import type { PlannedRecording } from '../../../../shared/schedule/plans.js';
import type { Series } from '../../../../shared/schedule/series.js';
import { seriesOccurrences } from '../../../../shared/schedule/series-overview.js';

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const HOUR = 3_600;
const series: Series = {
  id: 's1',
  name: 'news',
  stream: { domainName: 'push.example.com', appName: 'live', streamName: 'news' },
  daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
  startWallTime: '20:00',
  durationSeconds: 2 * HOUR,
  timeZone: 'Europe/Berlin',
  cancelledDates: ['2026-03-27'],
};

function recording(
  date: string,
  start: number,
  status: PlannedRecording['links'][number]['status'],
  taskId: string | null = null,
): PlannedRecording {
  return {
    recordingId: `s1@${date}`,
    stream: series.stream,
    startTime: start,
    endTime: start + 2 * HOUR,
    templateId: null,
    streamType: 0,
    extension: null,
    profile: null,
    region: null,
    seriesId: 's1',
    occurrenceDate: date,
    createdAt: 0,
    links: [
      {
        recordingId: `s1@${date}`,
        index: 0,
        startTime: start,
        endTime: start + 2 * HOUR,
        status,
        taskId,
        historyId: null,
        error: status === 'missed' ? { code: 'Taper.Schedule.Missed', message: 'Missed' } : null,
        updatedAt: 0,
      },
    ],
  };
}

describe('seriesOccurrences', () => {
  it('lists a recent missed one, created ones with TaskIds, planned ones later, DST-placed, without cancelled dates', () => {
    const now = unix('2026-03-26T12:00:00Z');
    const plans = [
      recording('2026-03-25', unix('2026-03-25T20:00:00+01:00'), 'missed'),
      recording('2026-03-26', unix('2026-03-26T20:00:00+01:00'), 'created', 'T-26'),
      recording('2026-03-27', unix('2026-03-27T20:00:00+01:00'), 'created', 'T-27'), // Cancelled date: its task was deleted.
      // Created under an earlier schedule (21:00): shown as it is, flagged.
      recording('2026-03-28', unix('2026-03-28T21:00:00+01:00'), 'created', 'T-28'),
      recording('2026-03-29', unix('2026-03-29T20:00:00+02:00'), 'planned'),
    ];
    const listed = seriesOccurrences(series, plans, now, { limit: 6 });
    expect(listed.map((item) => [item.date, item.state, item.taskIds, item.earlierSchedule])).toEqual([
      ['2026-03-25', 'missed', [], false],
      ['2026-03-26', 'created', ['T-26'], false],
      ['2026-03-28', 'created', ['T-28'], true],
      ['2026-03-29', 'planned', [], false],
      ['2026-03-30', 'planned', [], false],
      ['2026-03-31', 'planned', [], false],
    ]);
    expect(listed[0]?.error?.code).toBe('Taper.Schedule.Missed');
    expect(listed.at(-1)?.startTime).toBe(unix('2026-03-31T20:00:00+02:00'));
  });

  it('drops finished occurrences and old alerts; flags a DST gap', () => {
    const gapSeries: Series = { ...series, startWallTime: '02:30', cancelledDates: [] };
    const now = unix('2026-03-28T12:00:00Z');
    const old = recording('2026-03-25', unix('2026-03-25T02:30:00+01:00'), 'missed');
    const listed = seriesOccurrences(
      gapSeries,
      [old, recording('2026-03-28', unix('2026-03-28T02:30:00+01:00'), 'created', 'T')],
      now,
      { limit: 2 },
    );
    expect(listed.map((item) => [item.date, item.dst])).toEqual([
      ['2026-03-29', 'gap'],
      ['2026-03-30', null],
    ]);
    expect(listed[0]?.startTime).toBe(unix('2026-03-29T03:00:00+02:00'));
  });
});
