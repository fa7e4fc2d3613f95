import { describe, expect, it } from 'vitest';
import { parseUserTime } from '../../../../shared/time/parse-user-time.js';

// 2026-11-25T06:00:00Z = 14:00 in Shanghai, 07:00 in Berlin, 01:00 in New York.
const NOW = Date.UTC(2026, 10, 25, 6, 0, 0) / 1000;
const at = (iso: string): number => Date.parse(iso) / 1000;

describe('parseUserTime: formats', () => {
  const shanghai = { nowSeconds: NOW, timeZone: 'Asia/Shanghai' };

  it('reads ISO 8601 with an offset or Z, whatever the zone', () => {
    expect(parseUserTime('2026-11-25T20:00:00+08:00', shanghai)).toEqual({
      ok: true,
      unix: at('2026-11-25T12:00:00Z'),
    });
    expect(parseUserTime('2026-11-25T12:00:00Z', { nowSeconds: NOW, timeZone: 'America/New_York' })).toEqual({
      ok: true,
      unix: at('2026-11-25T12:00:00Z'),
    });
    expect(parseUserTime('2026-11-25 20:00+0800', shanghai)).toEqual({ ok: true, unix: at('2026-11-25T12:00:00Z') });
    expect(parseUserTime('2026-11-25T20:00:00.900+08:00', shanghai)).toEqual({
      ok: true,
      unix: at('2026-11-25T12:00:00Z'),
    });
  });

  it('accepts a bracketed zone that agrees with the offset and refuses one that contradicts it', () => {
    expect(parseUserTime('2026-11-25T20:00+08:00[Asia/Shanghai]', shanghai)).toEqual({
      ok: true,
      unix: at('2026-11-25T12:00:00Z'),
    });
    expect(parseUserTime('2026-11-25T20:00+09:00[Asia/Shanghai]', shanghai)).toMatchObject({
      ok: false,
      code: 'Time.Invalid',
    });
  });

  it('reads a wall time without offset in the given zone (no-DST zone)', () => {
    expect(parseUserTime('2026-11-25T20:00', shanghai)).toEqual({ ok: true, unix: at('2026-11-25T12:00:00Z') });
    expect(parseUserTime('2026-11-25 20:00', shanghai)).toEqual({ ok: true, unix: at('2026-11-25T12:00:00Z') });
    expect(parseUserTime('2026-11-25 20:00:30', shanghai)).toEqual({ ok: true, unix: at('2026-11-25T12:00:30Z') });
    expect(parseUserTime('2026-11-25 20:00', { nowSeconds: NOW, timeZone: 'Europe/Berlin' })).toEqual({
      ok: true,
      unix: at('2026-11-25T19:00:00Z'),
    });
  });

  it('reads a time of day as today in the zone, with a note when it has passed', () => {
    expect(parseUserTime('20:00', shanghai)).toEqual({ ok: true, unix: at('2026-11-25T12:00:00Z') });
    // 9:30 in Shanghai today is before 14:00: today, not tomorrow, and the user is told.
    const passed = parseUserTime('9:30', shanghai);
    expect(passed).toMatchObject({ ok: true, unix: at('2026-11-25T01:30:00Z') });
    expect(passed.ok && passed.note).toContain('already passed');
    // "Today" is the zone's date: at 06:00Z it is still 24 November in Honolulu (UTC-10).
    expect(parseUserTime('23:00', { nowSeconds: NOW, timeZone: 'Pacific/Honolulu' })).toEqual({
      ok: true,
      unix: at('2026-11-25T09:00:00Z'),
    });
  });

  it('reads now, relative times and Unix seconds', () => {
    expect(parseUserTime('now', shanghai)).toEqual({ ok: true, unix: NOW });
    expect(parseUserTime(' NOW ', shanghai)).toEqual({ ok: true, unix: NOW });
    expect(parseUserTime('+90m', shanghai)).toEqual({ ok: true, unix: NOW + 5400 });
    expect(parseUserTime('+2h', shanghai)).toEqual({ ok: true, unix: NOW + 7200 });
    expect(parseUserTime('+1h30m', shanghai)).toEqual({ ok: true, unix: NOW + 5400 });
    expect(parseUserTime('-2h', shanghai)).toEqual({ ok: true, unix: NOW - 7200 });
    expect(parseUserTime('-1d', shanghai)).toEqual({ ok: true, unix: NOW - 86400 });
    expect(parseUserTime('-', shanghai).ok).toBe(false);
    expect(parseUserTime('1795608000', shanghai)).toEqual({ ok: true, unix: 1795608000 });
    expect(parseUserTime('999999999', shanghai)).toEqual({ ok: true, unix: 999999999 });
  });

  it.each([
    '',
    '   ',
    'tomorrow',
    '+',
    '+90',
    '+-5m',
    '12345678',
    '123456789012',
    '2026-02-30T10:00',
    '2026-13-01 10:00',
    '24:00',
    '12:60',
    '2026-11-25',
    'rtmp://x',
  ])('refuses %j as Time.Invalid with the accepted formats', (text) => {
    const result = parseUserTime(text, shanghai);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('Time.Invalid');
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('reports an unknown zone only when a wall time needs it', () => {
    const bad = { nowSeconds: NOW, timeZone: 'Mars/Olympus' };
    expect(parseUserTime('2026-11-25 20:00', bad)).toMatchObject({ ok: false, code: 'Time.UnknownZone' });
    expect(parseUserTime('20:00', bad)).toMatchObject({ ok: false, code: 'Time.UnknownZone' });
    expect(parseUserTime('+1h', bad)).toEqual({ ok: true, unix: NOW + 3600 });
    expect(parseUserTime('2026-11-25T20:00+08:00', bad)).toEqual({ ok: true, unix: at('2026-11-25T12:00:00Z') });
  });
});

describe('parseUserTime: DST', () => {
  it('reports a wall time in the Berlin spring gap instead of shifting it', () => {
    const result = parseUserTime('2026-03-29 02:30', { nowSeconds: NOW, timeZone: 'Europe/Berlin' });
    expect(result).toMatchObject({ ok: false, code: 'Time.DstGap', candidates: [at('2026-03-29T01:00:00Z')] });
    expect(!result.ok && result.message).toContain('from 02:00 to 03:00');
  });

  it('gives both readings of a repeated Berlin autumn wall time', () => {
    const result = parseUserTime('2026-10-25T02:30', { nowSeconds: NOW, timeZone: 'Europe/Berlin' });
    expect(result).toMatchObject({
      ok: false,
      code: 'Time.DstAmbiguous',
      candidates: [at('2026-10-25T00:30:00Z'), at('2026-10-25T01:30:00Z')],
    });
    expect(!result.ok && result.message).toContain('+02:00');
    // The suggested spelling resolves it.
    expect(parseUserTime('2026-10-25T02:30+02:00', { nowSeconds: NOW, timeZone: 'Europe/Berlin' })).toEqual({
      ok: true,
      unix: at('2026-10-25T00:30:00Z'),
    });
  });

  it('handles New York gap and overlap, and times just outside them', () => {
    const ny = { nowSeconds: NOW, timeZone: 'America/New_York' };
    expect(parseUserTime('2026-03-08 02:15', ny)).toMatchObject({
      ok: false,
      code: 'Time.DstGap',
      candidates: [at('2026-03-08T07:00:00Z')],
    });
    expect(parseUserTime('2026-03-08 01:59', ny)).toEqual({ ok: true, unix: at('2026-03-08T06:59:00Z') });
    expect(parseUserTime('2026-03-08 03:00', ny)).toEqual({ ok: true, unix: at('2026-03-08T07:00:00Z') });
    expect(parseUserTime('2026-11-01 01:30', ny)).toMatchObject({
      ok: false,
      code: 'Time.DstAmbiguous',
      candidates: [at('2026-11-01T05:30:00Z'), at('2026-11-01T06:30:00Z')],
    });
    expect(parseUserTime('2026-11-01 02:00', ny)).toEqual({ ok: true, unix: at('2026-11-01T07:00:00Z') });
  });

  it("reports a time of day that falls in today's gap", () => {
    const gapDay = Date.UTC(2026, 2, 29, 0, 0, 0) / 1000; // 01:00 in Berlin on the spring-forward day
    expect(parseUserTime('02:30', { nowSeconds: gapDay, timeZone: 'Europe/Berlin' })).toMatchObject({
      ok: false,
      code: 'Time.DstGap',
    });
  });

  it('has neither gap nor overlap in Shanghai on the European change days', () => {
    const shanghai = { nowSeconds: NOW, timeZone: 'Asia/Shanghai' };
    expect(parseUserTime('2026-03-29 02:30', shanghai)).toEqual({ ok: true, unix: at('2026-03-28T18:30:00Z') });
    expect(parseUserTime('2026-10-25 02:30', shanghai)).toEqual({ ok: true, unix: at('2026-10-24T18:30:00Z') });
  });
});
