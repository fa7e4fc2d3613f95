// The record form's choices: the account's push domains and `live` first, then the history's recent values, which
// main works out (shared/history-choices.ts) so that the form never reads the whole history.
import { withFirst, type HistoryChoices } from '../../shared/history-choices';

/** The first distinct non-empty values, in order (at most 200). */
export function unique(values: readonly string[]): string[] {
  return withFirst(values, []);
}

/** The form's three datalists: the account's domains, then the history's; `live`, then the history's apps. */
export function formChoices(accountDomains: readonly string[], recent: HistoryChoices): HistoryChoices {
  return {
    domains: withFirst(accountDomains, recent.domains),
    apps: withFirst(['live'], recent.apps),
    streams: withFirst([], recent.streams),
  };
}
