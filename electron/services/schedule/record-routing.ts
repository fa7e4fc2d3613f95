// A record request is one CreateRecordTask when one task can take its window now, else a chain of links made by the
// scheduler (over 24 h, or beyond the 6-day reach: the later links planned). The app's `record:create` and
// `taper record` both route here, by the rule the form's live preview uses (shared/schedule/chain-preview.ts).
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import type { RecordRequest, Warning } from '../../../shared/domain.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { toCreateRecordTaskParams, type CreateRecordTaskParams } from '../../../shared/rules/api-params.js';
import { beyondOneTask } from '../../../shared/schedule/chain-preview.js';
import type { ScheduledRecording } from '../../../shared/schedule/link-events.js';
import { splitWindow, type WindowLink } from '../../../shared/schedule/split-window.js';
import type { AccountOptions, RecordOutcome, RecordService } from '../app-services.js';
import type { Scheduler } from './scheduler.js';

/** One task, or a chain starting at `startTime` (the request's start, or now for a "now" request). */
export type RecordRoute = { kind: 'task' } | { kind: 'chain'; startTime: number };

export function routeRecord(request: RecordRequest, nowSeconds: number): RecordRoute {
  const startTime = request.startTime ?? nowSeconds;
  return beyondOneTask({ startTime, endTime: request.endTime }, nowSeconds)
    ? { kind: 'chain', startTime }
    : { kind: 'task' };
}

export interface RecordRoutingDeps {
  clock: Clock;
  recorder: RecordService;
  /** Asked for only when the request is a chain (the CLI opens the plans only then). */
  scheduler(): Scheduler | Promise<Scheduler>;
}

/** What the request became: the record service's outcome, or the scheduler's recording. */
export type RoutedRecord =
  { kind: 'task'; outcome: Result<RecordOutcome> } | { kind: 'chain'; recorded: Result<ScheduledRecording> };

/** Records `request` the way its route says; `route` defaults to the one worked out now. */
export async function recordRouted(
  deps: RecordRoutingDeps,
  request: RecordRequest,
  options: AccountOptions | undefined,
  route: RecordRoute = routeRecord(request, unixSeconds(deps.clock)),
): Promise<RoutedRecord> {
  if (route.kind === 'chain') {
    const scheduler = await deps.scheduler();
    return { kind: 'chain', recorded: await scheduler.record(request, options) };
  }
  return { kind: 'task', outcome: await deps.recorder.record(request, options) };
}

/** A chain's dry run: its links and the CreateRecordTask parameters each would be sent with. */
export interface ChainDryRun {
  links: WindowLink[];
  params: CreateRecordTaskParams[];
  warnings: Warning[];
}

export function chainDryRun(request: RecordRequest, startTime: number): Result<ChainDryRun> {
  const { links, warnings } = splitWindow(startTime, request.endTime);
  if (links.length === 0) return err(LocalErrorCode.InvalidInput, 'The end must be after the start.');
  const params = links.map((link) =>
    toCreateRecordTaskParams({ ...request, startTime: link.startTime, endTime: link.endTime }),
  );
  return ok({ links, params, warnings });
}
