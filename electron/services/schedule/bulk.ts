// Many creates at once (a CSV, a series): a few at a time so the process-wide rate limiter (20/s, with retries of
// RequestLimitExceeded in the live client) is the only pacing, and an exact report of what became of each request.
import type { RecordRequest, Warning } from '../../../shared/domain.js';
import type { AppError, Result } from '../../../shared/result.js';
import type { AccountOptions } from '../app-services.js';
import type { Scheduler } from './scheduler.js';

export {
  parseImportCsv,
  type ImportProblem,
  type ImportRow,
  type ParsedImport,
} from '../../../shared/schedule/import-csv.js';

/** What one successful create of a bulk job produced. */
export interface BulkCreated {
  /** Recording id grouping the item's links. */
  recordingId: string;
  /** TaskIds created (or found already covering the window) now. */
  taskIds: string[];
  /** Links kept for later (far ahead). */
  plannedLinks: number;
  /** Links whose create has an unknown outcome (sync decides). */
  pendingLinks: number;
  warnings: Warning[];
}

/** The outcome of one request, at its index in the input. */
export interface BulkItem {
  /** Index in the requests given to createMany. */
  index: number;
  request: RecordRequest;
  /** `created`: done (maybe partly planned); `unknown`: an outcome is unknown; `failed`: refused or invalid. */
  status: 'created' | 'unknown' | 'failed';
  /** Present when status is created (or unknown with something already created). */
  created: BulkCreated | null;
  error: AppError | null;
}

export interface BulkReport {
  items: BulkItem[];
  created: number;
  unknown: number;
  failed: number;
}

export interface BulkOptions {
  /** Creates one request (the scheduler's record, through schedulerCreate). */
  create(request: RecordRequest): Promise<Result<BulkCreated>>;
  /** Called after each item with the count done so far. */
  onProgress?(done: number, total: number): void;
  /** Items in flight at once, 1..8; default 4 (keeps the limiter busy at ~20/s over a loopback or a real network). */
  concurrency?: number;
}

/** Runs every request, `concurrency` at a time; never throws, the report has one item per request in input order. */
export async function createMany(requests: readonly RecordRequest[], options: BulkOptions): Promise<BulkReport> {
  const total = requests.length;
  const items: BulkItem[] = new Array<BulkItem>(total);
  const workers = Math.max(1, Math.min(8, Math.floor(options.concurrency ?? 4)));
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    // Bounded: each pass takes one index, and there are `total` of them.
    while (next < total) {
      const index = next;
      next += 1;
      const request = requests[index] as RecordRequest;
      let outcome: Result<BulkCreated>;
      try {
        outcome = await options.create(request);
      } catch (thrown) {
        outcome = {
          ok: false,
          error: {
            code: 'Taper.Ipc.Internal',
            message: thrown instanceof Error ? thrown.message : 'unexpected failure',
          },
        };
      }
      items[index] = outcome.ok
        ? {
            index,
            request,
            status: outcome.value.pendingLinks > 0 ? 'unknown' : 'created',
            created: outcome.value,
            error: null,
          }
        : {
            index,
            request,
            status: isUnknown(outcome.error) ? 'unknown' : 'failed',
            created: null,
            error: outcome.error,
          };
      done += 1;
      options.onProgress?.(done, total);
    }
  }
  await Promise.all(Array.from({ length: Math.min(workers, Math.max(total, 1)) }, () => worker()));
  return {
    items,
    created: items.filter((item) => item.status === 'created').length,
    unknown: items.filter((item) => item.status === 'unknown').length,
    failed: items.filter((item) => item.status === 'failed').length,
  };
}

const UNKNOWN_CODES: ReadonlySet<string> = new Set([
  'Taper.UnknownOutcome',
  'Taper.Timeout',
  'Taper.HttpError',
  'Taper.InvalidResponse',
]);
const isUnknown = (error: AppError) => UNKNOWN_CODES.has(error.code);
/** Whether a create's error leaves its outcome unknown (the task may exist; sync decides). */
export const isUnknownOutcome = isUnknown;

/** Adapts the scheduler to createMany: windows of any length and distance, each checked against history first. */
export function schedulerCreate(scheduler: Scheduler, options?: AccountOptions): BulkOptions['create'] {
  return async (request) => {
    const scheduled = await scheduler.record(request, options);
    if (!scheduled.ok) return scheduled;
    const { recordingId, events, planned, warnings } = scheduled.value;
    const failed = events.find((happened) => happened.kind === 'failed' || happened.kind === 'deferred');
    const taskIds = events.flatMap((happened) =>
      (happened.kind === 'created' || happened.kind === 'adopted') && happened.link.taskId
        ? [happened.link.taskId]
        : [],
    );
    if (failed?.error && taskIds.length === 0) return { ok: false, error: failed.error };
    const adopted = events
      .filter((happened) => happened.kind === 'adopted')
      .map((happened) => ({
        code: 'Schedule.AlreadyExists',
        message: `Link ${happened.link.index + 1}: a task already covers it (${happened.link.taskId ?? 'outcome unknown'}); nothing was sent.`,
      }));
    return {
      ok: true,
      value: {
        recordingId,
        taskIds,
        plannedLinks: planned.length,
        pendingLinks: events.filter((happened) => happened.kind === 'pending-sync').length,
        warnings: [
          ...warnings,
          ...adopted,
          ...(failed?.error
            ? [{ code: failed.error.code, message: `Link ${failed.link.index + 1}: ${failed.error.message}` }]
            : []),
        ],
      },
    };
  };
}
