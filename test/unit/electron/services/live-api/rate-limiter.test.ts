import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../../electron/services/live-api/rate-limiter.js';

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
  it('lets 20 through at once and holds the 21st until a second after the first answer', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 20, clock: time.clock, sleep: time.sleep, marginMs: 0 });
    const starts: number[] = [];
    // Each request is answered 30 ms after it starts.
    const request = async () => {
      const answered = await limiter.acquire();
      starts.push(time.clock());
      await Promise.resolve();
      time.advance(30);
      answered();
    };
    await Promise.all(Array.from({ length: 45 }, request));
    expect(starts).toHaveLength(45);
    expect(starts[0]).toBe(1_000_000);
    // The 21st goes out a full second after the first answer came back, not a second after the first start.
    expect(starts[20]).toBeGreaterThanOrEqual(1_000_030 + 1000);
    for (const at of starts)
      expect(starts.filter((other) => other > at - 1000 && other <= at).length).toBeLessThanOrEqual(20);
  });

  it('never reuses a slot whose request is still in flight, however long it takes', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 2, clock: time.clock, sleep: time.sleep, marginMs: 0 });
    const first = await limiter.acquire();
    const second = await limiter.acquire();
    let thirdStarted = false;
    const third = limiter.acquire().then((answered) => {
      thirdStarted = true;
      return answered;
    });
    // Five seconds pass with both requests unanswered: the platform may still count them at any moment.
    time.advance(5000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(thirdStarted).toBe(false);
    first();
    const answeredAt = time.clock();
    (await third)();
    expect(thirdStarted).toBe(true);
    expect(time.clock()).toBe(answeredAt + 1000);
    second();
  });

  it('keeps the margin after the answer', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 2, clock: time.clock, sleep: time.sleep, marginMs: 50 });
    (await limiter.acquire())();
    (await limiter.acquire())();
    (await limiter.acquire())();
    expect(time.sleeps).toEqual([1050]);
  });

  it('counts a second release of the same slot once', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 1, clock: time.clock, sleep: time.sleep, marginMs: 0 });
    const answered = await limiter.acquire();
    answered();
    time.advance(800);
    answered();
    (await limiter.acquire())();
    // Free one second after the first release, not the second.
    expect(time.sleeps).toEqual([200]);
  });

  it('does not wait when calls are already spread out', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 1, clock: time.clock, sleep: time.sleep, marginMs: 0 });
    (await limiter.acquire())();
    time.advance(1500);
    (await limiter.acquire())();
    expect(time.sleeps).toEqual([]);
  });
});
