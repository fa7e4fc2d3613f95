import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitWindow } from '../../../../shared/schedule/split-window.js';
import { MAX_WINDOW_SECONDS, MIN_USEFUL_WINDOW_SECONDS } from '../../../../shared/rules/limits.js';

const HOUR = 3_600;
const T0 = 1_790_000_000;

describe('splitWindow', () => {
  it('keeps a window of at most 24 h as one link', () => {
    expect(splitWindow(T0, T0 + 24 * HOUR)).toEqual({
      links: [{ index: 0, startTime: T0, endTime: T0 + 24 * HOUR }],
      warnings: [],
    });
  });

  it('cuts 60 h into 24 h + 24 h + 12 h with no gap and no overlap', () => {
    const { links, warnings } = splitWindow(T0, T0 + 60 * HOUR);
    expect(links.map((link) => [link.startTime - T0, link.endTime - T0])).toEqual([
      [0, 24 * HOUR],
      [24 * HOUR, 48 * HOUR],
      [48 * HOUR, 60 * HOUR],
    ]);
    expect(warnings).toEqual([]);
  });

  it('rebalances a last link under 10 s evenly instead of leaving a useless one, and says so', () => {
    const { links, warnings } = splitWindow(T0, T0 + 48 * HOUR + 5);
    expect(links).toHaveLength(3);
    expect(links.every((link) => link.endTime - link.startTime >= 16 * HOUR)).toBe(true);
    expect(links.at(-1)?.endTime).toBe(T0 + 48 * HOUR + 5);
    expect(warnings.map((warning) => warning.code)).toEqual(['Chain.Rebalanced']);
  });

  it('returns nothing for an empty or backwards window', () => {
    expect(splitWindow(T0, T0).links).toEqual([]);
    expect(splitWindow(T0, T0 - 1).links).toEqual([]);
  });

  it('always covers the window exactly with links of 10 s .. 24 h (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: MIN_USEFUL_WINDOW_SECONDS, max: 40 * 86_400 }),
        (start, length) => {
          const { links } = splitWindow(start, start + length);
          expect(links[0]?.startTime).toBe(start);
          expect(links.at(-1)?.endTime).toBe(start + length);
          links.forEach((link, index) => {
            expect(link.index).toBe(index);
            expect(link.endTime - link.startTime).toBeLessThanOrEqual(MAX_WINDOW_SECONDS);
            expect(link.endTime - link.startTime).toBeGreaterThanOrEqual(MIN_USEFUL_WINDOW_SECONDS);
            if (index > 0) expect(link.startTime).toBe(links[index - 1]?.endTime);
          });
          expect(links).toHaveLength(Math.ceil(length / MAX_WINDOW_SECONDS));
        },
      ),
      { numRuns: 300 },
    );
  });
});
