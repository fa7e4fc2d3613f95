import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../electron/services/live-api/rate-limiter.js';

// A manual clock: sleep advances it, so the test runs instantly and every wait is visible.
function fakeTime() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('rate limiter', () => {
  it('lets 20 through at once and holds the 21st until the window slides', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 20, clock: time.clock, sleep: time.sleep, marginMs: 0 });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 45 }, () => limiter.acquire().then(() => starts.push(time.clock()))));
    expect(starts.slice(0, 20).every((at) => at === 1_000_000)).toBe(true);
    expect(starts[20]).toBe(1_001_000);
    for (const at of starts) expect(starts.filter((other) => other > at - 1000 && other <= at).length).toBeLessThanOrEqual(20);
    expect(starts).toHaveLength(45);
  });

  it('keeps the safety margin between the 1st and the 21st start', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 2, clock: time.clock, sleep: time.sleep, marginMs: 50 });
    await limiter.acquire();
    await limiter.acquire();
    await limiter.acquire();
    expect(time.sleeps).toEqual([1050]);
  });

  it('does not wait when calls are already spread out', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 1, clock: time.clock, sleep: time.sleep, marginMs: 0 });
    await limiter.acquire();
    time.advance(1500);
    await limiter.acquire();
    expect(time.sleeps).toEqual([]);
  });
});
