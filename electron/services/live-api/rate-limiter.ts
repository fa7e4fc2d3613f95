// A process-wide client-side limit: at most N requests start in any sliding second, so bursts never
// reach the platform's RequestLimitExceeded. All calls of one process share one limiter.
import type { Clock } from '../../../shared/clock.js';

export interface RateLimiter {
  /** Resolves when one more request may start (and counts it). */
  acquire(): Promise<void>;
}

export interface RateLimiterOptions {
  /** Requests allowed per sliding window; the platform allows 20/s per account. */
  perSecond: number;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /**
   * Extra milliseconds added to the 1-second window. The server counts arrivals, not departures: network
   * jitter can squeeze two of our send times closer together on its side, so keep a small margin.
   */
  marginMs?: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windowMs = 1000 + (options.marginMs ?? 50);
  const starts: number[] = [];
  // Acquisitions are serialized so concurrent callers cannot both see a free slot.
  let queue: Promise<void> = Promise.resolve();

  async function next(): Promise<void> {
    // Bounded: each pass either takes a slot or sleeps until the oldest start leaves the window.
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      const now = options.clock();
      while (starts.length > 0 && (starts[0] ?? 0) <= now - windowMs) starts.shift();
      if (starts.length < options.perSecond) {
        starts.push(now);
        return;
      }
      await options.sleep(Math.max(1, (starts[0] ?? now) + windowMs - now));
    }
    throw new Error('rate limiter: clock does not advance');
  }

  return {
    acquire() {
      const turn = queue.then(next);
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
