// What `taper stop ID` / `taper delete ID` act on: a whole recording (its links, as the app's recordings:stop/delete
// do), one task (any TaskId, known here or not, as before), or nothing (a recordingId Taper does not know: refused
// before anything is sent). Pure, so it is tested alone.
import type { HistoryEntry } from '../../../shared/history.js';
import type { PlannedRecording } from '../../../shared/schedule/plans.js';

export type ActionTarget =
  /** A recordingId of the plans or of history entries: every link is acted on (planned ones are only cancelled). */
  | { kind: 'recording'; recordingId: string }
  /** A TaskId (or a history entry's id): the one task, by StopRecordTask/DeleteRecordTask as before. */
  | { kind: 'task'; taskId: string }
  /** Shaped like a recordingId (a UUID) but known to neither: nothing may be sent (the API would take it for a TaskId). */
  | { kind: 'unknown'; id: string };

/** Taper's recordingIds are UUIDs; the platform's TaskIds never are. */
const RECORDING_ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves `id` against what Taper knows. `entries` null: the history could not be read, so a TaskId cannot be
 * checked; anything the plans do not name is then taken for a TaskId, as before the plans existed.
 */
export function resolveActionTarget(
  id: string,
  recordings: readonly PlannedRecording[],
  entries: readonly HistoryEntry[] | null,
): ActionTarget {
  if (
    recordings.some((recording) => recording.recordingId === id) ||
    entries?.some((entry) => entry.recordingId === id)
  ) {
    return { kind: 'recording', recordingId: id };
  }
  // Any other id is a TaskId, as it always was: one from the console or another machine, not in this history, must
  // still stop its task. Only a missed recordingId (a UUID) is refused, so the API never gets one as a TaskId.
  return RECORDING_ID_SHAPE.test(id) ? { kind: 'unknown', id } : { kind: 'task', taskId: id };
}
