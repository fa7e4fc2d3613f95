// A weekly show as broadcasters plan it: "Mon, Wed, Fri at 20:00 Shanghai time for 2 h". Occurrences are computed
// in the series' own zone with Temporal, so a 20:00 show stays at 20:00 local across DST changes.
import { Temporal } from 'temporal-polyfill';
import type { StreamKey, StreamType } from '../domain.js';
import { MAX_WINDOW_SECONDS, MIN_USEFUL_WINDOW_SECONDS } from '../rules/limits.js';
import { canonicalTimeZone } from '../time/time-zone.js';

/** ISO day of the week: Monday = 1 ... Sunday = 7 (Temporal's dayOfWeek). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A recurring recording schedule, stored in plans.json. */
export interface Series {
  /** Local id, stable. */
  id: string;
  /** What the user calls it, e.g. "Evening news"; defaults to the stream name. */
  name: string;
  /** The stream recorded at every occurrence. */
  stream: StreamKey;
  /** Days on which it happens, ISO numbering (Mon = 1); sorted, no duplicates. */
  daysOfWeek: IsoWeekday[];
  /** Local start time `HH:MM` in `timeZone`. */
  startWallTime: string;
  /** Length of each occurrence in real seconds (a show crossing a DST change still lasts this long); at most 24 h. */
  durationSeconds: number;
  /** IANA zone the wall time and the dates are read in. */
  timeZone: string;
  /** Recording template for every occurrence; undefined: none (HLS). */
  templateId?: number;
  /** 0 normal push, 1 mixed stream. */
  streamType?: StreamType;
  /** First local date `YYYY-MM-DD` an occurrence may fall on; undefined: no limit. */
  startDate?: string;
  /** Last local date `YYYY-MM-DD` an occurrence may fall on; undefined: no end. */
  endDate?: string;
  /** Local dates `YYYY-MM-DD` of occurrences the user cancelled. */
  cancelledDates: string[];
  /** One occurrence moved or lengthened, by its local date `YYYY-MM-DD`; absent in files written before it existed. */
  overrides?: Record<string, OccurrenceOverride>;
}

/** What differs for one occurrence ("this Sunday at 21:30 for 90 min"); an absent field keeps the series' value. */
export interface OccurrenceOverride {
  /** Local start time `HH:MM` in the series' zone on that date. */
  startWallTime?: string;
  /** Length in real seconds, 1 s to 24 h like the series'. */
  durationSeconds?: number;
}

/** How the wall time was placed on a day that a DST change affects. */
export type DstAdjustment =
  /** The wall time does not exist that day (clocks jump over it): the first instant after the jump is used. */
  | 'gap'
  /** The wall time happens twice that day (clocks go back): the earlier instant is used. */
  | 'overlap';

/** One occurrence of a series: the window one chain of tasks must cover. */
export interface Occurrence {
  seriesId: string;
  /** Local date `YYYY-MM-DD` in the series' zone; identifies the occurrence (cancelling uses it). */
  date: string;
  /** Unix seconds. */
  startTime: number;
  /** Unix seconds: startTime + durationSeconds. */
  endTime: number;
  /** Set when a DST change moved or disambiguated the start; null on ordinary days. */
  dst: DstAdjustment | null;
  /** Whether an override (series.overrides) set this occurrence's time or length. */
  changed: boolean;
}

/** A rule a series breaks; the CLI exits 2. */
export interface SeriesProblem {
  /** Stable code, e.g. `Series.WallTimeInvalid`. */
  code: string;
  /** The series field at fault. */
  field: keyof Series;
  /** English explanation. */
  message: string;
}

/** Longest date range one occurrences() call scans: ten years, so a bad argument cannot loop for long. */
const MAX_SCAN_DAYS = 3_660;

const WALL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const DAY_NAMES: Record<string, IsoWeekday> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};

/** Reads `mon,wed,fri`, `daily`, `weekdays`, `weekends` or ISO numbers `1,3,5` into sorted unique days; null when unreadable. */
export function parseDaysOfWeek(text: string): IsoWeekday[] | null {
  const input = text.trim().toLowerCase();
  if (input === 'daily' || input === 'every day') return [1, 2, 3, 4, 5, 6, 7];
  if (input === 'weekdays') return [1, 2, 3, 4, 5];
  if (input === 'weekends') return [6, 7];
  const parts = input.split(/[\s,]+/).filter((part) => part !== '');
  if (parts.length === 0) return null;
  const days = new Set<IsoWeekday>();
  for (const part of parts) {
    const day = /^[1-7]$/.test(part) ? (Number(part) as IsoWeekday) : DAY_NAMES[part];
    if (day === undefined) return null;
    days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

/** Every rule `series` breaks; empty when it may be stored. */
export function validateSeries(series: Series): SeriesProblem[] {
  const problems: SeriesProblem[] = [];
  const add = (code: string, field: keyof Series, message: string) => problems.push({ code, field, message });
  if (
    !Array.isArray(series.daysOfWeek) ||
    series.daysOfWeek.length === 0 ||
    !series.daysOfWeek.every((day) => Number.isInteger(day) && day >= 1 && day <= 7)
  ) {
    add(
      'Series.DaysInvalid',
      'daysOfWeek',
      'Give the days of the week, e.g. mon,wed,fri (or daily, weekdays, weekends).',
    );
  }
  if (typeof series.startWallTime !== 'string' || !WALL_TIME_PATTERN.test(series.startWallTime)) {
    add(
      'Series.WallTimeInvalid',
      'startWallTime',
      `The start time must be a time of day HH:MM (00:00 to 23:59); got "${String(series.startWallTime)}".`,
    );
  }
  if (
    !Number.isSafeInteger(series.durationSeconds) ||
    series.durationSeconds < MIN_USEFUL_WINDOW_SECONDS ||
    series.durationSeconds > MAX_WINDOW_SECONDS
  ) {
    add(
      'Series.DurationInvalid',
      'durationSeconds',
      `Each occurrence must last from ${MIN_USEFUL_WINDOW_SECONDS} s to 24 h.`,
    );
  }
  if (canonicalTimeZone(series.timeZone) === undefined) {
    add(
      'Series.UnknownZone',
      'timeZone',
      `"${String(series.timeZone)}" is not a known IANA time zone, e.g. Asia/Shanghai or Europe/Berlin.`,
    );
  }
  for (const field of ['startDate', 'endDate'] as const) {
    const value = series[field];
    if (value !== undefined && parseDate(value) === null)
      add('Series.DateInvalid', field, `${field} must be a date YYYY-MM-DD; got "${value}".`);
  }
  if (series.startDate !== undefined && series.endDate !== undefined && series.endDate < series.startDate) {
    add('Series.DateRangeEmpty', 'endDate', 'The end date is before the start date: the series would never happen.');
  }
  for (const message of overrideProblems(series.overrides)) add('Series.OverrideInvalid', 'overrides', message);
  return problems;
}

/** Largest number of occurrence overrides a series keeps: bounds plans.json and the IPC payload. */
export const MAX_OVERRIDES = 500;

/** Why `overrides` cannot be stored (the same limits as the series' own time and length); empty when fine. */
function overrideProblems(overrides: Series['overrides']): string[] {
  if (overrides === undefined) return [];
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides))
    return ['overrides must map dates YYYY-MM-DD to a start time and/or a length.'];
  const entries = Object.entries(overrides);
  if (entries.length > MAX_OVERRIDES) return [`A series keeps at most ${MAX_OVERRIDES} changed occurrences.`];
  const problems: string[] = [];
  for (const [date, override] of entries) {
    if (parseDate(date) === null)
      problems.push(`A changed occurrence must be keyed by its date YYYY-MM-DD; got "${date}".`);
    if (typeof override !== 'object' || override === null) {
      problems.push(`The change of ${date} must give a start time and/or a length.`);
      continue;
    }
    if (override.startWallTime === undefined && override.durationSeconds === undefined)
      problems.push(`The change of ${date} changes nothing: give a start time and/or a length.`);
    if (
      override.startWallTime !== undefined &&
      (typeof override.startWallTime !== 'string' || !WALL_TIME_PATTERN.test(override.startWallTime))
    ) {
      problems.push(
        `The start time of ${date} must be a time of day HH:MM (00:00 to 23:59); got "${String(override.startWallTime)}".`,
      );
    }
    if (override.durationSeconds !== undefined && !validDuration(override.durationSeconds))
      problems.push(`The occurrence of ${date} must last from ${MIN_USEFUL_WINDOW_SECONDS} s to 24 h.`);
  }
  return problems;
}

const validDuration = (seconds: number) =>
  Number.isSafeInteger(seconds) && seconds >= MIN_USEFUL_WINDOW_SECONDS && seconds <= MAX_WINDOW_SECONDS;

/**
 * Why `date` is not an occurrence of `series` (wrong day of the week, outside its date range, cancelled, not a
 * date); null when it is one.
 */
export function notAnOccurrence(series: Series, date: string): string | null {
  const day = parseDate(date);
  if (day === null) return `"${date}" is not a date YYYY-MM-DD.`;
  if (!series.daysOfWeek.includes(day.dayOfWeek as IsoWeekday))
    return `${date} is a ${WEEKDAY_NAMES[day.dayOfWeek - 1]}: the series "${series.name}" does not happen on that day.`;
  if (series.startDate !== undefined && date < series.startDate)
    return `${date} is before the series' start date ${series.startDate}.`;
  if (series.endDate !== undefined && date > series.endDate)
    return `${date} is after the series' end date ${series.endDate}.`;
  if (series.cancelledDates.includes(date)) return `The occurrence of ${date} was cancelled.`;
  return null;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The occurrence of `series` on local date `date` (its override honoured), or null when there is none that day. */
export function occurrenceOn(series: Series, date: string): Occurrence | null {
  if (validateSeries(series).length > 0 || notAnOccurrence(series, date) !== null) return null;
  return placeOccurrence(series, canonicalTimeZone(series.timeZone) as string, parseDate(date) as Temporal.PlainDate);
}

/** The window of `series` on `date` (a day it happens), with that date's override if any. */
function placeOccurrence(series: Series, zone: string, date: Temporal.PlainDate): Occurrence {
  const label = date.toString();
  const override = series.overrides?.[label];
  const [hour, minute] = (override?.startWallTime ?? series.startWallTime).split(':').map(Number) as [number, number];
  const { unix, dst } = placeWallTime(date.toPlainDateTime({ hour, minute }), zone);
  return {
    seriesId: series.id,
    date: label,
    startTime: unix,
    endTime: unix + (override?.durationSeconds ?? series.durationSeconds),
    dst,
    changed: override !== undefined,
  };
}

/**
 * The occurrences of `series` whose window overlaps [fromUnix, untilUnix), oldest first, without cancelled dates.
 * The start is the wall time (that date's override's, if any) on each chosen local date in the series' zone; in a DST
 * gap it is the first instant after the jump, in a DST overlap the earlier of the two instants (both flagged in
 * `dst`). The range is capped at ten years. A series that breaks validateSeries has no occurrences.
 */
export function occurrences(series: Series, fromUnix: number, untilUnix: number): Occurrence[] {
  if (validateSeries(series).length > 0 || !(untilUnix > fromUnix)) return [];
  const zone = canonicalTimeZone(series.timeZone) as string;
  const cancelled = new Set(series.cancelledDates);
  const days = new Set<number>(series.daysOfWeek);
  const dateAt = (unix: number) =>
    Temporal.Instant.fromEpochMilliseconds(unix * 1000)
      .toZonedDateTimeISO(zone)
      .toPlainDate();
  // An occurrence that began the day before `from` may still be running at `from` (a lengthened one for longer).
  const longest = Math.max(
    series.durationSeconds,
    ...Object.values(series.overrides ?? {}).map((override) => override.durationSeconds ?? 0),
  );
  let date = dateAt(fromUnix - longest).subtract({ days: 1 });
  const lastDate = dateAt(Math.min(untilUnix, fromUnix + MAX_SCAN_DAYS * 86_400)).add({ days: 1 });
  const found: Occurrence[] = [];
  for (
    let scanned = 0;
    Temporal.PlainDate.compare(date, lastDate) <= 0 && scanned <= MAX_SCAN_DAYS + 3;
    scanned += 1, date = date.add({ days: 1 })
  ) {
    const label = date.toString();
    if (!days.has(date.dayOfWeek) || cancelled.has(label)) continue;
    if (series.startDate !== undefined && label < series.startDate) continue;
    if (series.endDate !== undefined && label > series.endDate) continue;
    const occurrence = placeOccurrence(series, zone, date);
    if (occurrence.endTime > fromUnix && occurrence.startTime < untilUnix) found.push(occurrence);
  }
  return found;
}

/** The instant a wall time stands for in `zone`, choosing as documented on occurrences() when DST interferes. */
function placeWallTime(wall: Temporal.PlainDateTime, zone: string): { unix: number; dst: DstAdjustment | null } {
  const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(zone, { disambiguation: 'later' });
  const seconds = (value: Temporal.ZonedDateTime) => Math.floor(value.epochMilliseconds / 1000);
  if (earlier.epochMilliseconds === later.epochMilliseconds) return { unix: seconds(earlier), dst: null };
  // Both readings show the wall time: the hour is repeated. Recording from the first one never misses the start.
  if (earlier.toPlainDateTime().equals(wall)) return { unix: seconds(earlier), dst: 'overlap' };
  // Neither shows it: clocks jumped over it; the jump itself is the first instant after the missing wall time.
  const jump = earlier.getTimeZoneTransition('next');
  return { unix: seconds(jump ?? later), dst: 'gap' };
}

/** A `YYYY-MM-DD` date that exists, or null. */
export function parseDate(text: string): Temporal.PlainDate | null {
  if (typeof text !== 'string' || !DATE_PATTERN.test(text)) return null;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return null;
  }
}

/** The local date `YYYY-MM-DD` of `unix` in the series' zone (UTC when the zone is unknown). */
export function localDate(unix: number, timeZone: string): string {
  const zone = canonicalTimeZone(timeZone) ?? 'UTC';
  return Temporal.Instant.fromEpochMilliseconds(unix * 1000)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}
