// How every Live API call is made: through the process's rate limiter, with each outcome a Result, and the one
// refusal that is safe to retry (RequestLimitExceeded: the request was not executed) retried after a back-off.
import type { Clock } from '../../../shared/clock.js';
import { ok, type Result } from '../../../shared/result.js';
import { explainSignatureExpire } from './clock-skew.js';
import type { ResolvedEndpoint } from './endpoint.js';
import { classifySdkError, isRateLimited, toAppError, type LiveAction } from './error-mapping.js';
import type { RateLimiter } from './rate-limiter.js';
import type { LiveSdkClient } from './sdk-client.js';
import { lastServerDate } from './server-date.js';

/**
 * Waits before each retry after RequestLimitExceeded, plus up to as much again at random. The limiter paces this
 * process only: a refusal means other processes of the account (the tray app and a cron `taper sync`, a second
 * machine) share its 20/s. They back off on the same schedule, so the jitter must be wide enough to spread them.
 */
const BACKOFF_MS = [250, 500, 1000, 2000, 4000] as const;
/** Retries after RequestLimitExceeded unless told otherwise: one per back-off step. */
export const MAX_RATE_LIMIT_RETRIES = BACKOFF_MS.length;

export type LiveCall = <T>(action: LiveAction, invoke: () => Promise<T>) => Promise<Result<T>>;

/**
 * The one way a call is made: the SDK loaded, a rate slot taken, every outcome as a Result, a rate-limited call
 * retried after a jittered back-off, and an expired signature explained by the clock skew it shows.
 */
export function createLiveCall(deps: {
  endpoint: ResolvedEndpoint;
  loadSdk: () => Promise<LiveSdkClient>;
  limiter: RateLimiter;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  maxRetries: number;
}): LiveCall {
  const { endpoint, loadSdk, limiter, sleep, random, maxRetries } = deps;
  return async function call<T>(action: LiveAction, invoke: () => Promise<T>): Promise<Result<T>> {
    if (endpoint.unusable !== undefined) return { ok: false, error: endpoint.unusable };
    // Load the SDK before taking a rate slot: the slot is held until the answer, so ~150 ms of loading inside it
    // would only slow the burst that follows.
    await loadSdk().catch(() => undefined); // A load failure resurfaces inside `invoke`, mapped like any error.
    for (let attempt = 0; ; attempt += 1) {
      const answered = await limiter.acquire();
      const outcome = await invoke().then(
        (value) => ({ ok: true as const, value }),
        (thrown: unknown) => ({ ok: false as const, thrown }),
      );
      // The request has arrived if it ever will: from here its slot counts one window (rate-limiter.ts).
      answered();
      if (outcome.ok) return ok(outcome.value);
      const error = toAppError(classifySdkError(outcome.thrown), action, endpoint.displayHost);
      if (isRateLimited(error) && attempt < maxRetries) {
        // Safe to retry, even a create: a rate-limited request was not executed.
        const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 1000;
        await sleep(base + Math.floor(random() * base));
        continue;
      }
      if (error.code === 'AuthFailure.SignatureExpire') {
        return { ok: false, error: explainSignatureExpire(error, deps.clock(), lastServerDate(endpoint.agent)) };
      }
      return { ok: false, error };
    }
  };
}
