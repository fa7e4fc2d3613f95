// formatUnix formats named zones with one cached Intl formatter; the polyfill's arithmetic is the reference it must
// agree with, to the character, for any instant and zone (DST changes, half-hour and 45-minute zones, local mean time).
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import fc from '../../../reliability/counted-fast-check.mjs';
import { formatUnix } from '../../../../shared/time/format-unix.js';

const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Sydney', 'Europe/London', 'Pacific/Chatham', 'America/St_Johns', 'Africa/Casablanca', 'Asia/Tehran', 'Pacific/Kiritimati'];

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

  it('agrees on both sides of every offset change of 2026 in zones with DST (one a 30-minute shift)', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'America/Santiago', 'Australia/Lord_Howe']) {
      let at: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(1_767_225_600_000).toZonedDateTimeISO(zone);
      let changes = 0;
      // Bounded: two changes a year, and the loop stops at the end of 2026 or after 10.
      while (at !== null && at.epochMilliseconds < 1_798_761_600_000 && changes < 10) {
        at = at.getTimeZoneTransition('next');
        if (at === null) break;
        changes += 1;
        const unix = Math.floor(at.epochMilliseconds / 1000);
        for (const delta of [-3601, -1, 0, 1, 3600]) expect(withoutAbbreviation(formatUnix(unix + delta, zone)), `${zone} ${unix + delta}`).toBe(reference(unix + delta, zone));
      }
      expect(changes, zone).toBeGreaterThanOrEqual(2);
    }
  });
});
