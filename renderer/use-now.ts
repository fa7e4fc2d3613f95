// "Now" as React state, ticking at `periodMs` from the injected clock (never Date.now here).
import { useEffect, useState } from 'react';
import type { Clock } from '../shared/clock';

export function useNowMs(clock: Clock, periodMs: number): number {
  const [now, setNow] = useState(() => clock());
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), periodMs);
    return () => clearInterval(timer);
  }, [clock, periodMs]);
  return now;
}
