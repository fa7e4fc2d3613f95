// The record form's choices: distinct recent domains, apps and streams from the history, cheaply.
import type { HistoryEntry } from '../../shared/history';

/** A datalist longer than this helps nobody. */
const MAX_CHOICES = 200;

/** The first distinct non-empty values, in order. */
export function unique(values: readonly string[]): string[] {
  return recentValues(values, [], () => '');
}

/**
 * `first`, then each entry's `pick`, distinct and non-empty, up to MAX_CHOICES: one pass that stops there, without
 * copying a 20,000-entry history into arrays first (the form's choices are built once per history).
 */
export function recentValues(
  first: readonly string[],
  entries: readonly HistoryEntry[],
  pick: (entry: HistoryEntry) => string,
): string[] {
  const seen = new Set<string>();
  const add = (value: string) => {
    if (value !== '') seen.add(value);
    return seen.size < MAX_CHOICES;
  };
  for (const value of first) if (!add(value)) return [...seen];
  for (const entry of entries) if (!add(pick(entry))) break;
  return [...seen];
}
