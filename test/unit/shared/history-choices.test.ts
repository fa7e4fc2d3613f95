// Main's answer to `history:choices`: the distinct recent values of each field, newest first, at most 200 each, from
// one pass that stops once all three lists are full.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/history.js';
import { historyChoices, MAX_CHOICES, withFirst } from '../../../shared/history-choices.js';

const entry = (domain: string, app: string, stream: string) => ({ domain, app, stream }) as unknown as HistoryEntry;

describe('historyChoices', () => {
  it('lists distinct non-empty values in history order', () => {
    const history = [
      entry('b.example.com', 'live', 'late'),
      entry('a.example.com', '', 'early'),
      entry('b.example.com', 'edu', 'late'),
    ];
    expect(historyChoices(history)).toEqual({
      domains: ['b.example.com', 'a.example.com'],
      apps: ['live', 'edu'],
      streams: ['late', 'early'],
    });
  });

  it('stops reading once every list is full', () => {
    let read = 0;
    function* entries() {
      for (let index = 0; index < 100_000; index += 1) {
        read += 1;
        yield entry(`d${index}`, `a${index}`, `s${index}`);
      }
    }
    const choices = historyChoices(entries());
    expect(choices.streams).toHaveLength(MAX_CHOICES);
    expect(choices.streams.at(-1)).toBe(`s${MAX_CHOICES - 1}`);
    expect(read).toBe(MAX_CHOICES + 1);
  });

  it('reads to the end when one list never fills', () => {
    const history = Array.from({ length: 1000 }, (_, index) => entry('one.example.com', 'live', `s${index % 300}`));
    expect(historyChoices(history)).toEqual({
      domains: ['one.example.com'],
      apps: ['live'],
      streams: Array.from({ length: MAX_CHOICES }, (_, index) => `s${index}`),
    });
  });
});

describe('withFirst', () => {
  it('puts the given values first, drops repeats and empties, and caps the list', () => {
    expect(withFirst(['x', ''], ['y', 'x', 'z'])).toEqual(['x', 'y', 'z']);
    expect(
      withFirst(
        [],
        Array.from({ length: 500 }, (_, index) => `v${index}`),
      ),
    ).toHaveLength(MAX_CHOICES);
  });
});
