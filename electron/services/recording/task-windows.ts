// Turns history entries into the windows the overlap rules reason about.
import type { TaskStatus, TaskWindow } from '../../../shared/domain.js';
import type { HistoryEntry } from '../../../shared/history.js';

/** Statuses whose task may still record: they count for overlaps. */
const LIVE_STATUSES: ReadonlySet<TaskStatus> = new Set(['scheduled', 'recording', 'unknown']);

export function liveTaskWindows(entries: readonly HistoryEntry[]): TaskWindow[] {
  return entries
    .filter((entry) => LIVE_STATUSES.has(entry.status))
    .map((entry) => ({
      domainName: entry.domain,
      appName: entry.app,
      streamName: entry.stream,
      ...(entry.taskId === null ? {} : { taskId: entry.taskId }),
      // A "now" task started when it was created.
      startTime: entry.startTime ?? entry.createdAt,
      endTime: entry.endTime,
      status: entry.status,
    }));
}

/** Where a task stands at a moment, from its window alone (stopped/deleted are decided elsewhere). */
export function statusByTime(startTime: number, endTime: number, nowSeconds: number): TaskStatus {
  if (nowSeconds >= endTime) return 'finished';
  if (nowSeconds >= startTime) return 'recording';
  return 'scheduled';
}
