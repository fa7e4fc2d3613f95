import { describe, expect, it } from 'vitest';
import { CLOCK_JUMP_MS, createSchedulerLoop, DUE_INTERVAL_MS } from '../../../../electron/serve/scheduler-loop.js';

/** A wall clock, a monotonic clock and one interval timer, all moved by hand. */
function world() {
  const clocks = { wall: 1_800_000_000_000, mono: 5_000 };
  let tick: (() => void) | null = null;
  const calls: string[] = [];
  let finish: (() => void) | null = null;
  /** When set, runs stay in progress until `finishRun()`. */
  let holdRuns = false;
  const work = (name: string) => () => {
    calls.push(name);
    if (!holdRuns) return Promise.resolve();
    return new Promise<void>((resolve) => {
      finish = resolve;
    });
  };
  const jumped: number[] = [];
  const loop = createSchedulerLoop({
    resync: work('resync'),
    runDue: work('runDue'),
    wallClock: () => clocks.wall,
    monotonic: () => clocks.mono,
    timers: {
      setInterval: (callback, ms) => {
        expect(ms).toBe(DUE_INTERVAL_MS);
        tick = callback;
        return 1;
      },
      clearInterval: () => {
        tick = null;
      },
    },
    jumped: (byMs) => jumped.push(byMs),
  });
  /** One minute passes on both clocks (plus `wallExtra` on the wall clock only), then the timer fires. */
  const minute = async (wallExtra = 0, monoExtra = 0) => {
    clocks.wall += DUE_INTERVAL_MS + wallExtra;
    clocks.mono += DUE_INTERVAL_MS + monoExtra;
    tick?.();
    await Promise.resolve();
  };
  return {
    loop,
    calls,
    jumped,
    minute,
    hold: (value: boolean) => (holdRuns = value),
    finishRun: () => finish?.(),
    ticking: () => tick !== null,
  };
}

describe('createSchedulerLoop', () => {
  it('resyncs at start, then runs runDue every minute', async () => {
    const w = world();
    await w.loop.start();
    await w.minute();
    await w.minute();
    expect(w.calls).toEqual(['resync', 'runDue', 'runDue']);
    expect(w.jumped).toEqual([]);
  });

  it('resyncs after the wall clock jumps by more than 2 minutes, either way, and not for less', async () => {
    const w = world();
    await w.loop.start();
    await w.minute(CLOCK_JUMP_MS - 1_000);
    await w.minute(3 * 3_600_000);
    await w.minute(-(CLOCK_JUMP_MS + 1_000));
    expect(w.calls).toEqual(['resync', 'runDue', 'resync', 'resync']);
    expect(w.jumped).toEqual([3 * 3_600_000, -(CLOCK_JUMP_MS + 1_000)]);
  });

  it('resyncs after a suspend: the wall clock moved on while the monotonic clock stood still', async () => {
    const w = world();
    await w.loop.start();
    // Eight hours asleep: the timer fires once on wake-up, the monotonic clock saw only the minute.
    await w.minute(8 * 3_600_000);
    expect(w.calls).toEqual(['resync', 'resync']);
  });

  it('never starts a run while one is going; a jump seen meanwhile is resynced at the next tick', async () => {
    const w = world();
    w.hold(true);
    const started = w.loop.start();
    await w.minute(10 * 60_000);
    await w.minute();
    expect(w.calls).toEqual(['resync']);
    w.finishRun();
    await started;
    await w.minute();
    expect(w.calls).toEqual(['resync', 'resync']);
  });

  it('stop clears the timer and waits for the run in progress', async () => {
    const w = world();
    await w.loop.start();
    w.hold(true);
    await w.minute();
    let stopped = false;
    const stopping = w.loop.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(w.ticking()).toBe(false);
    expect(stopped).toBe(false);
    w.finishRun();
    await stopping;
    expect(stopped).toBe(true);
    expect(w.calls).toEqual(['resync', 'runDue']);
  });
});

describe('createSchedulerLoop failures', () => {
  it('a run that throws is reported and the loop goes on', async () => {
    const failures: unknown[] = [];
    let tick: (() => void) | null = null;
    let runs = 0;
    const loop = createSchedulerLoop({
      resync: () => Promise.reject(new Error('bug')),
      runDue: async () => {
        runs += 1;
      },
      wallClock: () => 0,
      monotonic: () => 0,
      timers: { setInterval: (callback) => ((tick = callback), 1), clearInterval: () => undefined },
      failed: (error) => failures.push(error),
    });
    await loop.start();
    tick!();
    await loop.stop();
    expect(failures).toEqual([new Error('bug')]);
    expect(runs).toBe(1);
  });
});
