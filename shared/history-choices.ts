// The record form's choices from the history: its distinct recent domains, apps and streams, newest first. Main works
// them out from its own copy and sends the window at most 600 short strings instead of every entry: the form opens
// without waiting for a 20,000-entry history to cross IPC (npm run bench, "first form interactive").
import type { HistoryEntry } from './history.js';

/** A datalist longer than this helps nobody. */
export const MAX_CHOICES = 200;

/** `history:choices`: each list distinct, non-empty and newest first, at most MAX_CHOICES long. */
export interface HistoryChoices {
  domains: string[];
  apps: string[];
  streams: string[];
}

export const NO_CHOICES: HistoryChoices = Object.freeze({ domains: [], apps: [], streams: [] }) as HistoryChoices;

/** `first`, then `values`: distinct, non-empty, at most MAX_CHOICES. */
export function withFirst(first: readonly string[], values: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const list of [first, values])
    for (const value of list) {
      if (seen.size >= MAX_CHOICES) return [...seen];
      if (value !== '') seen.add(value);
    }
  return [...seen];
}

/**
 * One pass over a newest-first history that ends once all three lists are full (a history of one domain never fills
 * its list, so then it reads to the end).
 */
export function historyChoices(newestFirst: Iterable<HistoryEntry>): HistoryChoices {
  const domains = new Set<string>();
  const apps = new Set<string>();
  const streams = new Set<string>();
  const add = (seen: Set<string>, value: string) => {
    if (value !== '' && seen.size < MAX_CHOICES) seen.add(value);
  };
  for (const entry of newestFirst) {
    if (domains.size >= MAX_CHOICES && apps.size >= MAX_CHOICES && streams.size >= MAX_CHOICES) break;
    add(domains, entry.domain);
    add(apps, entry.app);
    add(streams, entry.stream);
  }
  return { domains: [...domains], apps: [...apps], streams: [...streams] };
}
