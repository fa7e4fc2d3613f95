// Preact runs effects after the next frame, with a 100 ms timer as its fallback, and that timer calls
// cancelAnimationFrame. Once a jsdom test file ends, its window (and that function) is gone, and a timer still
// pending threw there: each jsdom file waits for those timers while its window still exists.
import { afterAll } from 'vitest';

afterAll(async () => {
  if (typeof window !== 'undefined') await new Promise((done) => setTimeout(done, 150));
});
