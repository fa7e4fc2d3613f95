import { describe, expect, it } from 'vitest';
import { formatUnix } from '../../../../shared/time/format-unix.js';
import { canonicalTimeZone, isValidTimeZone, systemTimeZone } from '../../../../shared/time/time-zone.js';

const NOON_UTC = Date.UTC(2026, 10, 25, 12, 0, 0) / 1000;

describe('formatUnix', () => {
  it('shows the local time with the UTC offset', () => {
    expect(formatUnix(NOON_UTC, 'Asia/Shanghai')).toBe('2026-11-25 20:00:00 UTC+08:00');
    expect(formatUnix(NOON_UTC, 'Europe/Berlin', 'zh-CN')).toBe('2026-11-25 13:00:00 UTC+01:00');
  });

  it('adds a real zone abbreviation where the locale has one', () => {
    expect(formatUnix(NOON_UTC, 'America/New_York', 'en')).toBe('2026-11-25 07:00:00 EST (UTC-05:00)');
    expect(formatUnix(Date.UTC(2026, 6, 1, 12) / 1000, 'America/New_York', 'en')).toBe(
      '2026-07-01 08:00:00 EDT (UTC-04:00)',
    );
  });

  it('falls back to UTC for an unknown zone instead of failing', () => {
    expect(formatUnix(NOON_UTC, 'Nowhere/Special')).toBe('2026-11-25 12:00:00 UTC+00:00');
  });
});

describe('time zones', () => {
  it('knows IANA zones case-insensitively and refuses others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('europe/berlin')).toBe(true);
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
  });

  it('reports the system zone as a valid zone', () => {
    expect(isValidTimeZone(systemTimeZone())).toBe(true);
  });
});
