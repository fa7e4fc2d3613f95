// Deciding what an `unknown` create became, from the tasks the platform lists. Pure, so it is tested alone.
import type { HistoryEntry } from '../../../shared/history.js';
import type { RemoteTask } from '../../../shared/live-types.js';
// The same allowance the scheduler's "never twice" check uses: one notion of when a "now" task really started.
import { NOW_START_SLACK_SECONDS } from '../../../shared/schedule/covering.js';

/** The remote task that an unknown attempt created, if any: same stream, same end, matching start. */
export function findTaskForAttempt(
  entry: HistoryEntry,
  remote: readonly RemoteTask[],
  claimedTaskIds: ReadonlySet<string>,
): RemoteTask | null {
  return (
    remote.find((task) => {
      if (claimedTaskIds.has(task.taskId)) return false;
      if (task.domainName !== entry.domain || task.appName !== entry.app || task.streamName !== entry.stream)
        return false;
      if (task.endTime !== entry.endTime) return false;
      if (entry.startTime !== null) return task.startTime === entry.startTime;
      return Math.abs(task.startTime - entry.createdAt) <= NOW_START_SLACK_SECONDS;
    }) ?? null
  );
}
