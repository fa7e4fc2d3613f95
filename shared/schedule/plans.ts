// What Taper keeps locally for recordings the API cannot take yet: links beyond reach, series, and what became of them.
import type { StreamKey, StreamType } from '../domain.js';
import type { AppError } from '../result.js';
import { MAX_END_AHEAD_SECONDS, MAX_START_AHEAD_SECONDS } from '../rules/limits.js';
import type { Series } from './series.js';

/**
 * Where a link stands. `planned`: not created yet; `created`: a task exists (taskId); `pending-sync`: a create's outcome
 * is unknown (sync decides); `missed`: its window ended before it could be created (an alert); `failed`: the platform
 * refused it (an alert); `cancelled`: the user stopped, deleted or cancelled it before it was created.
 */
export type PlannedLinkStatus = 'planned' | 'created' | 'pending-sync' | 'missed' | 'failed' | 'cancelled';

/** One link of a planned recording: the window of one CreateRecordTask. */
export interface PlannedLink {
  /** The recording this link belongs to. */
  recordingId: string;
  /** Position in the chain, from 0. */
  index: number;
  /** Unix seconds. */
  startTime: number;
  /** Unix seconds; the next link starts here. */
  endTime: number;
  status: PlannedLinkStatus;
  /** Tencent's TaskId once created (or adopted from an existing task). */
  taskId: string | null;
  /** The history entry of the create attempt, when known. */
  historyId: string | null;
  /** Why it failed, was missed or was deferred; null otherwise. */
  error: AppError | null;
  /** Unix seconds of the last change. */
  updatedAt: number;
  /**
   * Unix seconds when the user acknowledged this link's alert (missed/failed); absent or null: not yet. An
   * acknowledged alert is no longer repeated, but stays listed in the plans until pruned.
   */
  acknowledgedAt?: number | null;
}

/** Whether a link is an alert the user has not acknowledged yet. */
export function isOpenAlert(link: PlannedLink): boolean {
  return (link.status === 'missed' || link.status === 'failed') && (link.acknowledgedAt ?? null) === null;
}

/** A recording as the user asked for it (possibly > 24 h, far ahead), with its links. */
export interface PlannedRecording {
  /** Local id grouping the links (also written on their history entries). */
  recordingId: string;
  stream: StreamKey;
  /** Unix seconds, the whole window. */
  startTime: number;
  endTime: number;
  templateId: number | null;
  streamType: StreamType;
  extension: string | null;
  /** Profile the links are created with; null: environment credentials or the default profile. */
  profile: string | null;
  /** Region override; null: the profile's. */
  region: string | null;
  /** The series this is an occurrence of; null for a one-off recording. */
  seriesId: string | null;
  /** Local date `YYYY-MM-DD` of the occurrence, for series; null otherwise. */
  occurrenceDate: string | null;
  /** Unix seconds. */
  createdAt: number;
  links: PlannedLink[];
}

/** A series as stored, with the bookkeeping of how far its occurrences have been planned. */
export interface StoredSeries extends Series {
  /** Occurrences starting before this instant (Unix seconds) have been turned into planned recordings. */
  coveredUntil: number;
  /** Profile its tasks are created with; null: environment credentials or the default profile. */
  profile: string | null;
  /** Region override; null: the profile's. */
  region: string | null;
  /** Unix seconds. */
  createdAt: number;
}

/** plans.json. */
export interface PlansDocument {
  /** Format version; a newer one is refused, never overwritten. */
  version: 1;
  recordings: PlannedRecording[];
  series: StoredSeries[];
}

export const emptyPlans = (): PlansDocument => ({ version: 1, recordings: [], series: [] });

/** Whether CreateRecordTask accepts this window now: StartTime <= now + 6 d and EndTime < now + 7 d. */
export function withinReach(window: { startTime: number; endTime: number }, nowSeconds: number): boolean {
  return (
    window.startTime <= nowSeconds + MAX_START_AHEAD_SECONDS && window.endTime < nowSeconds + MAX_END_AHEAD_SECONDS
  );
}
