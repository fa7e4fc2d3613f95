// Deciding what an `unknown` create became, from the tasks the platform lists. Pure, so it is tested alone.
import type { HistoryEntry } from '../../../shared/history.js';
import type { RemoteTask } from '../../../shared/live-types.js';

/** A "now" task's StartTime is set by the platform when it is created: allow this much drift from createdAt. */
const NOW_TASK_START_SLACK_SECONDS = 120;

/** The remote task that an unknown attempt created, if any: same stream, same end, matching start. */
export function findTaskForAttempt(
  entry: HistoryEntry,
  remote: readonly RemoteTask[],
  claimedTaskIds: ReadonlySet<string>,
): RemoteTask | null {
  return (
    remote.find((task) => {
      if (claimedTaskIds.has(task.taskId)) return false;
      if (task.domainName !== entry.domain || task.appName !== entry.app || task.streamName !== entry.stream) return false;
      if (task.endTime !== entry.endTime) return false;
      if (entry.startTime !== null) return task.startTime === entry.startTime;
      return Math.abs(task.startTime - entry.createdAt) <= NOW_TASK_START_SLACK_SECONDS;
    }) ?? null
  );
}
