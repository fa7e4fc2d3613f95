import { describe, expect, it } from 'vitest';
import { humanSize } from '../../../../shared/format/size.js';

describe('humanSize', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1_000, '1.0 KB'],
    [350_000_000, '350 MB'],
    [1_234_567_890, '1.2 GB'],
    [9_960_000_000, '10 GB'],
    [1_770_000_000_000_000, '1770 TB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });

  it('says ? for a size that is not one', () => {
    expect(humanSize(-1)).toBe('?');
    expect(humanSize(Number.NaN)).toBe('?');
  });
});
