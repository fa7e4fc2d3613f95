// One occurrence moved or lengthened: the change is kept as an override of its date, so the series stays one weekly
// rule with exceptions, and the next plan of that date follows the override.
import type { Warning } from '../domain.js';
import { invalidInput, invalidRequest, problemsText } from '../errors/invalid-input.js';
import { ok, type Result } from '../result.js';
import { MAX_START_AHEAD_SECONDS } from '../rules/limits.js';
import type { PlannedRecording, PlansDocument, StoredSeries } from './plans.js';
import { occurrenceRecording, occurrenceRecordingId } from './planned-recordings.js';
import { seriesNotFound } from './schedule-errors.js';
import {
  localDate,
  notAnOccurrence,
  occurrenceOn,
  validateSeries,
  type Occurrence,
  type OccurrenceOverride,
} from './series.js';
import { occurrenceOverlapWarnings } from './series-overlap.js';

/** Overrides of dates this long gone no longer matter: dropped so the list stays short. */
const KEEP_OVERRIDES_SECONDS = 14 * 86_400;

export interface OccurrenceChange {
  /** The series with the override of the date. */
  next: StoredSeries;
  /** The occurrence's window before the change. */
  before: Occurrence;
  /** Its window after. */
  after: Occurrence;
}

/** The series with `patch` kept as the override of `date`, its old and new window; InvalidInput when it may not be. */
export function occurrenceChange(
  series: StoredSeries,
  date: string,
  patch: OccurrenceOverride,
  now: number,
): Result<OccurrenceChange> {
  const why = notAnOccurrence(series, date);
  if (why !== null) return invalidRequest(why);
  const before = occurrenceOn(series, date);
  if (before === null)
    return invalidRequest(`The series ${series.id} cannot be read: ${problemsText(validateSeries(series))}`);
  if (before.endTime <= now) return invalidRequest(`The occurrence of ${date} is already over.`);
  const next: StoredSeries = { ...series, overrides: overridesWith(series, date, patch, now) };
  if (Object.keys(next.overrides ?? {}).length === 0) delete next.overrides;
  const problems = validateSeries(next);
  if (problems.length > 0) return invalidInput(problems);
  const after = occurrenceOn(next, date) as Occurrence;
  if (after.endTime <= now) return invalidRequest(`The new window of ${date} would already be over.`);
  return ok({ next, before, after });
}

/** The series' overrides with `patch` merged into the one of `date`, minus what no longer changes anything. */
function overridesWith(
  series: StoredSeries,
  date: string,
  patch: OccurrenceOverride,
  now: number,
): Record<string, OccurrenceOverride> {
  // Fields equal to the series' own are dropped: an occurrence moved back to the usual time is no longer "changed".
  const merged: OccurrenceOverride = {
    ...series.overrides?.[date],
    ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
  };
  const override: OccurrenceOverride = {
    ...(merged.startWallTime === undefined || merged.startWallTime === series.startWallTime
      ? {}
      : { startWallTime: merged.startWallTime }),
    ...(merged.durationSeconds === undefined || merged.durationSeconds === series.durationSeconds
      ? {}
      : { durationSeconds: merged.durationSeconds }),
  };
  const oldest = localDate(now - KEEP_OVERRIDES_SECONDS, series.timeZone);
  return Object.fromEntries(
    Object.entries({ ...series.overrides, [date]: override }).filter(
      ([day, value]) => day >= oldest && (value.startWallTime !== undefined || value.durationSeconds !== undefined),
    ),
  );
}

/** Whether a change leaves the occurrence's window where it was (nothing to delete or create). */
export const sameWindow = (change: OccurrenceChange): boolean =>
  change.before.startTime === change.after.startTime && change.before.endTime === change.after.endTime;

export interface AppliedEdit {
  series: StoredSeries;
  /** The occurrence's new window. */
  occurrence: Occurrence;
  /** The new window's planned recording, in the document; null while it is beyond reach (planned when it comes). */
  recording: PlannedRecording | null;
  warnings: Warning[];
}

/**
 * Keeps the change of `date` in the document: the series gets the override, the occurrence's old recording is
 * dropped (its tasks must be gone already) and the new window is planned, unless beyond reach.
 */
export function applyOccurrenceEdit(
  document: PlansDocument,
  seriesId: string,
  date: string,
  patch: OccurrenceOverride,
  now: number,
): Result<AppliedEdit> {
  const series = document.series.find((candidate) => candidate.id === seriesId);
  if (!series) return seriesNotFound(seriesId);
  // Checked on this document: the series may have changed since the caller last read it.
  const change = occurrenceChange(series, date, patch, now);
  if (!change.ok) return change;
  const { next, after: occurrence } = change.value;
  const recordingId = occurrenceRecordingId(seriesId, date);
  document.series = document.series.map((candidate) => (candidate.id === seriesId ? next : candidate));
  document.recordings = document.recordings.filter((recording) => recording.recordingId !== recordingId);
  const warnings = occurrenceOverlapWarnings(next, occurrence, document.series);
  if (occurrence.startTime > now + MAX_START_AHEAD_SECONDS) {
    // Beyond reach: materializeSeries plans it when its time comes (coveredUntil must not have passed it).
    next.coveredUntil = Math.min(next.coveredUntil, occurrence.startTime);
    return ok({ series: next, occurrence, recording: null, warnings });
  }
  const recording = occurrenceRecording(next, occurrence, now);
  document.recordings.push(recording);
  return ok({ series: next, occurrence, recording, warnings });
}
