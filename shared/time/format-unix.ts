// Unix seconds for people: the local date and time with the zone's abbreviation (where it has a real one)
// and its UTC offset, so "20:00 EST (UTC-05:00)" cannot be misread across zones.
import { Temporal } from 'temporal-polyfill';
import type { Language } from '../errors/catalog.js';
import { canonicalTimeZone } from './time-zone.js';

/**
 * Formats `unix` (seconds) in `timeZone` as `2026-11-25 20:00:00 UTC+08:00` or `2026-11-25 07:00:00 EST (UTC-05:00)`.
 * The abbreviation comes from Intl in `language` and is shown only when it is a name, not a `GMT+8` restatement.
 * An unknown zone formats in UTC rather than failing (a display must always show something).
 */
export function formatUnix(unix: number, timeZone: string, language: Language = 'en'): string {
  if (!Number.isFinite(unix)) return String(unix);
  const zone = canonicalTimeZone(timeZone) ?? 'UTC';
  const epochMilliseconds = Math.floor(unix) * 1000;
  // A zone with names needs Intl for its abbreviation anyway: one cached formatter then gives the local time and the
  // offset too, ~20× cheaper per row than the polyfill's zone arithmetic (a `taper history` of hundreds of rows).
  // Offset-only zones keep the polyfill, which needs no ICU set-up at all (a `taper record` on a UTC server).
  const local = OFFSET_ONLY_ZONE.test(zone) ? polyfillStamp(epochMilliseconds, zone) : intlStamp(epochMilliseconds, zone);
  const abbreviation = zoneAbbreviation(epochMilliseconds, zone, language);
  return abbreviation === undefined ? `${local.stamp} UTC${local.offset}` : `${local.stamp} ${abbreviation} (UTC${local.offset})`;
}

interface LocalStamp {
  /** `2026-11-25 20:00:00` */
  stamp: string;
  /** `+08:00` (seconds where the zone's offset had them, e.g. local mean time) */
  offset: string;
}

function polyfillStamp(epochMilliseconds: number, zone: string): LocalStamp {
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMilliseconds).toZonedDateTimeISO(zone);
  return { stamp: `${zoned.toPlainDate().toString()} ${zoned.toPlainTime().toString({ smallestUnit: 'second' })}`, offset: zoned.offset };
}

const stampFormats = new Map<string, Intl.DateTimeFormat>();

function intlStamp(epochMilliseconds: number, zone: string): LocalStamp {
  let format = stampFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    stampFormats.set(zone, format);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of format.formatToParts(epochMilliseconds)) part[type] = value;
  // `GMT+08:00`, or a bare `GMT` at a zero offset.
  const gmt = part.timeZoneName ?? 'GMT';
  return {
    stamp: `${(part.year ?? '').padStart(4, '0')}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`,
    offset: gmt === 'GMT' ? '+00:00' : gmt.slice(3),
  };
}

/** Zones whose Intl name is only ever "UTC"/"GMT±h", which the offset already says. */
const OFFSET_ONLY_ZONE = /^(?:(?:Etc\/)?(?:UTC|GMT|UCT|Universal|Zulu)|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * One formatter per language and zone: building an Intl.DateTimeFormat costs far more than using one, and a history
 * list formats hundreds of times in the same zone.
 */
const abbreviationFormats = new Map<string, Intl.DateTimeFormat>();

function abbreviationFormat(zone: string, language: Language): Intl.DateTimeFormat {
  const key = `${language} ${zone}`;
  let format = abbreviationFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'short' });
    abbreviationFormats.set(key, format);
  }
  return format;
}

function zoneAbbreviation(epochMilliseconds: number, zone: string, language: Language): string | undefined {
  // Skipping Intl here is not only tidy: the first Intl.DateTimeFormat of a process costs ~30 ms of ICU set-up,
  // a fifth of a whole `taper record` run on a UTC server.
  if (OFFSET_ONLY_ZONE.test(zone)) return undefined;
  try {
    const part = abbreviationFormat(zone, language)
      .formatToParts(epochMilliseconds)
      .find((candidate) => candidate.type === 'timeZoneName')?.value;
    // "GMT+8" / "UTC" only repeat the offset shown anyway.
    return part !== undefined && /^[A-Z]{2,5}$/.test(part) && part !== 'UTC' && part !== 'GMT' ? part : undefined;
  } catch {
    return undefined;
  }
}
