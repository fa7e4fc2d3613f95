// What `taper stop ID` / `taper delete ID` act on: a whole recording (its links, as the app's recordings:stop/delete
// do), one task, or nothing (an id Taper does not know: refused before anything is sent). Pure, so it is tested alone.
import type { HistoryEntry } from '../../../shared/history.js';
import type { PlannedRecording } from '../../../shared/schedule/plans.js';

export type ActionTarget =
  /** A recordingId of the plans or of history entries: every link is acted on (planned ones are only cancelled). */
  | { kind: 'recording'; recordingId: string }
  /** A TaskId (or a history entry's id): the one task, by StopRecordTask/DeleteRecordTask as before. */
  | { kind: 'task'; taskId: string }
  /** Neither: nothing may be sent (a recordingId would be taken for a TaskId by the API). */
  | { kind: 'unknown'; id: string };

/**
 * Resolves `id` against what Taper knows. `entries` null: the history could not be read, so a TaskId cannot be
 * checked; anything the plans do not name is then taken for a TaskId, as before the plans existed.
 */
export function resolveActionTarget(id: string, recordings: readonly PlannedRecording[], entries: readonly HistoryEntry[] | null): ActionTarget {
  if (recordings.some((recording) => recording.recordingId === id) || entries?.some((entry) => entry.recordingId === id)) {
    return { kind: 'recording', recordingId: id };
  }
  if (entries === null) return { kind: 'task', taskId: id };
  // A link adopted from the platform has a TaskId but no entry of ours.
  const known = entries.some((entry) => entry.taskId === id || entry.id === id) || recordings.some((recording) => recording.links.some((link) => link.taskId === id));
  return known ? { kind: 'task', taskId: id } : { kind: 'unknown', id };
}
