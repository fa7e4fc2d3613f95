// The app suite's movable clock: register.cjs makes `Date.now()` / `new Date()` the real time plus an offset, and the
// `clock` command moves it forward (never back: a lock or a settled window must not see time run backwards). It
// answers the app's "now" after the move, in ms.
import { onCommand } from './control.js';

interface MovableClock {
  offsetMs: number;
}

onCommand('clock', ({ advanceMs }) => {
  const movable = (globalThis as Record<symbol, MovableClock | undefined>)[Symbol.for('taper.stand-in.clock')];
  if (movable === undefined) throw new Error('stand-in: no movable clock (the app was not started with register.cjs)');
  if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0)
    throw new Error(`stand-in: clock advanceMs must be a number of ms ≥ 0, not ${String(advanceMs)}`);
  movable.offsetMs += advanceMs;
  return Date.now();
});
