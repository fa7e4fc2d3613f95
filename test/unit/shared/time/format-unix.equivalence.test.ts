// formatUnix formats named zones with one cached Intl formatter, offset-only zones by arithmetic; the polyfill's arithmetic is the reference it must
// agree with, to the character, for any instant and zone (DST changes, half-hour and 45-minute zones, local mean time).
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import fc from '../../../reliability/counted-fast-check.mjs';
import { formatUnix } from '../../../../shared/time/format-unix.js';

const ZONES = [
  'UTC',
  'Etc/UTC',
  '+05:30',
  '-03:00',
  'Etc/GMT+5',
  'Asia/Shanghai',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Sydney',
  'Europe/London',
  'Pacific/Chatham',
  'America/St_Johns',
  'Africa/Casablanca',
  'Asia/Tehran',
  'Pacific/Kiritimati',
];

function reference(unix: number, zone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(unix * 1000).toZonedDateTimeISO(zone);
  return `${zoned.toPlainDate().toString()} ${zoned.toPlainTime().toString({ smallestUnit: 'second' })} UTC${zoned.offset}`;
}

/** formatUnix without the abbreviation (which only the Intl path has ever produced). */
const withoutAbbreviation = (text: string) => text.replace(/ [A-Z]{2,5} \((UTC[^)]*)\)$/, ' $1');

describe('formatUnix in named zones', () => {
  it('agrees with the polyfill for any second from 1900 to 2100 in zones with DST and odd offsets', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_208_988_800, max: 4_102_444_800 }), fc.constantFrom(...ZONES), (unix, zone) => {
        expect(withoutAbbreviation(formatUnix(unix, zone))).toBe(reference(unix, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('names the same abbreviation as a formatter that asks for nothing else, in both languages', () => {
    const alone = (unix: number, zone: string, language: string) => {
      const name =
        new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'short' })
          .formatToParts(unix * 1000)
          .find((part) => part.type === 'timeZoneName')?.value ?? '';
      return /^[A-Z]{2,5}$/.test(name) && name !== 'UTC' && name !== 'GMT' ? name : null;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -2_208_988_800, max: 4_102_444_800 }),
        fc.constantFrom(...ZONES.filter((zone) => !/^[+-]/.test(zone))),
        fc.constantFrom('en' as const, 'zh-CN' as const),
        (unix, zone, language) => {
          const shown = / ([A-Z]{2,5}) \(UTC[^)]*\)$/.exec(formatUnix(unix, zone, language))?.[1] ?? null;
          expect(shown).toBe(alone(unix, zone, language));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('agrees on both sides of every offset change of 2026 in zones with DST (one a 30-minute shift)', () => {
    for (const zone of [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Sydney',
      'America/Santiago',
      'Australia/Lord_Howe',
    ]) {
      let at: Temporal.ZonedDateTime | null =
        Temporal.Instant.fromEpochMilliseconds(1_767_225_600_000).toZonedDateTimeISO(zone);
      let changes = 0;
      // Bounded: two changes a year, and the loop stops at the end of 2026 or after 10.
      while (at !== null && at.epochMilliseconds < 1_798_761_600_000 && changes < 10) {
        at = at.getTimeZoneTransition('next');
        if (at === null) break;
        changes += 1;
        const unix = Math.floor(at.epochMilliseconds / 1000);
        for (const delta of [-3601, -1, 0, 1, 3600])
          expect(withoutAbbreviation(formatUnix(unix + delta, zone)), `${zone} ${unix + delta}`).toBe(
            reference(unix + delta, zone),
          );
      }
      expect(changes, zone).toBeGreaterThanOrEqual(2);
    }
  });

  it('rests on a fact of the zone data: no offset changes twice within a day (1900–2100; here for the zones above)', () => {
    // formatUnix asks Intl once per zone and day where a day's first and last second agree (zoneAt). Checked for every
    // zone ICU knows when written (10 s); these zones keep the check in every run.
    for (const zone of ZONES.filter((candidate) => candidate.includes('/') && !candidate.startsWith('Etc/'))) {
      let at: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(
        Date.UTC(1900, 0, 1),
      ).toZonedDateTimeISO(zone);
      let previous: number | null = null;
      // Bounded: at most 1,000 changes per zone (none has more than ~250 in these years).
      for (let step = 0; step < 1000 && at !== null; step += 1) {
        at = at.getTimeZoneTransition('next');
        if (at === null || at.epochMilliseconds >= Date.UTC(2100, 0, 1)) break;
        if (previous !== null)
          expect(at.epochMilliseconds - previous, `${zone} at ${at.toString()}`).toBeGreaterThan(86_400_000);
        previous = at.epochMilliseconds;
      }
    }
  });
});
