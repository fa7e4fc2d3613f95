// Stopping or deleting a recording as one: which of its tasks to stop, delete or leave, worked out from the plans
// and the history before any call is made. Pure: the recording actions make the calls, in the order given here.
import type { TaskStatus } from '../domain.js';
import type { HistoryEntry } from '../history.js';
import { LocalErrorCode } from '../errors/local-codes.js';
import { ok, type AppError, type Result } from '../result.js';
import { isOpenAlert, type PlannedLink, type PlannedRecording, type PlansDocument } from './plans.js';
import { setLink } from './link-events.js';
import { recordingNotFound } from './schedule-errors.js';

/** What stop/delete did to one link of a recording. */
export interface RecordingAction {
  /** Link index (or -1 for a history entry that is not in the plans). */
  index: number;
  taskId: string | null;
  action: 'stopped' | 'deleted' | 'cancelled' | 'skipped';
  /** Why the action failed or was skipped; null on success. */
  error: AppError | null;
}

/** One task of a recording, from its history entry or (adopted from the platform) from its link alone. */
export interface ActionTarget {
  /** Link index, or -1 for a history entry that is not in the plans. */
  index: number;
  taskId: string | null;
  status: TaskStatus;
  /** Unix seconds. */
  startTime: number;
  /** The history entry, null for a link adopted from the platform. */
  historyId: string | null;
}

/** What to do with one target: an action already decided, or a call to make (its outcome is the action's error). */
export type ActionStep =
  | { kind: 'decided'; action: RecordingAction }
  | { kind: 'call'; action: 'stopped' | 'deleted'; index: number; taskId: string; historyId: string | null };

/** Cancels the recording's links not created yet (no call: nothing exists); returns their indexes. */
export function cancelPlannedLinks(recording: PlannedRecording | undefined, now: number): number[] {
  const indexes: number[] = [];
  for (const link of recording?.links ?? []) {
    if (link.status === 'planned') {
      setLink(link, { status: 'cancelled' }, now);
      indexes.push(link.index);
    }
  }
  return indexes;
}

/** History entries of the recording: its links', or the entry itself when the id is a plain task's. */
export const recordingEntries = (entries: readonly HistoryEntry[], recordingId: string): HistoryEntry[] =>
  entries.filter((entry) => entry.recordingId === recordingId || entry.id === recordingId);

/** Every task of the recording, earliest first: a chain is stopped and deleted in its order. */
export function actionTargets(
  recording: PlannedRecording | undefined,
  entries: readonly HistoryEntry[],
): ActionTarget[] {
  return [
    ...entries.map((entry) => ({
      index: recording?.links.find((link) => link.historyId === entry.id)?.index ?? -1,
      taskId: entry.taskId,
      status: entry.status,
      startTime: entry.startTime ?? entry.createdAt,
      historyId: entry.id,
    })),
    // Links adopted from the platform have no history entry of ours.
    ...(recording?.links ?? [])
      .filter((link) => link.taskId !== null && !entries.some((entry) => entry.taskId === link.taskId))
      .map((link) => ({
        index: link.index,
        taskId: link.taskId,
        status: 'scheduled' as const,
        startTime: link.startTime,
        historyId: null,
      })),
  ].sort((a, b) => a.startTime - b.startTime);
}

/** The steps of stopping (`stop`) or deleting the targets at `now`, one per task, in the targets' order. */
export function actionSteps(targets: readonly ActionTarget[], mode: 'stop' | 'delete', now: number): ActionStep[] {
  const steps: ActionStep[] = [];
  const handledTasks = new Set<string>();
  for (const target of targets) {
    if (target.taskId === null || handledTasks.has(target.taskId)) {
      if (target.taskId === null && target.status === 'unknown') {
        const error = {
          code: LocalErrorCode.UnknownOutcome,
          message: 'Its create has an unknown outcome; run sync, then act again.',
        };
        steps.push({ kind: 'decided', action: { index: target.index, taskId: null, action: 'skipped', error } });
      }
      continue;
    }
    handledTasks.add(target.taskId);
    if (
      target.status === 'deleted' ||
      target.status === 'failed' ||
      (mode === 'stop' && (target.status === 'stopped' || target.status === 'finished'))
    )
      continue;
    // Stopping a chain: the running link stops (its file is kept); links that have not begun are deleted.
    const deleting = mode === 'delete' || target.startTime > now;
    steps.push({
      kind: 'call',
      action: deleting ? 'deleted' : 'stopped',
      index: target.index,
      taskId: target.taskId,
      historyId: target.historyId,
    });
  }
  return steps;
}

/**
 * Marks the open alerts of these recordings (every one's when 'all') as seen at `now`; returns copies of the links
 * acknowledged. An unknown id changes nothing and is an error naming every unknown one.
 */
export function acknowledgeAlertsIn(
  document: PlansDocument,
  recordingIds: readonly string[] | 'all',
  now: number,
): Result<PlannedLink[]> {
  if (recordingIds !== 'all') {
    const unknown = recordingIds.filter((id) => !document.recordings.some((recording) => recording.recordingId === id));
    if (unknown.length > 0) return recordingNotFound(unknown);
  }
  const chosen =
    recordingIds === 'all'
      ? document.recordings
      : document.recordings.filter((recording) => recordingIds.includes(recording.recordingId));
  const links = chosen.flatMap((recording) => recording.links).filter(isOpenAlert);
  for (const link of links) link.acknowledgedAt = now;
  return ok(links.map((link) => ({ ...link })));
}
