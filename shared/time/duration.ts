// Durations as a broadcaster types them: `90m`, `2h`, `1h30m`, `45s`, `1d`.

/** The result of parseDuration: whole seconds, or why the text is not a duration (same style as TimeParse). */
export type DurationParse =
  | {
      ok: true;
      /** The duration in whole seconds, > 0. */
      seconds: number;
    }
  | {
      ok: false;
      /** Always `Duration.Invalid`. */
      code: typeof DURATION_INVALID;
      /** English explanation with examples of what works. */
      message: string;
    };

/** The code of a duration that cannot be read. */
export const DURATION_INVALID = 'Duration.Invalid';

const DAY = 86_400;
const HOUR = 3_600;
const MINUTE = 60;

// Units in falling order, each at most once: `1h30m` yes, `30m1h` and `1h1h` no. Spaces between parts are allowed.
const DURATION_PATTERN = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?$/i;

/** Parses a duration into whole seconds (> 0). Errors are values, never throws. */
export function parseDuration(text: string): DurationParse {
  const input = typeof text === 'string' ? text.trim() : '';
  const match = DURATION_PATTERN.exec(input);
  if (input === '' || match === null) {
    const hint = /^\d+$/.test(input) ? ' Add a unit: a bare number is ambiguous.' : '';
    return invalid(`"${clip(input)}" is not a duration; use e.g. 90m, 2h, 1h30m, 45s or 1d.${hint}`);
  }
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const total = (days ?? 0) * DAY + (hours ?? 0) * HOUR + (minutes ?? 0) * MINUTE + (seconds ?? 0);
  if (!Number.isSafeInteger(total)) return invalid(`"${clip(input)}" is too long a duration.`);
  if (total === 0) return invalid('A duration must be longer than 0 s.');
  return { ok: true, seconds: total };
}

function invalid(message: string): DurationParse {
  return { ok: false, code: DURATION_INVALID, message };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * A length for people, rounded to the minute past one: `1 h 58 min`, `12 min`, `40 s`. The units read the same in
 * English and Chinese. (Messages that must be exact to the second spell their spans themselves.)
 */
export function roundedDurationText(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60
    ? `${minutes} min`
    : `${Math.floor(minutes / 60)} h${minutes % 60 === 0 ? '' : ` ${minutes % 60} min`}`;
}

/** `2018-12-29T19:00:00Z`: Unix seconds in the UTC ISO form the VOD and Live APIs take (and `taper files` prints). */
export const isoSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
