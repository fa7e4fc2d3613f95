import { describe, expect, it } from 'vitest';
import { maskSecretId } from '../../../../shared/format/mask.js';

describe('maskSecretId', () => {
  it('keeps the first 4 and last 7 characters', () => {
    expect(maskSecretId('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE')).toBe('AKID****EXAMPLE');
  });

  it('never reveals the middle, whatever the length', () => {
    const id = 'AKIDabcdefghijklmnopqrstuvwxyz0123456789';
    const masked = maskSecretId(id);
    expect(masked).not.toContain('abcdefgh');
    expect(masked.length).toBeLessThan(id.length);
  });

  it('fully masks ids too short to keep both ends', () => {
    expect(maskSecretId('AKID1234567')).toBe('****');
    // 14 characters: keeping 4 + 7 would hide only 3; at 15 at least 4 stay hidden.
    expect(maskSecretId('AKID123456789A')).toBe('****');
    expect(maskSecretId('AKID123456789AB')).toBe('AKID****56789AB');
    expect(maskSecretId('')).toBe('****');
  });
});
