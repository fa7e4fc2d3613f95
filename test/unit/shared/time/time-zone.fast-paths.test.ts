// A `taper history` run asks Intl's locale data for nothing when it can help it (~25 ms of a fresh process): zone
// names come from Intl's list, offset-only zones from their own text, and zone days from what an earlier run
// learned. Each shortcut must answer exactly what the slow path answers.
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it, vi } from 'vitest';
import {
  formatUnix,
  recallZoneDays,
  rememberedZoneDays,
  zoneDaysLearned,
} from '../../../../shared/time/format-unix.js';
import { canonicalTimeZone, lookUpZonesInIntlList } from '../../../../shared/time/time-zone.js';

// As the CLI's root does.
lookUpZonesInIntlList();

const polyfillSpelling = (zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId;

describe('zone names without the polyfill', () => {
  it('spells every listed zone, in any case, as the polyfill does', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      for (const spelling of [zone, zone.toLowerCase(), zone.toUpperCase()])
        expect(canonicalTimeZone(spelling)).toBe(polyfillSpelling(spelling));
    }
  });

  it('still follows aliases and offsets the list leaves out, and refuses unknown names', () => {
    for (const zone of ['Asia/Kolkata', 'US/Eastern', 'Etc/UTC', 'utc', '+08:00', '+0530', 'Etc/GMT+5'])
      expect(canonicalTimeZone(zone)).toBe(polyfillSpelling(zone));
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
  });
});

describe('offset-only zones without the polyfill', () => {
  it("format as the polyfill's offset says", () => {
    for (const zone of ['+05:30', '-03:00', '+14:00', '-12:00', '+00:00', 'UTC', 'Etc/UTC', 'GMT', 'Zulu']) {
      const zoned = Temporal.Instant.fromEpochMilliseconds(1_700_000_000_000).toZonedDateTimeISO(zone);
      expect(formatUnix(1_700_000_000, zone)).toBe(
        `${zoned.toPlainDate().toString()} ${zoned.toPlainTime().toString({ smallestUnit: 'second' })} UTC${zoned.offset}`,
      );
    }
  });
});

describe('zone days kept between runs', () => {
  it('gives a later process the same text, from the record, for the days it learned', async () => {
    const instants = [1_700_000_000, 1_711_846_800, 1_711_850_400, 1_729_990_000];
    const first = instants.map((unix) => formatUnix(unix, 'Europe/Berlin'));
    expect(zoneDaysLearned()).toBe(true);
    const saved = JSON.parse(JSON.stringify(rememberedZoneDays())) as Record<string, [number, number, string | null][]>;
    // Berlin's 2024 spring change (31 March, 01:00 UTC) is inside a day: that day is asked per instant, never kept.
    expect(saved['en Europe/Berlin']?.map(([day]) => day)).not.toContain(Math.floor(1_711_846_800 / 86_400));

    // A later process: the module afresh. A planted day proves its answer comes from the record, not from Intl.
    vi.resetModules();
    const later = await import('../../../../shared/time/format-unix.js');
    const day = Math.floor(1_700_000_000 / 86_400);
    later.recallZoneDays({ 'en Europe/Berlin': [[day, 3 * 3600, 'XYZ']] });
    expect(later.zoneDaysLearned()).toBe(false);
    expect(later.formatUnix(day * 86_400, 'Europe/Berlin')).toBe(
      `${new Date((day * 86_400 + 3 * 3600) * 1000).toISOString().slice(0, 10)} 03:00:00 XYZ (UTC+03:00)`,
    );

    vi.resetModules();
    const again = await import('../../../../shared/time/format-unix.js');
    again.recallZoneDays(saved);
    expect(instants.map((unix) => again.formatUnix(unix, 'Europe/Berlin'))).toEqual(first);
  });

  it('takes the zones of the record as canonical, without asking Intl for its list', async () => {
    vi.resetModules();
    const zones = await import('../../../../shared/time/time-zone.js');
    const later = await import('../../../../shared/time/format-unix.js');
    zones.lookUpZonesInIntlList();
    const list = vi.spyOn(Intl, 'supportedValuesOf');
    try {
      later.recallZoneDays({ 'en Asia/Shanghai': [[20_000, 8 * 3600, null]], 'en Mars/Olympus_Mons': [] });
      expect(zones.canonicalTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
      expect(later.formatUnix(20_000 * 86_400, 'Asia/Shanghai')).toBe('2024-10-04 08:00:00 UTC+08:00');
      expect(list).not.toHaveBeenCalled();
      // A zone with no day kept proves nothing; other spellings still go through the list.
      expect(zones.canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
      expect(zones.canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
      expect(list).toHaveBeenCalledTimes(1);
    } finally {
      list.mockRestore();
    }
  });

  it('ignores malformed records rather than show a time they invent', () => {
    const day = Math.floor(1_800_000_000 / 86_400);
    const expected = formatUnix(1_800_000_000, 'Asia/Tokyo', 'zh-CN');
    recallZoneDays(null);
    recallZoneDays('days');
    recallZoneDays({
      'zh-CN Asia/Tokyo': [
        [day + 0.5, 0, null],
        [day + 1, 'x', null],
        [day + 2, 99 * 3600, null],
        [day + 3, 0, 'utc!'],
      ],
      'fr Asia/Tokyo': [[day, 0, null]],
    });
    const kept = rememberedZoneDays()['zh-CN Asia/Tokyo']?.map(([kept]) => kept) ?? [];
    expect(kept).not.toContain(day + 0.5);
    expect(kept).not.toContain(day + 1);
    expect(kept).not.toContain(day + 2);
    expect(kept).not.toContain(day + 3);
    expect(rememberedZoneDays()['fr Asia/Tokyo']).toBeUndefined();
    expect(formatUnix(1_800_000_000, 'Asia/Tokyo', 'zh-CN')).toBe(expected);
  });
});
