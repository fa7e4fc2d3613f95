// The app's background work (Electron Fiddle's `setupX()` per feature): the scheduler's due run, the settling of
// ended windows from their files, the resync after sleep, and their timers. What they write reaches the windows and
// the tray through the data watcher (data-watcher.ts), so nothing here announces a change by hand.
import type { Clock } from '../../shared/clock.js';
import type { AppError } from '../../shared/result.js';
import type { HistoryEntry } from '../../shared/history.js';
import type { AppServices } from '../services/app-services.js';
import type { ProxyFor } from '../services/live-api/proxy.js';
import { filesApiFactory } from '../services/recording-files/files-api-factory.js';
import { settleOutcomes } from '../services/recording-files/settle-outcomes.js';
import type { ScheduleServices } from '../services/schedule/schedule-services.js';

/** Re-render the tray (time left) and rebuild notification timers this often. */
export const TICK_MS = 30_000;
/** Check planned recordings this often: a link comes within reach 6 days ahead, so a minute is plenty. */
export const DUE_MS = 60_000;
/** Ended windows are looked up this often (files are listed ~5 min after a window ends). */
export const SETTLE_MS = 5 * 60_000;

export interface BackgroundTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface BackgroundDeps {
  services: AppServices;
  schedule: ScheduleServices;
  proxyFor: ProxyFor;
  clock: Clock;
  timers: BackgroundTimers;
  /** A failed call: logged, kept for diagnostics and notified. */
  callFailed(error: AppError): void;
  /** A window's outcome was settled (recorded, partial, nothing): its notification. */
  outcomeSettled(entry: HistoryEntry): void;
  /** The tray's periodic render. */
  refresh(): void;
}

export interface Background {
  /** Planned links and series occurrences created once within reach; a missed one is an alert. */
  runDue(): Promise<void>;
  /** Ended windows settled from their files (one run at a time). */
  settle(): Promise<void>;
  /** Sync with the platform, then a due run and a settle (at start-up and after sleep). */
  resync(): void;
  /** Starts the timers (and a first settle). */
  start(): void;
  /** Stops the timers. */
  stop(): void;
}

export function setupBackground(deps: BackgroundDeps): Background {
  const { services, clock } = deps;
  const { scheduler } = deps.schedule;
  const runDue = async () => {
    const due = await scheduler.runDue();
    if (!due.ok) return deps.callFailed(due.error);
    for (const link of due.value.newAlerts) if (link.error) deps.callFailed(link.error);
  };
  // The files client is built on the first run, not at start-up.
  let filesApiFor: ReturnType<typeof filesApiFactory> | undefined;
  let settling = false;
  const settle = async () => {
    if (settling) return;
    settling = true;
    try {
      filesApiFor ??= filesApiFactory(services, deps.proxyFor);
      await settleOutcomes({
        history: services.history,
        filesApiFor: await filesApiFor,
        clock,
        onSettled: (entry) => deps.outcomeSettled(entry),
      });
    } finally {
      settling = false;
    }
  };
  const resync = () => {
    void services.sync.run().then(async () => {
      await runDue();
      await settle();
    });
  };
  let handles: unknown[] = [];
  return {
    runDue,
    settle,
    resync,
    start() {
      void settle();
      handles = [
        deps.timers.setInterval(() => deps.refresh(), TICK_MS),
        deps.timers.setInterval(() => void runDue(), DUE_MS),
        deps.timers.setInterval(() => void settle(), SETTLE_MS),
      ];
    },
    stop() {
      for (const handle of handles) deps.timers.clearInterval(handle);
      handles = [];
    },
  };
}
