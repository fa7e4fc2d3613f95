// Unix seconds for people: the local date and time with the zone's abbreviation (where it has a real one)
// and its UTC offset, so "20:00 EST (UTC-05:00)" cannot be misread across zones.
import { Temporal } from 'temporal-polyfill';
import type { Language } from '../errors/catalog.js';
import { canonicalTimeZone, recallCanonicalZones } from './time-zone.js';

/**
 * Formats `unix` (seconds) in `timeZone` as `2026-11-25 20:00:00 UTC+08:00` or `2026-11-25 07:00:00 EST (UTC-05:00)`.
 * The abbreviation comes from Intl in `language` and is shown only when it is a name, not a `GMT+8` restatement.
 * An unknown zone formats in UTC rather than failing (a display must always show something).
 */
export function formatUnix(unix: number, timeZone: string, language: Language = 'en'): string {
  if (!Number.isFinite(unix)) return String(unix);
  const zone = canonicalTimeZone(timeZone) ?? 'UTC';
  const epochMilliseconds = Math.floor(unix) * 1000;
  // Offset-only zones (UTC on a server, `+08:00`) are plain arithmetic on their one offset. Named zones need Intl for
  // the offset and the abbreviation, asked once per zone and day (see zoneAt); the wall time is then arithmetic too.
  // Years before 1000, which Intl writes without their era, keep the polyfill.
  if (epochMilliseconds < YEAR_1000) {
    const abbreviation = OFFSET_ONLY_ZONE.test(zone) ? undefined : zoneAbbreviation(epochMilliseconds, zone, language);
    return withZone(polyfillStamp(epochMilliseconds, zone), abbreviation);
  }
  if (OFFSET_ONLY_ZONE.test(zone))
    return withZone(fixedOffsetStamp(epochMilliseconds, fixedOffsetSeconds(zone)), undefined);
  const { offsetSeconds, abbreviation } = zoneAt(epochMilliseconds, zone, language);
  return withZone(fixedOffsetStamp(epochMilliseconds, offsetSeconds), abbreviation);
}

const YEAR_1000 = Date.UTC(1000, 0, 1);

function withZone(local: LocalStamp, abbreviation: string | undefined): string {
  return abbreviation === undefined
    ? `${local.stamp} UTC${local.offset}`
    : `${local.stamp} ${abbreviation} (UTC${local.offset})`;
}

interface LocalStamp {
  /** `2026-11-25 20:00:00` */
  stamp: string;
  /** `+08:00` (seconds where the zone's offset had them, e.g. local mean time) */
  offset: string;
}

/** Seconds east of UTC of a zone whose offset never changes (`UTC`, `Etc/GMT+5`, `+05:30`), read once per zone. */
const fixedOffsets = new Map<string, number>();

function fixedOffsetSeconds(zone: string): number {
  let offset = fixedOffsets.get(zone);
  if (offset === undefined) {
    // `±HH:MM` / `±HHMM` / `±HH` say their offset; the UTC names have none. Read here rather than through the
    // polyfill, whose first use costs a fresh process ~25 ms of Intl locale data.
    const written = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    offset =
      written === null
        ? 0
        : (written[1] === '-' ? -1 : 1) * (Number(written[2]) * 3600 + Number(written[3] ?? '0') * 60);
    fixedOffsets.set(zone, offset);
  }
  return offset;
}

function fixedOffsetStamp(epochMilliseconds: number, offsetSeconds: number): LocalStamp {
  // The wall clock is UTC shifted by the offset. Its date is written once per day and the time of day is arithmetic:
  // a 300-row history formats 600 stamps, and a Date with six getters and padStarts each was a tenth of its run.
  const wallSeconds = Math.floor(epochMilliseconds / 1000) + offsetSeconds;
  const day = Math.floor(wallSeconds / 86_400);
  const inDay = wallSeconds - day * 86_400;
  const hours = Math.floor(inDay / 3600);
  const minutes = Math.floor(inDay / 60) % 60;
  return {
    stamp: `${wallDate(day)} ${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[inDay % 60]}`,
    offset: offsetText(offsetSeconds),
  };
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));

/** `2026-11-25` for days since the epoch; bounded like the zone days, a history spans a few hundred. */
const wallDates = new Map<number, string>();

function wallDate(day: number): string {
  let text = wallDates.get(day);
  if (text === undefined) {
    const date = new Date(day * 86_400_000);
    text = `${String(date.getUTCFullYear()).padStart(4, '0')}-${TWO_DIGITS[date.getUTCMonth() + 1]}-${TWO_DIGITS[date.getUTCDate()]}`;
    if (wallDates.size < 4096) wallDates.set(day, text);
  }
  return text;
}

function polyfillStamp(epochMilliseconds: number, zone: string): LocalStamp {
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMilliseconds).toZonedDateTimeISO(zone);
  return {
    stamp: `${zoned.toPlainDate().toString()} ${zoned.toPlainTime().toString({ smallestUnit: 'second' })}`,
    offset: zoned.offset,
  };
}

/**
 * One formatter per language and zone: building an Intl.DateTimeFormat costs far more than using one, and a history
 * list formats hundreds of times in the same zone. Latin digits and the Gregorian calendar whatever the language, so
 * the fields read the same in every locale; the abbreviation comes in the language.
 */
const stampFormats = new Map<string, Intl.DateTimeFormat>();

function stampFormat(zone: string, language: Language): Intl.DateTimeFormat {
  const key = `${language} ${zone}`;
  let format = stampFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(`${language}-u-nu-latn-ca-gregory`, {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    stampFormats.set(key, format);
  }
  return format;
}

/** A named zone's offset and abbreviation at one instant. */
interface ZoneState {
  offsetSeconds: number;
  abbreviation: string | undefined;
}

function zoneAtExactly(epochMilliseconds: number, zone: string, language: Language): ZoneState {
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of stampFormat(zone, language).formatToParts(epochMilliseconds)) part[type] = value;
  const [year, month, day, hour, minute, second] = [
    part.year,
    part.month,
    part.day,
    part.hour,
    part.minute,
    part.second,
  ].map(Number) as [number, number, number, number, number, number];
  // The offset is exactly how far the local wall clock stands from UTC at this instant (to the second: local mean
  // time had seconds). Date.UTC maps years 0–99 to 1900s, which the YEAR_1000 guard keeps out.
  return {
    offsetSeconds: Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - epochMilliseconds) / 1000),
    abbreviation: abbreviationOf(part.timeZoneName),
  };
}

const DAY_MS = 86_400_000;
/**
 * Where a day's first and last second agree, the whole UTC day has their offset and abbreviation: between 1900 and
 * 2100 no zone changes its offset twice within 7 days (measured over every zone ICU knows; the closest pair is
 * America/Boa_Vista's, 167 h apart in 2000), so a change inside such a day would need two. Outside those years, and on
 * days with a change, each instant is asked on its own. So 20,000 history rows cost a few hundred Intl calls, not
 * 40,000 (each ~6 µs plus its garbage).
 */
const CACHED_FROM = Date.UTC(1900, 0, 1);
const CACHED_UNTIL = Date.UTC(2100, 0, 1);
/** Per language and zone: UTC day number → its state, or null for a day with a change. Bounded per zone. */
const zoneDays = new Map<string, Map<number, ZoneState | null>>();
const MAX_DAYS_PER_ZONE = 20_000;

function zoneAt(epochMilliseconds: number, zone: string, language: Language): ZoneState {
  if (epochMilliseconds < CACHED_FROM || epochMilliseconds >= CACHED_UNTIL)
    return zoneAtExactly(epochMilliseconds, zone, language);
  const key = `${language} ${zone}`;
  let days = zoneDays.get(key);
  if (days === undefined) zoneDays.set(key, (days = new Map()));
  const dayNumber = Math.floor(epochMilliseconds / DAY_MS);
  let state = days.get(dayNumber);
  if (state === undefined) {
    const first = zoneAtExactly(dayNumber * DAY_MS, zone, language);
    const last = zoneAtExactly((dayNumber + 1) * DAY_MS - 1000, zone, language);
    state = first.offsetSeconds === last.offsetSeconds && first.abbreviation === last.abbreviation ? first : null;
    if (days.size >= MAX_DAYS_PER_ZONE) days.clear();
    days.set(dayNumber, state);
    // A day with a change is never kept (rememberedZoneDays), so it gives the cache file nothing new to write.
    if (state !== null) learnedZoneDays = true;
  }
  return state ?? zoneAtExactly(epochMilliseconds, zone, language);
}

/**
 * The days zoneAt has learned, for a cache kept between processes: a CLI run's first Intl.DateTimeFormat costs
 * ~25 ms of locale data, more than formatting a 300-row history, and the days a history spans are mostly the ones
 * the last run learned. Keyed by `language zone`; each day is `[day number, offset seconds, abbreviation or null]`.
 * Days with a change are not kept (each of their instants is asked on its own). The caller keys the cache by
 * ICU's version and tz data, which are what the answers depend on.
 */
export type ZoneDays = Record<string, [day: number, offsetSeconds: number, abbreviation: string | null][]>;

/** Whether zoneAt learned a day since the last `recallZoneDays` (or since the process started). */
let learnedZoneDays = false;

export function zoneDaysLearned(): boolean {
  return learnedZoneDays;
}

export function rememberedZoneDays(): ZoneDays {
  const record: ZoneDays = {};
  for (const [key, days] of zoneDays) {
    const kept: ZoneDays[string] = [];
    for (const [day, state] of days)
      if (state !== null) kept.push([day, state.offsetSeconds, state.abbreviation ?? null]);
    if (kept.length > 0) record[key] = kept;
  }
  return record;
}

/** Loads days from a cache file's content; anything malformed is skipped, never trusted to display a time. */
export function recallZoneDays(record: unknown): void {
  if (typeof record !== 'object' || record === null) return;
  const zonesRecalled: string[] = [];
  for (const [key, entries] of Object.entries(record)) {
    if (!Array.isArray(entries) || !/^(?:en|zh-CN) \S+$/.test(key)) continue;
    let days = zoneDays.get(key);
    if (days === undefined) zoneDays.set(key, (days = new Map()));
    for (const entry of entries.slice(0, MAX_DAYS_PER_ZONE)) {
      if (!Array.isArray(entry) || entry.length !== 3) continue;
      const [day, offsetSeconds, abbreviation] = entry as unknown[];
      const dayOk =
        Number.isInteger(day) && (day as number) * DAY_MS >= CACHED_FROM && (day as number) * DAY_MS < CACHED_UNTIL;
      const offsetOk = Number.isInteger(offsetSeconds) && Math.abs(offsetSeconds as number) <= 18 * 3600;
      const nameOk =
        abbreviation === null || (typeof abbreviation === 'string' && abbreviationOf(abbreviation) === abbreviation);
      if (dayOk && offsetOk && nameOk && !days.has(day as number))
        days.set(day as number, {
          offsetSeconds: offsetSeconds as number,
          abbreviation: (abbreviation as string | null) ?? undefined,
        });
    }
    // Only canonical spellings are ever keyed (formatUnix canonicalizes first), so the zone is one too.
    if (days.size > 0) zonesRecalled.push(key.slice(key.indexOf(' ') + 1));
  }
  recallCanonicalZones(zonesRecalled);
  learnedZoneDays = false;
}

/** `+08:00`, `-03:30`, or `+08:05:43` where the offset had seconds (as Temporal writes it). */
function offsetText(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const total = Math.abs(offsetSeconds);
  const pad = (value: number) => String(value).padStart(2, '0');
  const seconds = total % 60;
  return `${sign}${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

/** A real abbreviation (`EST`, `CET`); undefined for `GMT+8`/`UTC`, which only repeat the offset shown anyway. */
function abbreviationOf(name: string | undefined): string | undefined {
  return name !== undefined && /^[A-Z]{2,5}$/.test(name) && name !== 'UTC' && name !== 'GMT' ? name : undefined;
}

/** Zones whose Intl name is only ever "UTC"/"GMT±h", which the offset already says. */
const OFFSET_ONLY_ZONE = /^(?:(?:Etc\/)?(?:UTC|GMT|UCT|Universal|Zulu)|[+-]\d{2}(?::?\d{2})?)$/;

/** The abbreviation alone (years before 1000, whose wall time the polyfill gives), from the same cached formatter. */
function zoneAbbreviation(epochMilliseconds: number, zone: string, language: Language): string | undefined {
  try {
    return abbreviationOf(
      stampFormat(zone, language)
        .formatToParts(epochMilliseconds)
        .find((candidate) => candidate.type === 'timeZoneName')?.value,
    );
  } catch {
    return undefined;
  }
}
