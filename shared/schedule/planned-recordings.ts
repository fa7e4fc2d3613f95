// Planned recordings as plans.json keeps them: built from a request or a series occurrence, planned once per date,
// pruned when done. Pure: every function works on a document the plan store hands in, under its lock.
import type { RecordRequest } from '../domain.js';
import { MAX_START_AHEAD_SECONDS } from '../rules/limits.js';
import {
  isOpenAlert,
  type PlannedLink,
  type PlannedRecording,
  type PlansDocument,
  type StoredSeries,
} from './plans.js';
import { occurrences, type Occurrence } from './series.js';
import { splitWindow } from './split-window.js';

/** Finished plans are kept this long after their end (stop/delete still find them), open alerts longer. */
export const KEEP_DONE_SECONDS = 7 * 86_400;
export const KEEP_ALERTS_SECONDS = 90 * 86_400;

const ACTIVE: ReadonlySet<PlannedLink['status']> = new Set(['planned', 'pending-sync']);

/** A link a run still has to move forward: not created yet, or waiting for sync to learn whether it was. */
export const isActiveLink = (link: PlannedLink): boolean => ACTIVE.has(link.status);

/** The id of an occurrence's recording: one per series and date, so an occurrence is never planned twice. */
export const occurrenceRecordingId = (seriesId: string, date: string): string => `${seriesId}@${date}`;

export interface RecordingMeta {
  profile: string | null;
  region: string | null;
  seriesId: string | null;
  occurrenceDate: string | null;
  /** Unix seconds. */
  now: number;
}

/** A recording with every link of its window planned (split at the 24 h limit). */
export function newRecording(
  recordingId: string,
  request: RecordRequest & { startTime: number },
  meta: RecordingMeta,
): PlannedRecording {
  return {
    recordingId,
    stream: { domainName: request.domainName, appName: request.appName, streamName: request.streamName },
    startTime: request.startTime,
    endTime: request.endTime,
    templateId: request.templateId ?? null,
    streamType: request.streamType ?? 0,
    extension: request.extension ?? null,
    profile: meta.profile,
    region: meta.region,
    seriesId: meta.seriesId,
    occurrenceDate: meta.occurrenceDate,
    createdAt: meta.now,
    links: splitWindow(request.startTime, request.endTime).links.map((link) => ({
      recordingId,
      index: link.index,
      startTime: link.startTime,
      endTime: link.endTime,
      status: 'planned',
      taskId: null,
      historyId: null,
      error: null,
      updatedAt: meta.now,
    })),
  };
}

/** The planned recording of one occurrence, with the series' template, stream type and credentials. */
export function occurrenceRecording(series: StoredSeries, occurrence: Occurrence, now: number): PlannedRecording {
  const request = {
    ...series.stream,
    startTime: occurrence.startTime,
    endTime: occurrence.endTime,
    ...(series.templateId === undefined ? {} : { templateId: series.templateId }),
    ...(series.streamType === undefined ? {} : { streamType: series.streamType }),
  };
  return newRecording(occurrenceRecordingId(series.id, occurrence.date), request, {
    profile: series.profile,
    region: series.region,
    seriesId: series.id,
    occurrenceDate: occurrence.date,
    now,
  });
}

/** Plans an occurrence unless its date has a recording already: one per date, never two. */
export function planOccurrence(
  document: PlansDocument,
  series: StoredSeries,
  occurrence: Occurrence,
  now: number,
): void {
  const recordingId = occurrenceRecordingId(series.id, occurrence.date);
  if (document.recordings.some((recording) => recording.recordingId === recordingId)) return;
  document.recordings.push(occurrenceRecording(series, occurrence, now));
}

/** Turns the series' occurrences that have come within reach into planned recordings (once each). */
export function materializeSeries(document: PlansDocument, now: number): void {
  const horizon = now + MAX_START_AHEAD_SECONDS;
  for (const series of document.series) {
    if (series.coveredUntil > horizon) continue;
    for (const occurrence of occurrences(series, series.coveredUntil, horizon + 1)) {
      if (occurrence.startTime < series.coveredUntil || occurrence.startTime > horizon) continue;
      planOccurrence(document, series, occurrence, now);
    }
    series.coveredUntil = horizon + 1;
  }
}

/** Drops recordings with nothing left to do once kept long enough (alerts longer, so they are not lost unread). */
export function prune(document: PlansDocument, now: number): void {
  document.recordings = document.recordings.filter((recording) => {
    if (recording.links.some(isActiveLink)) return true;
    const keep = recording.links.some(isOpenAlert) ? KEEP_ALERTS_SECONDS : KEEP_DONE_SECONDS;
    return recording.endTime + keep > now;
  });
}

/** Every active link of `recordings`, earliest start first: what a run handles, in the order it handles it. */
export function activeLinksByStart(
  recordings: readonly PlannedRecording[],
): { recording: PlannedRecording; link: PlannedLink }[] {
  return recordings
    .flatMap((recording) => recording.links.filter(isActiveLink).map((link) => ({ recording, link })))
    .sort((a, b) => a.link.startTime - b.link.startTime);
}

/** The CreateRecordTask request of one link at `now`, and how late it is. */
export function linkRequest(
  recording: PlannedRecording,
  link: PlannedLink,
  now: number,
): { request: RecordRequest; lateBySeconds: number } {
  const late = link.startTime <= now;
  const request: RecordRequest = {
    ...recording.stream,
    // A window that has begun is recorded from now on: the request then carries no StartTime.
    ...(late ? {} : { startTime: link.startTime }),
    endTime: link.endTime,
    streamType: recording.streamType,
    ...(recording.templateId === null ? {} : { templateId: recording.templateId }),
    ...(recording.extension === null ? {} : { extension: recording.extension }),
  };
  return { request, lateBySeconds: late ? now - link.startTime : 0 };
}

/** Whether any link of the recording was sent (created, or its outcome unknown). */
export const anythingSent = (recording: PlannedRecording): boolean =>
  recording.links.some((link) => link.status === 'created' || link.status === 'pending-sync');

/** Every missed or failed link not acknowledged yet. */
export const openAlerts = (document: PlansDocument): PlannedLink[] =>
  document.recordings.flatMap((recording) => recording.links).filter(isOpenAlert);
