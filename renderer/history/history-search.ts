// History filtering in the renderer: the whole list is loaded once (it is local), then searched while typing.
import type { TaskStatus } from '../../shared/domain';
import type { HistoryEntry } from '../../shared/history';
import { TASK_RECORD_RETENTION_SECONDS } from '../../shared/rules/limits';

export interface HistoryQuery {
  /** Substring of the stream name, case-insensitive. */
  search: string;
  status: TaskStatus | '';
  /** Unix seconds or undefined: entries whose window overlaps [from, until]. */
  from?: number | undefined;
  until?: number | undefined;
}

/** Matching entries, newest attempt first. */
export function filterHistory(entries: readonly HistoryEntry[], query: HistoryQuery): HistoryEntry[] {
  const needle = query.search.trim().toLowerCase();
  return entries
    .filter((entry) => {
      if (needle !== '' && !entry.stream.toLowerCase().includes(needle)) return false;
      if (query.status !== '' && entry.status !== query.status) return false;
      const start = entry.startTime ?? entry.createdAt;
      if (query.from !== undefined && entry.endTime < query.from) return false;
      if (query.until !== undefined && start > query.until) return false;
      return true;
    })
    .sort((a, b) => b.createdAt - a.createdAt || b.updatedAt - a.updatedAt);
}

/** The platform forgets a task's record after 3 months; only Taper's history still knows it. */
export function platformRecordExpired(entry: HistoryEntry, nowSeconds: number): boolean {
  return entry.taskId !== null && entry.createdAt + TASK_RECORD_RETENTION_SECONDS < nowSeconds;
}

/** Stop and delete apply to tasks the platform has and that may still record. */
export function canStopOrDelete(entry: HistoryEntry): boolean {
  return entry.taskId !== null && (entry.status === 'scheduled' || entry.status === 'recording');
}
