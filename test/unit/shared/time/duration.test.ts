import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../../shared/time/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90m', 5400],
    ['2h', 7200],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['45s', 45],
    ['1d', 86400],
    ['1d2h3m4s', 93784],
    ['2H', 7200],
    [' 30m ', 1800],
  ])('%j is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each(['', '90', '1.5h', '30m1h', '1h1h', '-5m', '0m', '0h0m', 'h', 'forever', '99999999999999999999d'])(
    'refuses %j with Duration.Invalid',
    (text) => {
      const result = parseDuration(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.code).toBe('Duration.Invalid');
      }
    },
  );

  it('tells the user a bare number needs a unit', () => {
    const result = parseDuration('90');
    expect(!result.ok && result.message).toContain('unit');
  });
});
