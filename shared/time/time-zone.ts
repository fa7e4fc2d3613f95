// IANA time zones through Temporal (polyfilled), so DST rules come from the same ICU data everywhere.
import { Temporal } from 'temporal-polyfill';

/** Whether `zone` is a time zone Temporal knows (IANA names, case-insensitively, or `UTC`/`±HH:MM`). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  if (listedTimeZone(zone) !== undefined) return true;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers per spelling asked: a zone's rules do not change while a process runs, and a history list asks for the same
 * zone once per row (the polyfill's lookup cost ~0.1 ms a row, a third of a 300-row `taper history`).
 */
const canonicalSpellings = new Map<string, string | undefined>();

/** The canonical spelling of a valid zone (`asia/shanghai` → `Asia/Shanghai`); undefined when unknown. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (canonicalSpellings.has(zone)) return canonicalSpellings.get(zone);
  const canonical =
    listedTimeZone(zone) ??
    (isValidTimeZone(zone) ? Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId : undefined);
  // Bounded: a process meets a handful of spellings, but a caller looping over user input must not grow this forever.
  if (canonicalSpellings.size < 256) canonicalSpellings.set(zone, canonical);
  return canonical;
}

/**
 * Zones an earlier process answered as canonical with this same ICU and tz data (the CLI's zone-days cache, see
 * recallZoneDays), remembered as answers: a command whose zone is one of them needs neither Intl's list (~2 ms) nor
 * the polyfill.
 */
export function recallCanonicalZones(zones: Iterable<string>): void {
  for (const zone of zones) if (canonicalSpellings.size < 256) canonicalSpellings.set(zone, zone);
}

/**
 * Zone names Intl lists, by lower-case spelling, once `lookUpZonesInIntlList` is called. The polyfill's first lookup
 * builds an Intl.DateTimeFormat, whose locale data costs Node ~25 ms in a fresh process (a sixth of a `taper
 * history`); Node's list costs ~2 ms and spells every zone on it as the polyfill does (a unit test compares all of
 * them). Chromium is the other way round (its first list up to 100 ms, a formatter 2 ms once ICU is up), so only
 * the CLI's root opts in. Aliases the list leaves out (`Asia/Kolkata`, `US/Eastern`, `Etc/UTC`) still go to the
 * polyfill.
 */
let listedZones: Map<string, string> | undefined;
let useList = false;

export function lookUpZonesInIntlList(): void {
  useList = true;
}

function listedTimeZone(zone: string): string | undefined {
  if (!useList) return undefined;
  if (listedZones === undefined) {
    listedZones = new Map([['utc', 'UTC']]);
    // supportedValuesOf is ES2022; a runtime without it only loses the shortcut.
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    for (const name of list) listedZones.set(name.toLowerCase(), name);
  }
  return listedZones.get(zone.toLowerCase());
}

/** The zone of this system (the default for wall times), `UTC` when the platform does not say. */
export function systemTimeZone(): string {
  // Read once per call from Intl; composition roots call this and pass the zone down.
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}
