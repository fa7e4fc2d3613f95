// Scheduling past the API's limits: windows over 24 h become chains of links, windows beyond the 6-day reach are kept
// as plans and created when they come within reach, weekly series keep their occurrences created ahead. Every link
// goes through the RecordService (validation, history written before the call, unknown outcomes), and before any
// link is created the history (and DescribeRecordTask, when given) is searched for a task that already covers it.
//
// This file wires the parts: link-runner.ts (record, runDue: creating due links), series-commands.ts (series and
// their occurrences), recording-actions.ts (stop, delete, acknowledge). What they compute on plans without I/O is in
// shared/schedule/ (planned-recordings, link-events, record-check, series-changes, occurrence-change,
// recording-targets), tested on its own.
import { randomUUID } from 'node:crypto';
import type { RecordRequest, Warning } from '../../../shared/domain.js';
import { ok, type Result } from '../../../shared/result.js';
import type { DueReport, ScheduledRecording } from '../../../shared/schedule/link-events.js';
import { openAlerts } from '../../../shared/schedule/planned-recordings.js';
import type { PlannedLink, PlannedRecording, PlansDocument, StoredSeries } from '../../../shared/schedule/plans.js';
import type { RecordingAction } from '../../../shared/schedule/recording-targets.js';
import type { OccurrenceOverride } from '../../../shared/schedule/series.js';
import type { NewSeries, SeriesPatch } from '../../../shared/schedule/series-changes.js';
import type { AccountOptions } from '../app-services.js';
import { recordWindow, runDue, type LinkRunnerDeps } from './link-runner.js';
import type { PlanStore } from './plan-store.js';
import { acknowledgeAlerts, deleteRecording, stopRecording } from './recording-actions.js';
import {
  addSeries,
  cancelOccurrence,
  editOccurrence,
  removeSeries,
  updateSeries,
  type OccurrenceEdit,
  type SeriesUpdate,
} from './series-commands.js';

export { ScheduleErrorCode } from '../../../shared/schedule/schedule-errors.js';
export type { DueReport, LinkEvent, LinkEventKind, ScheduledRecording } from '../../../shared/schedule/link-events.js';
export type { RecordingAction } from '../../../shared/schedule/recording-targets.js';
export type { KeptOccurrence, NewSeries, SeriesPatch } from '../../../shared/schedule/series-changes.js';
export type { OccurrenceEdit, SeriesUpdate } from './series-commands.js';

export interface SchedulerDeps extends LinkRunnerDeps {
  /** New recording and series ids; default random UUIDs. */
  newId?: () => string;
}

export interface Scheduler {
  /** Records a window of any length starting at any time: creates the links within reach now, plans the rest. */
  record(request: RecordRequest, options?: AccountOptions): Promise<Result<ScheduledRecording>>;
  /** Creates what has come within reach, records the rest of what has begun, reports what was missed. Idempotent. */
  runDue(options?: AccountOptions): Promise<Result<DueReport>>;
  addSeries(input: NewSeries, options?: AccountOptions): Promise<Result<{ series: StoredSeries; warnings: Warning[] }>>;
  listSeries(): Promise<Result<StoredSeries[]>>;
  /** Removes the series and its links not yet created; tasks already created are kept (listed). */
  removeSeries(id: string): Promise<Result<{ series: StoredSeries; cancelledLinks: number; keptTaskIds: string[] }>>;
  /** Cancels one occurrence (local date `YYYY-MM-DD`); a task already created for it is deleted. */
  cancelOccurrence(
    seriesId: string,
    date: string,
    options?: AccountOptions,
  ): Promise<Result<{ actions: RecordingAction[] }>>;
  /**
   * Changes a series. Occurrences not sent yet follow the new schedule (their planned links are re-planned by the
   * next runDue); occurrences already created or pending sync are kept as they are and reported, and their dates are
   * not planned a second time. A planned link the history shows was already sent (a crash before the plans were
   * saved) counts as sent.
   */
  updateSeries(id: string, patch: SeriesPatch): Promise<Result<SeriesUpdate>>;
  /**
   * Moves or lengthens one occurrence (local date `YYYY-MM-DD`): the change is kept as an override of that date, a
   * task already created for the old window is deleted, and the new window is planned, created at once when within
   * reach (with the usual "never twice" checks). A date that is not an occurrence is InvalidInput; one whose create
   * has an unknown outcome must be synced first.
   */
  editOccurrence(
    seriesId: string,
    date: string,
    patch: OccurrenceOverride,
    options?: AccountOptions,
  ): Promise<Result<OccurrenceEdit>>;
  /** Planned recordings (including created, missed and failed links still kept). */
  listPlans(): Promise<Result<PlannedRecording[]>>;
  /** Stops the recording now: the running link is stopped, later links deleted, planned ones cancelled. */
  stopRecording(recordingId: string, options?: AccountOptions): Promise<Result<RecordingAction[]>>;
  /** Deletes every link's task and cancels the planned ones. */
  deleteRecording(recordingId: string, options?: AccountOptions): Promise<Result<RecordingAction[]>>;
  /** Missed or failed links not acknowledged yet (what runDue reports as `alerts`), without running anything. */
  listAlerts(): Promise<Result<PlannedLink[]>>;
  /**
   * Marks the open alerts of these recordings (every open alert when `recordingIds` is 'all') as seen: they stop
   * being repeated. Unknown ids are an error (nothing is changed); returns the links acknowledged now.
   */
  acknowledgeAlerts(recordingIds: readonly string[] | 'all'): Promise<Result<PlannedLink[]>>;
}

/** A read-only view of plans.json (no lock: the file only changes by atomic rename). */
const fromPlans =
  <T>(plans: PlanStore, pick: (document: PlansDocument) => T) =>
  async (): Promise<Result<T>> => {
    const read = await plans.read();
    return read.ok ? ok(pick(read.value)) : read;
  };

export function createScheduler(deps: SchedulerDeps): Scheduler {
  // Wrapped: reading the export at construction would load node:crypto in commands that only read (build/build.mjs).
  const parts = { ...deps, newId: deps.newId ?? (() => randomUUID()) };
  return {
    record: (request, options) => recordWindow(parts, request, options),
    runDue: (options) => runDue(parts, options),
    addSeries: (input, options) => addSeries(parts, input, options),
    listSeries: fromPlans(deps.plans, (document) => document.series),
    removeSeries: (id) => removeSeries(parts, id),
    cancelOccurrence: (seriesId, date, options) => cancelOccurrence(parts, seriesId, date, options),
    updateSeries: (id, patch) => updateSeries(parts, id, patch),
    editOccurrence: (seriesId, date, patch, options) => editOccurrence(parts, seriesId, date, patch, options),
    listPlans: fromPlans(deps.plans, (document) => document.recordings),
    stopRecording: (recordingId, options) => stopRecording(parts, recordingId, options),
    deleteRecording: (recordingId, options) => deleteRecording(parts, recordingId, options),
    listAlerts: fromPlans(deps.plans, openAlerts),
    acknowledgeAlerts: (recordingIds) => acknowledgeAlerts(parts, recordingIds),
  };
}
