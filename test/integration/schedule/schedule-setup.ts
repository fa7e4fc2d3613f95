// Real services (history files, plans.json, the live client with its 20/s limiter) against the loopback simulator,
// with a clock that runs at real speed from an offset the test can jump (so the limiters still see time pass).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { createTaperCore } from '../../../electron/services/taper-core.js';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';

export interface JumpClock {
  clock: () => number;
  /** Moves "now" to `unix` seconds; time keeps running from there. */
  jumpTo(unix: number): void;
  now(): number;
}

/**
 * The SDK signs requests with the process's own Date, and the simulator rejects a signature more than 5 minutes off
 * its clock: so a jump also moves the process's Date (vi fake timers faking Date only; timers stay real). The clock
 * itself runs on performance.now(), so it keeps advancing for the rate limiters between jumps.
 */
export function jumpClock(startUnix: number): JumpClock {
  vi.useFakeTimers({ toFake: ['Date'] });
  let baseMs = 0;
  let basePerf = 0;
  const clock = () => Math.floor(baseMs + (performance.now() - basePerf));
  const jumpTo = (unix: number) => {
    baseMs = unix * 1000;
    basePerf = performance.now();
    vi.setSystemTime(baseMs);
  };
  jumpTo(startUnix);
  afterAll(() => void vi.useRealTimers());
  return { clock, jumpTo, now: () => Math.floor(clock() / 1000) };
}

/** One simulator per file whose platform clock is `time` (so its 6-day rule follows the test's jumps). */
export function useSimulator(time: JumpClock): { simulator: Simulator } {
  const holder = {} as { simulator: Simulator };
  beforeAll(async () => {
    holder.simulator = await startSimulator({ accounts: [DEMO_ACCOUNT], clock: time.clock });
  });
  afterAll(async () => {
    await holder.simulator.close();
  });
  return holder;
}

export function environment(endpoint: string): Record<string, string> {
  return {
    TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
    TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
    TAPER_ENDPOINT: endpoint,
    TAPER_TIMEOUT_SECONDS: '10',
  };
}

/** The services of one "app start": a restart is a second call on the same directory. */
export async function startApp(dataDir: string, endpoint: string, time: JumpClock) {
  const { services, schedule } = await createTaperCore({ env: environment(endpoint), clock: time.clock, dataDir });
  return { services, ...schedule };
}

export const freshDataDir = () => mkdtemp(join(tmpdir(), 'taper-schedule-'));
