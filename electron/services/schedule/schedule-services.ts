// Builds the scheduler on top of the app's services: createTaperCore (taper-core.ts) calls this once per process; an
// import builds its own on the same plans, with one describe for the whole file (import-run.ts).
import type { RemoteTask } from '../../../shared/live-types.js';
import { ok, type Result } from '../../../shared/result.js';
import type { AppServices, AccountOptions } from '../app-services.js';
import { createPlanStore, type PlanStore } from './plan-store.js';
import { createScheduler, type Scheduler, type SchedulerDeps } from './scheduler.js';

export interface ScheduleParts {
  /** The data directory (plans.json lives beside history.json). */
  dataDir: string;
  /** Default: a plan store in `dataDir`. */
  plans?: PlanStore;
  /** New recording and series ids; default random UUIDs. */
  newId?: () => string;
  /**
   * How to look for tasks made elsewhere before creating: default one DescribeRecordTask per link (the live client);
   * `false` to rely on the history alone; or a function (e.g. from describeSnapshot, one call for a whole import).
   */
  describe?: SchedulerDeps['describe'] | false;
}

export interface ScheduleServices {
  scheduler: Scheduler;
  plans: PlanStore;
}

export function createScheduleServices(services: AppServices, parts: ScheduleParts): ScheduleServices {
  const plans = parts.plans ?? createPlanStore({ directory: parts.dataDir });
  const scheduler = createScheduler({
    clock: services.clock,
    recorder: services.recorder,
    history: services.history,
    plans,
    ...(parts.newId ? { newId: parts.newId } : {}),
    ...(parts.describe === false ? {} : { describe: parts.describe ?? liveDescribe(services) }),
  });
  return { scheduler, plans };
}

/** DescribeRecordTask through the app's live client for the call's credentials. */
export function liveDescribe(services: AppServices): NonNullable<SchedulerDeps['describe']> {
  return async (query, options) => {
    const api = await services.liveApi(options);
    return api.ok ? api.value.describeRecordTasks(query) : api;
  };
}

/**
 * One DescribeRecordTask over [startTime, endTime] answered from memory afterwards: a bulk import then costs one
 * describe instead of one per item (which would halve its pace under the 20/s limit).
 */
export async function describeSnapshot(
  services: AppServices,
  options: AccountOptions,
  window: { startTime: number; endTime: number },
): Promise<Result<NonNullable<SchedulerDeps['describe']>>> {
  const listed = await liveDescribe(services)(window, options);
  if (!listed.ok) return listed;
  const tasks: readonly RemoteTask[] = listed.value;
  return ok(async (query) =>
    ok(
      tasks.filter(
        (task) =>
          task.endTime > query.startTime &&
          task.startTime < query.endTime &&
          (query.streamName === undefined || task.streamName === query.streamName) &&
          (query.appName === undefined || task.appName === query.appName),
      ),
    ),
  );
}
