// The tray app's scheduler timers, for a process without Electron: runDue every minute, and a full resync (sync, then
// runDue) at start and after the clock jumped. Electron reports a resume (powerMonitor); plain Node does not, but a
// suspended machine's monotonic clock stands still while the wall clock moves on, so a resume shows as a jump too:
// each tick compares how far the wall clock and the monotonic clock moved since the last one.
export interface LoopTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface SchedulerLoopDeps {
  /** services.sync.run, then runDue (main's `resync`). Never throws: failures are values the caller logs. */
  resync(): Promise<void>;
  /** scheduler.runDue with its reporting. Never throws. */
  runDue(): Promise<void>;
  /** Epoch ms (Date.now). */
  wallClock(): number;
  /** Monotonic ms (performance.now): does not move when the wall clock is set, nor while suspended. */
  monotonic(): number;
  timers: LoopTimers;
  /** Default 60 s, as in the app. */
  intervalMs?: number;
  /** A disagreement beyond this is a jump; default 2 minutes. */
  jumpMs?: number;
  /** Told about a jump (for the log). */
  jumped?(byMs: number): void;
  /** A run threw (a bug: runs answer values): logged, and the loop goes on. */
  failed?(error: unknown): void;
}

export interface SchedulerLoop {
  /** Runs the start-up resync now and starts the timer. Resolves once that first resync is done. */
  start(): Promise<void>;
  /** Stops the timer; resolves once a run in progress has finished (its creates complete). */
  stop(): Promise<void>;
}

export const DUE_INTERVAL_MS = 60_000;
export const CLOCK_JUMP_MS = 120_000;

export function createSchedulerLoop(deps: SchedulerLoopDeps): SchedulerLoop {
  const intervalMs = deps.intervalMs ?? DUE_INTERVAL_MS;
  const jumpMs = deps.jumpMs ?? CLOCK_JUMP_MS;
  let handle: unknown = null;
  let running: Promise<void> | null = null;
  /** A jump seen while a run was still going: the next tick resyncs. */
  let resyncOwed = false;
  let last = { wall: 0, mono: 0 };

  const run = (work: () => Promise<void>): Promise<void> => {
    const current = work()
      .catch((error: unknown) => deps.failed?.(error))
      .finally(() => {
        if (running === current) running = null;
      });
    running = current;
    return current;
  };

  const tick = () => {
    const now = { wall: deps.wallClock(), mono: deps.monotonic() };
    const drift = now.wall - last.wall - (now.mono - last.mono);
    last = now;
    if (Math.abs(drift) > jumpMs) {
      deps.jumped?.(drift);
      resyncOwed = true;
    }
    // Never two runs at once from this loop (the plans lock would serialise them anyway): a long run skips a tick.
    if (running !== null) return;
    const resync = resyncOwed;
    resyncOwed = false;
    void run(resync ? deps.resync : deps.runDue);
  };

  return {
    start() {
      last = { wall: deps.wallClock(), mono: deps.monotonic() };
      handle = deps.timers.setInterval(tick, intervalMs);
      return run(deps.resync);
    },
    async stop() {
      if (handle !== null) deps.timers.clearInterval(handle);
      handle = null;
      await running;
    },
  };
}
