// Times as a user types them, into Unix seconds. A wall time that a DST change skips or repeats is reported,
// never silently shifted: recording the wrong hour of a show is worse than asking.
import { Temporal } from 'temporal-polyfill';
import { parseDuration } from './duration.js';
import { canonicalTimeZone } from './time-zone.js';

/** The result of parseUserTime: Unix seconds, or why the text is not a usable time. */
export type TimeParse =
  | {
      ok: true;
      /** The instant, Unix seconds (fractions of a second dropped). */
      unix: number;
      /** Something the user should know about how the text was read (e.g. "that time today has passed"). */
      note?: string;
    }
  | {
      ok: false;
      /** Time.Invalid: unreadable; Time.DstGap / Time.DstAmbiguous: a wall time skipped / repeated by DST; Time.UnknownZone. */
      code: TimeParseErrorCode;
      /** English explanation with the formats or the choices. */
      message: string;
      /** Unix seconds the user may have meant: both readings of a repeated wall time, the end of a skipped one. */
      candidates?: number[];
    };

export type TimeParseErrorCode = 'Time.Invalid' | 'Time.DstGap' | 'Time.DstAmbiguous' | 'Time.UnknownZone';

/** What a time is read against. */
export interface TimeParseOptions {
  /** The current time, Unix seconds (for `now`, `+90m` and `20:00` = today). */
  nowSeconds: number;
  /** IANA zone for wall times without an offset, e.g. `Asia/Shanghai`. */
  timeZone: string;
}

const FORMATS = 'use e.g. 2026-11-25T20:00:00+08:00, 2026-11-25 20:00, 20:00, +90m, -2h, now or Unix seconds';

const UNIX_PATTERN = /^\d{9,11}$/;
// `+90m` from now; `-2h` before now (searches of past tasks: `taper tasks --from=-2d`).
const RELATIVE_PATTERN = /^([+-])\s*(.+)$/;
// Date and time with an offset or Z, optionally a bracketed zone after it.
const WITH_OFFSET_PATTERN =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)(\[[^\]]+\])?$/i;
const WALL_DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2})?)$/i;
const WALL_TIME_PATTERN = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads `text` as one of: `now`; `+90m` / `+2h` / `+1h30m` (from now), `-2h` (before now); Unix seconds (9–11 digits); ISO 8601
 * with an offset or `Z`; a wall time without offset in `options.timeZone` (`2026-11-25T20:00`,
 * `2026-11-25 20:00`); or a time of day `20:00`, which means TODAY in that zone even when it has passed
 * (the result then carries a note, and the validator reports the end as past): rolling over to tomorrow
 * silently could schedule a recording a day late.
 */
export function parseUserTime(text: string, options: TimeParseOptions): TimeParse {
  const input = typeof text === 'string' ? text.trim() : '';
  if (input === '') return invalid('No time given; ' + FORMATS + '.');
  if (/^now$/i.test(input)) return { ok: true, unix: options.nowSeconds };

  const relative = RELATIVE_PATTERN.exec(input);
  if (relative) {
    const duration = parseDuration(relative[2] ?? '');
    if (!duration.ok) return invalid(`"${clip(input)}" is not a time relative to now: ${duration.message}`);
    const sign = relative[1] === '-' ? -1 : 1;
    return { ok: true, unix: options.nowSeconds + sign * duration.seconds };
  }

  if (UNIX_PATTERN.test(input)) return { ok: true, unix: Number(input) };

  if (WITH_OFFSET_PATTERN.test(input)) return parseWithOffset(input);

  const wallDateTime = WALL_DATE_TIME_PATTERN.exec(input);
  if (wallDateTime) {
    const zone = canonicalTimeZone(options.timeZone);
    if (zone === undefined) return unknownZone(options.timeZone);
    let wall: Temporal.PlainDateTime;
    try {
      wall = Temporal.PlainDateTime.from(`${wallDateTime[1]}T${wallDateTime[2]}`);
    } catch {
      return invalid(`"${clip(input)}" is not a valid date and time; ${FORMATS}.`);
    }
    return resolveWallTime(wall, zone);
  }

  const wallTime = WALL_TIME_PATTERN.exec(input);
  if (wallTime) {
    const zone = canonicalTimeZone(options.timeZone);
    if (zone === undefined) return unknownZone(options.timeZone);
    const [hour, minute, second] = [wallTime[1], wallTime[2], wallTime[3]].map((part) => Number(part ?? 0));
    if (hour === undefined || minute === undefined || second === undefined || hour > 23 || minute > 59 || second > 59) {
      return invalid(`"${clip(input)}" is not a time of day (00:00 to 23:59).`);
    }
    const today = Temporal.Instant.fromEpochMilliseconds(options.nowSeconds * 1000)
      .toZonedDateTimeISO(zone)
      .toPlainDate();
    const wall = today.toPlainDateTime({ hour, minute, second });
    const resolved = resolveWallTime(wall, zone);
    if (resolved.ok && resolved.unix <= options.nowSeconds) {
      return { ...resolved, note: `${input} today (${today.toString()}, ${zone}) has already passed.` };
    }
    return resolved;
  }

  return invalid(`"${clip(input)}" is not a time Taper can read; ${FORMATS}.`);
}

function parseWithOffset(input: string): TimeParse {
  try {
    // A bracketed zone must agree with the offset ('reject'), otherwise the text contradicts itself.
    const instant = input.includes('[')
      ? Temporal.ZonedDateTime.from(input, { offset: 'reject', disambiguation: 'reject' }).toInstant()
      : Temporal.Instant.from(input);
    return { ok: true, unix: Math.floor(instant.epochMilliseconds / 1000) };
  } catch {
    return invalid(`"${clip(input)}" is not a valid date and time with offset; ${FORMATS}.`);
  }
}

/** One instant for a wall time in a zone, or the DST problem with the instants it could mean. */
function resolveWallTime(wall: Temporal.PlainDateTime, zone: string): TimeParse {
  const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(zone, { disambiguation: 'later' });
  if (earlier.epochMilliseconds === later.epochMilliseconds) {
    return { ok: true, unix: Math.floor(earlier.epochMilliseconds / 1000) };
  }
  const shown = `${wall.toPlainDate().toString()} ${wall.toPlainTime().toString({ smallestUnit: 'minute' })}`;
  if (earlier.toPlainDateTime().equals(wall)) {
    // Both readings keep the wall time: clocks went back and this hour happens twice.
    const first = Math.floor(earlier.epochMilliseconds / 1000);
    const second = Math.floor(later.epochMilliseconds / 1000);
    return {
      ok: false,
      code: 'Time.DstAmbiguous',
      message: `${shown} happens twice in ${zone} (clocks go back): first at UTC${earlier.offset}, again at UTC${later.offset}. Add the offset, e.g. ${wall.toString({ smallestUnit: 'minute' })}${earlier.offset}.`,
      candidates: [first, second],
    };
  }
  // Neither reading keeps the wall time: clocks jumped forward over it.
  const transition = earlier.getTimeZoneTransition('next');
  const gapSeconds = Math.round((later.epochMilliseconds - earlier.epochMilliseconds) / 1000);
  const after = transition ?? later;
  // The wall clock reads `before` just ahead of the jump: the skipped hour starts there.
  const before = after.toPlainDateTime().subtract({ seconds: gapSeconds });
  return {
    ok: false,
    code: 'Time.DstGap',
    message: `${shown} does not exist in ${zone}: clocks jump from ${before.toPlainTime().toString({ smallestUnit: 'minute' })} to ${after.toPlainTime().toString({ smallestUnit: 'minute' })} that day. Choose a time outside the gap.`,
    candidates: [Math.floor(after.epochMilliseconds / 1000)],
  };
}

function invalid(message: string): TimeParse {
  return { ok: false, code: 'Time.Invalid', message };
}

function unknownZone(zone: string): TimeParse {
  return {
    ok: false,
    code: 'Time.UnknownZone',
    message: `"${clip(String(zone))}" is not a known IANA time zone, e.g. Asia/Shanghai or Europe/Berlin.`,
  };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
