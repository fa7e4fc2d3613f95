// IANA time zones through Temporal (polyfilled), so DST rules come from the same ICU data everywhere.
import { Temporal } from 'temporal-polyfill';

/** Whether `zone` is a time zone Temporal knows (IANA names, case-insensitively, or `UTC`/`±HH:MM`). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a valid zone (`asia/shanghai` → `Asia/Shanghai`); undefined when unknown. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!isValidTimeZone(zone)) return undefined;
  return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId;
}

/** The zone of this system (the default for wall times), `UTC` when the platform does not say. */
export function systemTimeZone(): string {
  // Read once per call from Intl; composition roots call this and pass the zone down.
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}
