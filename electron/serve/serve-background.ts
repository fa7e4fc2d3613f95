// What `taper serve` does on its own, without a request: the scheduler loop (a sync at start and after a clock jump,
// due links every minute) and the data-directory watcher that tells the pages about any process's writes.
import { watch } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../../shared/clock.js';
import type { AppError } from '../../shared/result.js';
import type { ShellHooks } from '../ipc/handlers.js';
import type { AppServices } from '../services/app-services.js';
import type { Logger } from '../services/logging/logger.js';
import type { ScheduleServices } from '../services/schedule/schedule-services.js';
import { watchDataDirectory, type DataWatcher } from '../shell/data-watcher.js';
import { createSchedulerLoop, type SchedulerLoop } from './scheduler-loop.js';

export interface ServeBackgroundDeps {
  dataDir: string;
  services: AppServices;
  schedule: ScheduleServices;
  hooks: ShellHooks;
  clock: Clock;
  log: Logger;
  callFailed(error: AppError): void;
}

export interface ServeBackground {
  /** Not started yet: the caller starts it once the server listens. */
  loop: SchedulerLoop;
  dataWatcher: DataWatcher;
}

export function createServeBackground(deps: ServeBackgroundDeps): ServeBackground {
  const { services, hooks, clock, log, callFailed } = deps;
  const { scheduler } = deps.schedule;
  // As in main: planned links and series occurrences are created once within reach; a missed one is an alert.
  const runDue = async () => {
    const due = await scheduler.runDue();
    if (!due.ok) return callFailed(due.error);
    for (const link of due.value.newAlerts) if (link.error) callFailed(link.error);
    const created = due.value.events.filter((event) => event.kind === 'created').length;
    if (created > 0) log.info(`scheduler: ${created} planned task(s) created`);
    // What it created or missed reaches the pages through the data watcher.
  };
  const resync = async () => {
    const report = await services.sync.run();
    if (!report.ok) log.warn(`sync failed: ${report.error.code}`);
    await runDue();
  };
  const loop = createSchedulerLoop({
    resync,
    runDue,
    wallClock: clock,
    monotonic: () => performance.now(),
    timers: {
      setInterval: (callback, ms) => setInterval(callback, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    },
    jumped: (byMs) =>
      log.info(`the clock jumped by ${Math.round(byMs / 1000)} s (set, or the machine slept): syncing again`),
    failed: (error) => log.error('scheduler run threw', error),
  });
  // Every write to the history or the plans, by this process or another (`taper record`, cron), reaches the pages.
  const dataWatcher = watchDataDirectory({
    directory: deps.dataDir,
    watch: (directory, listener) => watch(directory, { persistent: false }, listener),
    onChange: (changes) => {
      if (changes.has('history')) hooks.historyChanged();
      if (changes.has('plans')) hooks.plansChanged();
    },
    warn: log.warn,
  });
  return { loop, dataWatcher };
}
