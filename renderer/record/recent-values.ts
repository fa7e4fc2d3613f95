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

export interface RecentChoices {
  domains: string[];
  apps: string[];
  streams: string[];
}

/**
 * The form's three datalists in one pass over the history, newest first: the account's push domains and `live` are
 * offered first. The pass ends when all three are full, or at the end (a history of one domain never fills its list).
 */
export function recentChoices(accountDomains: readonly string[], entries: readonly HistoryEntry[]): RecentChoices {
  const domains = new Set<string>();
  const apps = new Set<string>();
  const streams = new Set<string>();
  const add = (seen: Set<string>, value: string) => {
    if (value !== '' && seen.size < MAX_CHOICES) seen.add(value);
  };
  for (const domain of accountDomains) add(domains, domain);
  add(apps, 'live');
  for (const entry of entries) {
    if (domains.size >= MAX_CHOICES && apps.size >= MAX_CHOICES && streams.size >= MAX_CHOICES) break;
    add(domains, entry.domain);
    add(apps, entry.app);
    add(streams, entry.stream);
  }
  return { domains: [...domains], apps: [...apps], streams: [...streams] };
}
