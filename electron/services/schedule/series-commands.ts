// Adding, changing and removing series, and cancelling or moving one occurrence. Each change is computed on the
// plans under their lock (shared/schedule/series-changes.ts, occurrence-change.ts); what was already sent is kept,
// and a task of an occurrence that is cancelled or moved is deleted first, so a show is never recorded twice.
import { unixSeconds } from '../../../shared/clock.js';
import type { Warning } from '../../../shared/domain.js';
import { invalidRequest } from '../../../shared/errors/invalid-input.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';
import type { LinkEvent } from '../../../shared/schedule/link-events.js';
import { applyOccurrenceEdit, occurrenceChange, sameWindow } from '../../../shared/schedule/occurrence-change.js';
import { occurrenceRecordingId } from '../../../shared/schedule/planned-recordings.js';
import type { StoredSeries } from '../../../shared/schedule/plans.js';
import type { RecordingAction } from '../../../shared/schedule/recording-targets.js';
import { ScheduleErrorCode, seriesNotFound } from '../../../shared/schedule/schedule-errors.js';
import { parseDate, type Occurrence, type OccurrenceOverride } from '../../../shared/schedule/series.js';
import {
  applySeriesUpdate,
  cancelDate,
  patchedSeries,
  removeSeriesFrom,
  seriesToAdd,
  storedSeries,
  type KeptOccurrence,
  type NewSeries,
  type SeriesPatch,
  type SeriesRemoval,
} from '../../../shared/schedule/series-changes.js';
import { seriesOverlapWarnings } from '../../../shared/schedule/series-overlap.js';
import type { AccountOptions } from '../app-services.js';
import { advance, type LinkRunnerDeps } from './link-runner.js';
import { deleteRecording } from './recording-actions.js';

export type SeriesCommandDeps = LinkRunnerDeps & { newId: () => string };

export interface SeriesUpdate {
  series: StoredSeries;
  /** Occurrences not sent yet whose planned links were dropped: they follow the new schedule from the next run. */
  replanned: number;
  /** Occurrences already created (or pending sync): kept, and their dates are not planned again. */
  kept: KeptOccurrence[];
  warnings: Warning[];
}

/** What editOccurrence did: the old window's tasks deleted (or not), the new window planned and created if in reach. */
export interface OccurrenceEdit {
  /** False when deleting a task of the old window failed (see `actions`): nothing was changed, try again. */
  moved: boolean;
  series: StoredSeries;
  /** The occurrence's window after the edit (when `moved`), else the one it keeps. */
  occurrence: Occurrence;
  /** What was done to the old window's links: planned ones cancelled, created tasks deleted. */
  actions: RecordingAction[];
  /** What happened to the new window's link(s) now; empty while it is beyond reach (it stays planned). */
  events: LinkEvent[];
  warnings: Warning[];
}

export async function addSeries(
  deps: SeriesCommandDeps,
  input: NewSeries,
  options?: AccountOptions,
): Promise<Result<{ series: StoredSeries; warnings: Warning[] }>> {
  const now = unixSeconds(deps.clock);
  const series = seriesToAdd(input, deps.newId(), now);
  if (!series.ok) return series;
  return deps.plans.transact(async (document) => {
    const credentials = { profile: options?.profile ?? null, region: options?.region ?? null };
    const stored = storedSeries(series.value, credentials, now);
    // Overlap rules apply to whole series: another series on the same stream sharing time in the next four weeks.
    const warnings = seriesOverlapWarnings(stored, document.series, now);
    document.series.push(stored);
    return { document, result: ok({ series: stored, warnings }) };
  });
}

/** Removes the series and its links not yet created; tasks already created are kept (listed). */
export function removeSeries(deps: SeriesCommandDeps, id: string): Promise<Result<SeriesRemoval>> {
  return deps.plans.transact(async (document) => ({ document, result: removeSeriesFrom(document, id) }));
}

/** Cancels one occurrence (local date `YYYY-MM-DD`); a task already created for it is deleted. */
export async function cancelOccurrence(
  deps: SeriesCommandDeps,
  seriesId: string,
  date: string,
  options?: AccountOptions,
): Promise<Result<{ actions: RecordingAction[] }>> {
  if (parseDate(date) === null) return invalidRequest(`"${date}" is not a date YYYY-MM-DD.`);
  const changed = await deps.plans.transact(async (document) => ({
    document,
    result: cancelDate(document, seriesId, date),
  }));
  if (!changed.ok) return changed;
  const removed = await deleteRecording(deps, occurrenceRecordingId(seriesId, date), options);
  // An occurrence not planned yet has nothing to delete: the cancelled date keeps it from ever being planned.
  if (!removed.ok && removed.error.code === ScheduleErrorCode.NotFound) return ok({ actions: [] });
  return removed.ok ? ok({ actions: removed.value }) : removed;
}

/** Changes a series: what was not sent follows the new schedule, what was sent (or is pending sync) is kept. */
export async function updateSeries(
  deps: SeriesCommandDeps,
  id: string,
  patch: SeriesPatch,
): Promise<Result<SeriesUpdate>> {
  return deps.plans.transact<SeriesUpdate>(async (document) => {
    const current = document.series.find((candidate) => candidate.id === id);
    if (!current) return { document, result: seriesNotFound(id) };
    const now = unixSeconds(deps.clock);
    const next = patchedSeries(current, patch, now);
    if (!next.ok) return { document, result: next };
    // Read under the plans lock: a link created by a run that held it before us is in the history by now.
    const listed = await deps.history.list();
    if (!listed.ok) return { document, result: listed };
    const { replanned, kept, warnings } = applySeriesUpdate(document, current, next.value, listed.value, now);
    return { document, result: ok({ series: next.value, replanned, kept, warnings }) };
  });
}

/** Moves or lengthens one occurrence: its old window's tasks are deleted first, then the new window is planned. */
export async function editOccurrence(
  deps: SeriesCommandDeps,
  seriesId: string,
  date: string,
  patch: OccurrenceOverride,
  options?: AccountOptions,
): Promise<Result<OccurrenceEdit>> {
  if (patch.startWallTime === undefined && patch.durationSeconds === undefined)
    return invalidRequest('Nothing to change: give a start time and/or a length.');
  const read = await deps.plans.read();
  if (!read.ok) return read;
  const current = read.value.series.find((candidate) => candidate.id === seriesId);
  if (!current) return seriesNotFound(seriesId);
  const checked = occurrenceChange(current, date, patch, unixSeconds(deps.clock));
  if (!checked.ok) return checked;
  const unmoved: OccurrenceEdit = {
    moved: true,
    series: current,
    occurrence: checked.value.before,
    actions: [],
    events: [],
    warnings: [],
  };
  if (sameWindow(checked.value)) return ok(unmoved);
  const recordingId = occurrenceRecordingId(seriesId, date);
  const old = read.value.recordings.find((recording) => recording.recordingId === recordingId);
  if (old?.links.some((link) => link.status === 'pending-sync')) {
    return err(
      LocalErrorCode.UnknownOutcome,
      `The task of ${date} has an unknown outcome: run taper sync, then change the occurrence.`,
    );
  }
  // The old window goes first, as cancelOccurrence does: planned links cancelled, created tasks deleted.
  const removed = await deleteRecording(deps, recordingId, options);
  if (!removed.ok && removed.error.code !== ScheduleErrorCode.NotFound) return removed;
  const actions = removed.ok ? removed.value : [];
  // A task that could not be deleted still records the old window: moving now would record the show twice.
  if (actions.some((action) => action.error !== null)) return ok({ ...unmoved, moved: false, actions });
  return moveOccurrence(deps, seriesId, date, patch, actions, options);
}

/** Keeps the change under the plans lock and creates the new window's links when within reach. */
async function moveOccurrence(
  deps: SeriesCommandDeps,
  seriesId: string,
  date: string,
  patch: OccurrenceOverride,
  actions: RecordingAction[],
  options: AccountOptions | undefined,
): Promise<Result<OccurrenceEdit>> {
  return deps.plans.transact<OccurrenceEdit>(async (document, save) => {
    const now = unixSeconds(deps.clock);
    const applied = applyOccurrenceEdit(document, seriesId, date, patch, now);
    if (!applied.ok) return { document, result: applied };
    const { series, occurrence, recording, warnings } = applied.value;
    const result = (events: LinkEvent[], extra: Warning[] = []) =>
      ok<OccurrenceEdit>({ moved: true, series, occurrence, actions, events, warnings: [...warnings, ...extra] });
    if (recording === null) return { document, result: result([]) };
    await save(document);
    // Read after the old task was deleted and under the plans lock, so the covering check sees it gone.
    const listed = await deps.history.list();
    if (!listed.ok) {
      const notYet = `Not created yet (${listed.error.message}); the app or taper sync creates it.`;
      return { document, result: result([], [{ code: listed.error.code, message: notYet }]) };
    }
    const context = { now, entries: [...listed.value], fallback: options };
    const events = await advance(deps, [recording], context, document, save);
    return { document, result: result(events) };
  });
}
