// Filtering and ordering of history entries (pure: the store caches the sorted view).
import type { HistoryEntry, HistoryFilter } from '../../../shared/history.js';

/** Newest createdAt first; equal times keep the newer write (later in the file) first. */
export function newestFirst(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const indexed = entries.map((entry, index) => ({ entry, index }));
  indexed.sort((a, b) => b.entry.createdAt - a.entry.createdAt || b.index - a.index);
  return indexed.map(({ entry }) => entry);
}

/** The window a task covers: a "now" task (no startTime) started when it was created. */
const startOf = (entry: HistoryEntry): number => entry.startTime ?? entry.createdAt;

export function matchesFilter(entry: HistoryEntry, filter: HistoryFilter, streamNeedle: string | null): boolean {
  if (streamNeedle !== null && !entry.stream.toLowerCase().includes(streamNeedle)) return false;
  if (filter.status !== undefined && entry.status !== filter.status) return false;
  if (filter.from !== undefined && entry.endTime < filter.from) return false;
  if (filter.until !== undefined && startOf(entry) > filter.until) return false;
  return true;
}

export function filterEntries(entries: readonly HistoryEntry[], filter: HistoryFilter = {}): HistoryEntry[] {
  const needle = filter.stream?.trim() ? filter.stream.trim().toLowerCase() : null;
  if (needle === null && filter.status === undefined && filter.from === undefined && filter.until === undefined)
    return entries.slice();
  return entries.filter((entry) => matchesFilter(entry, filter, needle));
}
