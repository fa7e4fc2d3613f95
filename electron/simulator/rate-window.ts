// The platform's per-account request limit: at most N admitted requests in any sliding 1-second window.

export interface RateWindow {
  /** Records the request at `nowMs` and returns true, or returns false (not recorded) when the limit is reached. */
  admit(account: string, nowMs: number): boolean;
}

export function createRateWindow(perSecond: number): RateWindow {
  const admitted = new Map<string, number[]>();
  return {
    admit(account, nowMs) {
      const recent = (admitted.get(account) ?? []).filter((at) => at > nowMs - 1000);
      if (recent.length >= perSecond) {
        admitted.set(account, recent);
        return false;
      }
      recent.push(nowMs);
      admitted.set(account, recent);
      return true;
    },
  };
}
