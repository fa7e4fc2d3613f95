// A process-wide client-side limit: never more than N requests in any second *as the platform counts them*, so bursts
// never reach its RequestLimitExceeded. All calls of one process share one limiter.
//
// The platform counts arrivals, which the client cannot see. What it can see bounds them: a request arrives after it
// was sent and before its answer came back. So a slot is held from the start of a request until one window after its
// answer: the next request that takes it is sent, and so arrives, more than a window after the old one arrived,
// whatever the network did in between. A margin on send times instead (the first design, 50 ms) both cost 5% of the
// rate and could still be beaten by a cold connection: a burst's first request waits for its TLS handshake, the 21st
// reuses the socket, and the two arrive closer than they were sent.
import type { Clock } from '../../../shared/clock.js';

export interface RateLimiter {
  /** Resolves when one more request may start (and counts it); call the returned function once its answer or failure is in. */
  acquire(): Promise<() => void>;
}

export interface RateLimiterOptions {
  /** Requests allowed per sliding window; the platform allows 20/s per account. */
  perSecond: number;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /** Extra milliseconds added to the 1-second window after an answer: the platform's clock ticks in whole ms too. */
  marginMs?: number;
}

interface Slot {
  /** When the slot may be taken again; Infinity while its request is in flight. */
  freeAt: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windowMs = 1000 + (options.marginMs ?? 5);
  const slots: Slot[] = [];
  // Acquisitions are serialized so concurrent callers cannot both see a free slot.
  let queue: Promise<unknown> = Promise.resolve();
  // Resolved by the next answer: when every slot is in flight, that is the first moment one can come free.
  let answered: { promise: Promise<void>; resolve: () => void } | undefined;
  const nextAnswer = (): Promise<void> => {
    if (answered === undefined) {
      let resolve = (): void => undefined;
      const promise = new Promise<void>((done) => (resolve = done));
      answered = { promise, resolve };
    }
    return answered.promise;
  };

  function take(now: number): () => void {
    const slot: Slot = { freeAt: Infinity };
    slots.push(slot);
    return () => {
      if (slot.freeAt !== Infinity) return; // Released already: a second call must not move the slot.
      slot.freeAt = Math.max(now, options.clock()) + windowMs;
      const waiting = answered;
      answered = undefined;
      waiting?.resolve();
    };
  }

  async function next(): Promise<() => void> {
    // Bounded: each pass takes a slot, or sleeps until one comes free, or waits for an answer that frees one.
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      const now = options.clock();
      for (let index = slots.length - 1; index >= 0; index -= 1)
        if ((slots[index]?.freeAt ?? 0) <= now) slots.splice(index, 1);
      if (slots.length < options.perSecond) return take(now);
      const soonest = Math.min(...slots.map((slot) => slot.freeAt));
      if (soonest === Infinity) await nextAnswer();
      else await options.sleep(Math.max(1, soonest - now));
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
