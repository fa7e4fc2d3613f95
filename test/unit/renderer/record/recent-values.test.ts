// The form's datalists in one pass must offer what three passes of recentValues offered, in the same order.
import { describe, expect, it } from 'vitest';
import { recentChoices, recentValues } from '../../../../renderer/record/recent-values.js';
import type { HistoryEntry } from '../../../../shared/history.js';

const entry = (domain: string, app: string, stream: string) => ({ domain, app, stream }) as unknown as HistoryEntry;

describe('recentChoices', () => {
  it('equals recentValues per field, for small and overflowing histories', () => {
    const histories = [
      [],
      [entry('a.example.com', 'live', 'one'), entry('b.example.com', '', 'two'), entry('a.example.com', 'edu', '')],
      Array.from({ length: 5000 }, (_, index) => entry(`d${index % 250}.example.com`, `app${index % 3}`, `s${index}`)),
    ];
    for (const history of histories)
      for (const accountDomains of [[], ['push.example.com', 'd7.example.com']]) {
        expect(recentChoices(accountDomains, history)).toEqual({
          domains: recentValues(accountDomains, history, (item) => item.domain),
          apps: recentValues(['live'], history, (item) => item.app),
          streams: recentValues([], history, (item) => item.stream),
        });
      }
  });

  it('offers at most 200 of each', () => {
    const history = Array.from({ length: 1000 }, (_, index) => entry(`d${index}`, `a${index}`, `s${index}`));
    const choices = recentChoices([], history);
    expect([choices.domains.length, choices.apps.length, choices.streams.length]).toEqual([200, 200, 200]);
    expect(choices.streams[0]).toBe('s0');
  });
});
