// The form's datalists, built from main's history choices, must offer what three passes over the whole history
// offered (the form's code before main worked the choices out), in the same order.
import { describe, expect, it } from 'vitest';
import { formChoices, unique } from '../../../../renderer/record/recent-values.js';
import type { HistoryEntry } from '../../../../shared/history.js';
import { historyChoices } from '../../../../shared/history-choices.js';

const entry = (domain: string, app: string, stream: string) => ({ domain, app, stream }) as unknown as HistoryEntry;

/** The old form's reference: `first`, then each entry's `pick`, distinct and non-empty, at most 200. */
function recentValues(
  first: readonly string[],
  entries: readonly HistoryEntry[],
  pick: (item: HistoryEntry) => string,
) {
  const seen: string[] = [];
  for (const value of [...first, ...entries.map(pick)])
    if (value !== '' && !seen.includes(value) && seen.length < 200) seen.push(value);
  return seen;
}

describe('formChoices', () => {
  it('equals three passes over the whole history, for small and overflowing histories', () => {
    const histories = [
      [],
      [entry('a.example.com', 'live', 'one'), entry('b.example.com', '', 'two'), entry('a.example.com', 'edu', '')],
      Array.from({ length: 5000 }, (_, index) => entry(`d${index % 250}.example.com`, `app${index % 3}`, `s${index}`)),
      Array.from({ length: 500 }, (_, index) => entry(`d${index}.example.com`, 'live', `s${index % 7}`)),
    ];
    for (const history of histories)
      for (const accountDomains of [[], ['push.example.com', 'd7.example.com']]) {
        expect(formChoices(accountDomains, historyChoices(history))).toEqual({
          domains: recentValues(accountDomains, history, (item) => item.domain),
          apps: recentValues(['live'], history, (item) => item.app),
          streams: recentValues([], history, (item) => item.stream),
        });
      }
  });

  it('offers at most 200 of each, the account’s domains first', () => {
    const history = Array.from({ length: 1000 }, (_, index) => entry(`d${index}`, `a${index}`, `s${index}`));
    const choices = formChoices(['push.example.com'], historyChoices(history));
    expect([choices.domains.length, choices.apps.length, choices.streams.length]).toEqual([200, 200, 200]);
    expect([choices.domains[0], choices.domains[1], choices.apps[0], choices.streams[0]]).toEqual([
      'push.example.com',
      'd0',
      'live',
      's0',
    ]);
  });
});

describe('unique', () => {
  it('keeps the first of each distinct non-empty value', () => {
    expect(unique(['UTC', '', 'Asia/Shanghai', 'UTC'])).toEqual(['UTC', 'Asia/Shanghai']);
  });
});
