// The "change one occurrence" form as plain data: start time and duration as typed → the patch `series:edit-occurrence`
// takes, every problem (the series rules, via validateSeries) and the new window as it will be recorded (DST placed).
import type { IpcRequest, OccurrenceView, SeriesSummary } from '../../shared/ipc/contract';
import {
  occurrenceOn,
  validateSeries,
  type Occurrence,
  type OccurrenceOverride,
  type Series,
} from '../../shared/schedule/series';
import { parseDuration } from '../../shared/time/duration';
import { formatUnix } from '../../shared/time/format-unix';
import { durationText } from './series-form-model';

export interface OccurrenceEditFields {
  /** `HH:MM` in the series' zone. */
  startWallTime: string;
  /** e.g. `90m`, `1h30m`. */
  duration: string;
}

export interface OccurrenceEditProblem {
  field: keyof OccurrenceEditFields;
  code: string;
  message: string;
}

export interface OccurrenceEditAnalysis {
  /** What `series:edit-occurrence` gets; null while a problem remains. */
  patch: IpcRequest<'series:edit-occurrence'>['patch'] | null;
  problems: OccurrenceEditProblem[];
  /** The window the occurrence will have; null while a problem remains. */
  window: Occurrence | null;
}

/** The form filled from the occurrence as it is now (its local start, its length). */
export function fieldsFromOccurrence(series: SeriesSummary, occurrence: OccurrenceView): OccurrenceEditFields {
  return {
    startWallTime: formatUnix(occurrence.startTime, series.timeZone).slice(11, 16),
    duration: durationText(occurrence.endTime - occurrence.startTime),
  };
}

export function analyzeOccurrenceEdit(
  series: SeriesSummary,
  date: string,
  fields: OccurrenceEditFields,
): OccurrenceEditAnalysis {
  const problems: OccurrenceEditProblem[] = [];
  const trimmed = fields.startWallTime.trim();
  const startWallTime = /^\d:\d\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
  const duration = parseDuration(fields.duration);
  if (!duration.ok) problems.push({ field: 'duration', code: duration.code, message: duration.message });
  // Each field checked alone by the series rules, so each problem lands on its own field.
  const withOverride = (override: OccurrenceOverride): Series => ({
    ...series,
    overrides: { ...series.overrides, [date]: override },
  });
  for (const problem of validateSeries(withOverride({ startWallTime })))
    problems.push({ field: 'startWallTime', code: problem.code, message: problem.message });
  if (duration.ok) {
    for (const problem of validateSeries(withOverride({ durationSeconds: duration.seconds })))
      problems.push({ field: 'duration', code: problem.code, message: problem.message });
  }
  if (problems.length > 0 || !duration.ok) return { patch: null, problems, window: null };
  const patch = { startWallTime, durationSeconds: duration.seconds };
  return { patch, problems, window: occurrenceOn(withOverride(patch), date) };
}
