// Series as the user adds, changes and removes them, computed on the plans document. An occurrence already sent is
// never planned a second time: changing a series re-plans only what was not sent, removing it keeps created tasks.
import type { Warning } from '../domain.js';
import type { HistoryEntry } from '../history.js';
import { invalidInput } from '../errors/invalid-input.js';
import { ok, type Result } from '../result.js';
import { normalizeRecordRequest } from '../rules/validate-record.js';
import { coveringEntry } from './covering.js';
import type { PlannedRecording, PlansDocument, StoredSeries } from './plans.js';
import { planOccurrence } from './planned-recordings.js';
import { streamProblems } from './record-check.js';
import { seriesNotFound } from './schedule-errors.js';
import { occurrences, validateSeries, type IsoWeekday, type Series } from './series.js';
import { seriesOverlapWarnings } from './series-overlap.js';

/** A series as the user describes it; the id and bookkeeping are added by addSeries. */
export type NewSeries = Omit<Series, 'id' | 'cancelledDates' | 'name'> & { name?: string; cancelledDates?: string[] };

/** What updateSeries may change: the schedule, the template and the name (another stream is another series). */
export interface SeriesPatch {
  daysOfWeek?: IsoWeekday[];
  startWallTime?: string;
  durationSeconds?: number;
  timeZone?: string;
  /** A template id, or null to record without one. */
  templateId?: number | null;
  /** Empty: the stream name. */
  name?: string;
}

/** An occurrence sent under the old schedule: kept as it is (one task per occurrence date, never two). */
export interface KeptOccurrence {
  date: string;
  recordingId: string;
  /** Unix seconds of the kept window (the old schedule's). */
  startTime: number;
  endTime: number;
  /** TaskIds of its created links; empty while its create is pending sync. */
  taskIds: string[];
  /** `pending-sync`: a create's outcome is unknown (sync decides), so it is kept too. */
  status: 'created' | 'pending-sync';
}

/** What removing a series did to its plans. */
export interface SeriesRemoval {
  series: StoredSeries;
  /** Planned links dropped (never sent). */
  cancelledLinks: number;
  /** Tasks already created: kept, and still listed so they can be stopped as one recording. */
  keptTaskIds: string[];
}

/** The series `input` describes, under `id`, with its stream's names trimmed; InvalidInput listing every problem. */
export function seriesToAdd(input: NewSeries, id: string, now: number): Result<Series> {
  const stream = normalizeRecordRequest({ ...input.stream, endTime: now + 3_600 });
  const series: Series = {
    ...input,
    id,
    name: input.name?.trim() || stream.streamName,
    stream: { domainName: stream.domainName, appName: stream.appName, streamName: stream.streamName },
    cancelledDates: input.cancelledDates ?? [],
  };
  const problems = [
    ...streamProblems(
      {
        ...stream,
        ...(input.templateId === undefined ? {} : { templateId: input.templateId }),
        ...(input.streamType === undefined ? {} : { streamType: input.streamType }),
      },
      now,
    ),
    ...validateSeries(series),
  ];
  return problems.length > 0 ? invalidInput(problems) : ok(series);
}

/** The series as stored when added at `now`, with the credentials its tasks are created with. */
export function storedSeries(
  series: Series,
  credentials: { profile: string | null; region: string | null },
  now: number,
): StoredSeries {
  return {
    ...series,
    // An occurrence already running when the series is added is recorded for the rest of it.
    coveredUntil: now - series.durationSeconds + 1,
    profile: credentials.profile,
    region: credentials.region,
    createdAt: now,
  };
}

/** `current` with `patch` applied (undefined fields left as they are); InvalidInput listing every problem. */
export function patchedSeries(current: StoredSeries, patch: SeriesPatch, now: number): Result<StoredSeries> {
  const { templateId, name, ...schedule } = patch;
  const next: StoredSeries = {
    ...current,
    ...Object.fromEntries(Object.entries(schedule).filter(([, value]) => value !== undefined)),
  };
  if (templateId === null) delete next.templateId;
  else if (templateId !== undefined) next.templateId = templateId;
  if (name !== undefined) next.name = name.trim() || current.stream.streamName;
  const problems = [
    ...streamProblems(
      { ...current.stream, ...(next.templateId === undefined ? {} : { templateId: next.templateId }) },
      now,
    ),
    ...validateSeries(next),
  ];
  return problems.length > 0 ? invalidInput(problems) : ok(next);
}

/**
 * Replaces the series by `next` in the document: its occurrences not sent yet are dropped and planned again from now
 * by the new schedule; those sent (by the plans or, after a crash before they were saved, by the history) are kept.
 */
export function applySeriesUpdate(
  document: PlansDocument,
  current: StoredSeries,
  next: StoredSeries,
  entries: readonly HistoryEntry[],
  now: number,
): { replanned: number; kept: KeptOccurrence[]; warnings: Warning[] } {
  const cancelled = new Set(next.cancelledDates);
  const kept: KeptOccurrence[] = [];
  let replanned = 0;
  document.recordings = document.recordings.filter((recording) => {
    if (
      recording.seriesId !== current.id ||
      recording.occurrenceDate === null ||
      cancelled.has(recording.occurrenceDate)
    )
      return true;
    const notSent = recording.links.every(
      (link) => link.status === 'planned' && coveringEntry(entries, recording.stream, link) === null,
    );
    // A window that ended unsent is left for runDue to report as missed: editing must not hide an alert.
    if (notSent && recording.endTime > now) {
      replanned += 1;
      return false;
    }
    const sent = keptOccurrence(recording, entries);
    // Only what has not ended yet is news to the user; finished occurrences are simply history.
    if (sent && recording.endTime > now) kept.push(sent);
    return true;
  });
  // Plan again from now; dates that still have a recording are skipped, so a kept task is never doubled. An
  // occurrence of the new schedule already running (a lengthened one too, however long ago it began) is recorded
  // for the rest; one that has ended under the new schedule was never planned, so it is no missed alert.
  next.coveredUntil = Math.min(current.coveredUntil, now + 1);
  for (const occurrence of occurrences(next, now, now + 1)) planOccurrence(document, next, occurrence, now);
  document.series = document.series.map((candidate) => (candidate.id === current.id ? next : candidate));
  // Overlap rules apply to whole series: another series on the same stream sharing time in the next four weeks.
  const others = document.series.filter((candidate) => candidate.id !== current.id);
  return { replanned, kept, warnings: seriesOverlapWarnings(next, others, now) };
}

/** The occurrence as kept, when anything of it was sent (created, or its outcome unknown); null otherwise. */
function keptOccurrence(recording: PlannedRecording, entries: readonly HistoryEntry[]): KeptOccurrence | null {
  const sent = recording.links.map((link) => ({
    link,
    entry: link.status === 'planned' ? coveringEntry(entries, recording.stream, link) : null,
  }));
  const pending = sent.some(({ link, entry }) => link.status === 'pending-sync' || entry?.status === 'unknown');
  const taskIds = sent.flatMap(({ link, entry }) =>
    link.taskId ? [link.taskId] : entry?.taskId ? [entry.taskId] : [],
  );
  if (!pending && taskIds.length === 0) return null;
  return {
    date: recording.occurrenceDate as string,
    recordingId: recording.recordingId,
    startTime: recording.startTime,
    endTime: recording.endTime,
    taskIds,
    status: pending ? 'pending-sync' : 'created',
  };
}

/** Removes the series and its links not created yet; recordings with a task (or a pending create) stay listed. */
export function removeSeriesFrom(document: PlansDocument, id: string): Result<SeriesRemoval> {
  const series = document.series.find((candidate) => candidate.id === id);
  if (!series) return seriesNotFound(id);
  let cancelledLinks = 0;
  const keptTaskIds: string[] = [];
  document.series = document.series.filter((candidate) => candidate.id !== id);
  document.recordings = document.recordings.filter((recording) => {
    if (recording.seriesId !== id) return true;
    for (const link of recording.links) {
      if (link.status === 'planned') cancelledLinks += 1;
      if (link.taskId) keptTaskIds.push(link.taskId);
    }
    // Created and pending links stay listed so their tasks can still be stopped as one recording.
    return recording.links.some((link) => link.taskId !== null || link.status === 'pending-sync');
  });
  for (const recording of document.recordings) {
    if (recording.seriesId === id)
      for (const link of recording.links) if (link.status === 'planned') link.status = 'cancelled';
  }
  return ok({ series, cancelledLinks, keptTaskIds });
}

/** Adds `date` to the series' cancelled dates (once, sorted), so it is never planned again. */
export function cancelDate(document: PlansDocument, seriesId: string, date: string): Result<StoredSeries> {
  const series = document.series.find((candidate) => candidate.id === seriesId);
  if (!series) return seriesNotFound(seriesId);
  if (!series.cancelledDates.includes(date)) series.cancelledDates = [...series.cancelledDates, date].sort();
  return ok(series);
}
