// The one TaperApi handed down from the root (docs/style.md §10): components never read window.api.
import { createContext, useContext } from 'react';
import type { TaperApi } from '../shared/ipc/contract';
import type { Clock } from '../shared/clock';
import type { StartupLoads } from './startup-loads';

export interface Environment {
  /** The bridge to main. */
  api: TaperApi;
  /** Epoch milliseconds; injected so tests control "now". */
  clock: Clock;
  /** The operator's system zone (from Intl at the root). */
  systemTimeZone: string;
  /** The first answers, asked for before the first render (startup-loads.ts); absent in tests. */
  startup?: StartupLoads;
}

export const EnvironmentContext = createContext<Environment | null>(null);

export function useEnvironment(): Environment {
  const value = useContext(EnvironmentContext);
  if (value === null) throw new Error('useEnvironment outside <EnvironmentContext>');
  return value;
}

export function useApi(): TaperApi {
  return useEnvironment().api;
}
