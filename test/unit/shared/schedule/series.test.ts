import { describe, expect, it } from 'vitest';
import {
  localDate,
  notAnOccurrence,
  occurrenceOn,
  occurrences,
  parseDaysOfWeek,
  validateSeries,
  type Series,
} from '../../../../shared/schedule/series.js';

const stream = { domainName: 'push.example.com', appName: 'live', streamName: 'news' };
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function series(overrides: Partial<Series> = {}): Series {
  return {
    id: 's1',
    name: 'News',
    stream,
    daysOfWeek: [7],
    startWallTime: '20:00',
    durationSeconds: 7_200,
    timeZone: 'Europe/Berlin',
    cancelledDates: [],
    ...overrides,
  };
}

describe('occurrences', () => {
  it('keeps a Sunday 20:00 Berlin show at 20:00 local across the March and October DST changes', () => {
    const spring = occurrences(series(), unix('2026-03-21T00:00:00Z'), unix('2026-04-06T00:00:00Z'));
    expect(spring.map((o) => [o.date, o.startTime, o.dst])).toEqual([
      ['2026-03-22', unix('2026-03-22T20:00:00+01:00'), null],
      ['2026-03-29', unix('2026-03-29T20:00:00+02:00'), null], // the day clocks went forward
      ['2026-04-05', unix('2026-04-05T20:00:00+02:00'), null],
    ]);
    const autumn = occurrences(series(), unix('2026-10-24T00:00:00Z'), unix('2026-11-02T00:00:00Z'));
    expect(autumn.map((o) => o.startTime)).toEqual([
      unix('2026-10-25T20:00:00+01:00'),
      unix('2026-11-01T20:00:00+01:00'),
    ]);
    expect(autumn[0]?.endTime).toBe(unix('2026-10-25T22:00:00+01:00'));
  });

  it('moves a start inside the spring gap to the first instant after the jump, flagged', () => {
    const [gap] = occurrences(
      series({ startWallTime: '02:30' }),
      unix('2026-03-28T12:00:00Z'),
      unix('2026-03-30T00:00:00Z'),
    );
    expect(gap).toMatchObject({ date: '2026-03-29', startTime: unix('2026-03-29T03:00:00+02:00'), dst: 'gap' });
  });

  it('takes the earlier instant of a repeated autumn wall time, flagged', () => {
    const [overlap] = occurrences(
      series({ startWallTime: '02:30' }),
      unix('2026-10-24T12:00:00Z'),
      unix('2026-10-26T00:00:00Z'),
    );
    expect(overlap).toMatchObject({ date: '2026-10-25', startTime: unix('2026-10-25T02:30:00+02:00'), dst: 'overlap' });
  });

  it('honours days of week, cancelled dates and the date range, in the series zone', () => {
    const weekly = series({
      daysOfWeek: [1, 3, 5],
      timeZone: 'Asia/Shanghai',
      startDate: '2026-06-03',
      endDate: '2026-06-12',
      cancelledDates: ['2026-06-10'],
    });
    const found = occurrences(weekly, unix('2026-06-01T00:00:00Z'), unix('2026-06-30T00:00:00Z'));
    expect(found.map((o) => o.date)).toEqual(['2026-06-03', '2026-06-05', '2026-06-08', '2026-06-12']);
    expect(found[0]?.startTime).toBe(unix('2026-06-03T20:00:00+08:00'));
  });

  it('includes an occurrence still running at `from`, across midnight', () => {
    const late = series({ daysOfWeek: [1, 2, 3, 4, 5, 6, 7], startWallTime: '23:00', timeZone: 'UTC' });
    const found = occurrences(late, unix('2026-06-02T00:30:00Z'), unix('2026-06-02T01:00:00Z'));
    expect(found.map((o) => o.date)).toEqual(['2026-06-01']);
    expect(found[0]?.endTime).toBe(unix('2026-06-02T01:00:00Z'));
  });

  it('has no occurrences for an invalid series', () => {
    expect(occurrences(series({ timeZone: 'Mars/Olympus' }), 0, 2_000_000_000)).toEqual([]);
  });
});

describe('validateSeries and parseDaysOfWeek', () => {
  it('reports each broken rule on its field', () => {
    const problems = validateSeries(
      series({
        daysOfWeek: [],
        startWallTime: '24:00',
        durationSeconds: 25 * 3_600,
        timeZone: 'Nowhere',
        endDate: '2026-02-30',
      }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'daysOfWeek',
      'durationSeconds',
      'endDate',
      'startWallTime',
      'timeZone',
    ]);
    expect(validateSeries(series())).toEqual([]);
  });

  it('reads day lists the way people write them', () => {
    expect(parseDaysOfWeek('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseDaysOfWeek('Fri, Mon')).toEqual([1, 5]);
    expect(parseDaysOfWeek('weekdays')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDaysOfWeek('7,1')).toEqual([1, 7]);
    expect(parseDaysOfWeek('funday')).toBeNull();
    expect(parseDaysOfWeek('')).toBeNull();
  });

  it('gives the local date in the zone', () => {
    expect(localDate(unix('2026-06-01T20:00:00Z'), 'Asia/Shanghai')).toBe('2026-06-02');
  });
});

describe('one occurrence changed (overrides)', () => {
  it('moves and lengthens only that date; an override on the spring DST day lands after the jump, flagged', () => {
    const show = series({
      overrides: {
        '2026-03-29': { startWallTime: '02:30', durationSeconds: 5_400 },
        '2026-04-05': { startWallTime: '21:30' },
      },
    });
    const found = occurrences(show, unix('2026-03-21T00:00:00Z'), unix('2026-04-13T00:00:00Z'));
    expect(found.map((o) => [o.date, o.startTime, o.endTime, o.dst, o.changed])).toEqual([
      ['2026-03-22', unix('2026-03-22T20:00:00+01:00'), unix('2026-03-22T22:00:00+01:00'), null, false],
      // 02:30 does not exist that night: the first instant after the jump, for the override's 90 min.
      ['2026-03-29', unix('2026-03-29T03:00:00+02:00'), unix('2026-03-29T04:30:00+02:00'), 'gap', true],
      ['2026-04-05', unix('2026-04-05T21:30:00+02:00'), unix('2026-04-05T23:30:00+02:00'), null, true],
      ['2026-04-12', unix('2026-04-12T20:00:00+02:00'), unix('2026-04-12T22:00:00+02:00'), null, false],
    ]);
    expect(occurrenceOn(show, '2026-04-05')).toEqual(found[2]);
  });

  it('finds a lengthened occurrence still running long after the usual length', () => {
    const show = series({
      durationSeconds: 3_600,
      overrides: { '2026-06-07': { startWallTime: '23:00', durationSeconds: 86_400 } },
    });
    const found = occurrences(show, unix('2026-06-08T20:00:00+02:00'), unix('2026-06-08T21:00:00+02:00'));
    expect(found.map((o) => [o.date, o.endTime])).toEqual([['2026-06-07', unix('2026-06-08T23:00:00+02:00')]]);
  });

  it('plans files written before overrides existed still load: no overrides is valid and changes nothing', () => {
    const old = series();
    expect('overrides' in old).toBe(false);
    expect(validateSeries(old)).toEqual([]);
    expect(occurrenceOn(old, '2026-06-07')).toMatchObject({
      startTime: unix('2026-06-07T20:00:00+02:00'),
      changed: false,
    });
  });

  it('validates overrides with the series limits: HH:MM, 10 s to 24 h, dates as keys', () => {
    const problems = (overrides: Series['overrides']) =>
      validateSeries(series({ overrides })).map((p) => [p.code, p.field]);
    expect(problems({ '2026-06-07': { startWallTime: '21:30', durationSeconds: 10 } })).toEqual([]);
    expect(problems({ '2026-06-07': { durationSeconds: 86_400 } })).toEqual([]);
    expect(problems({ '2026-06-07': { startWallTime: '24:00' } })).toEqual([['Series.OverrideInvalid', 'overrides']]);
    expect(problems({ '2026-06-07': { durationSeconds: 86_401 } })).toEqual([['Series.OverrideInvalid', 'overrides']]);
    expect(problems({ '2026-06-07': { durationSeconds: 9 } })).toEqual([['Series.OverrideInvalid', 'overrides']]);
    expect(problems({ '2026-02-30': { startWallTime: '21:30' } })).toEqual([['Series.OverrideInvalid', 'overrides']]);
    expect(problems({ '2026-06-07': {} })).toEqual([['Series.OverrideInvalid', 'overrides']]);
  });

  it('says why a date is not an occurrence', () => {
    const show = series({ startDate: '2026-06-01', endDate: '2026-06-30', cancelledDates: ['2026-06-14'] });
    expect(notAnOccurrence(show, '2026-06-07')).toBeNull();
    expect(notAnOccurrence(show, '2026-06-08')).toContain('Monday');
    expect(notAnOccurrence(show, '2026-05-31')).toContain('before');
    expect(notAnOccurrence(show, '2026-07-05')).toContain('after');
    expect(notAnOccurrence(show, '2026-06-14')).toContain('cancelled');
    expect(notAnOccurrence(show, '2026-6-7')).toContain('not a date');
    expect(occurrenceOn(show, '2026-06-08')).toBeNull();
  });
});
