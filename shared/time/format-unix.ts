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
  const zoned = Temporal.Instant.fromEpochMilliseconds(Math.floor(unix) * 1000).toZonedDateTimeISO(zone);
  const stamp = `${zoned.toPlainDate().toString()} ${zoned.toPlainTime().toString({ smallestUnit: 'second' })}`;
  const offset = `UTC${zoned.offset}`;
  const abbreviation = zoneAbbreviation(zoned.epochMilliseconds, zone, language);
  return abbreviation === undefined ? `${stamp} ${offset}` : `${stamp} ${abbreviation} (${offset})`;
}

/** Zones whose Intl name is only ever "UTC"/"GMT±h", which the offset already says. */
const OFFSET_ONLY_ZONE = /^(?:(?:Etc\/)?(?:UTC|GMT|UCT|Universal|Zulu)|[+-]\d{2}(?::?\d{2})?)$/;

function zoneAbbreviation(epochMilliseconds: number, zone: string, language: Language): string | undefined {
  // Skipping Intl here is not only tidy: the first Intl.DateTimeFormat of a process costs ~30 ms of ICU set-up,
  // a fifth of a whole `taper record` run on a UTC server.
  if (OFFSET_ONLY_ZONE.test(zone)) return undefined;
  try {
    const part = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(epochMilliseconds)
      .find((candidate) => candidate.type === 'timeZoneName')?.value;
    // "GMT+8" / "UTC" only repeat the offset shown anyway.
    return part !== undefined && /^[A-Z]{2,5}$/.test(part) && part !== 'UTC' && part !== 'GMT' ? part : undefined;
  } catch {
    return undefined;
  }
}
