import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../../shared/history.js';
import { newestFirst } from '../../../../../electron/services/history/history-entry-filter.js';
import { createHistoryIndex } from '../../../../../electron/services/history/history-index.js';

function entry(id: string, createdAt: number, stream = 'show', domain = 'push.example.com'): HistoryEntry {
  return Object.freeze({
    id,
    taskId: null,
    requestId: null,
    status: 'scheduled',
    domain,
    app: 'live',
    stream,
    startTime: null,
    endTime: createdAt + 3600,
    templateId: null,
    streamType: 0,
    profile: null,
    region: 'ap-guangzhou',
    createdAt,
    updatedAt: createdAt,
    error: null,
    source: 'taper',
    extension: null,
  });
}

/** A small deterministic PRNG (mulberry32): the same sequence of operations on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('history index', () => {
  it('keeps the sorted and per-stream views equal to a full sort after each of 600 random adds and replacements', () => {
    const next = random(7);
    const view = createHistoryIndex([entry('e0', 100)]);
    view.sorted(); // Built now, then maintained entry by entry.
    view.ofStream({ domainName: 'push.example.com', appName: 'live', streamName: 'show' });
    for (let step = 1; step <= 600; step += 1) {
      const replace = next() < 0.4 && view.entries.length > 0;
      const id = replace ? (view.entries[Math.floor(next() * view.entries.length)] as HistoryEntry).id : `e${step}`;
      // Few distinct times, so equal createdAt (ordered by file position) happens a lot; replacements may move one.
      view.upsert(entry(id, Math.floor(next() * 50), `s${Math.floor(next() * 5)}`));
      expect(view.sorted()).toEqual(newestFirst(view.entries));
      for (let stream = 0; stream < 5; stream += 1) {
        const key = { domainName: 'push.example.com', appName: 'live', streamName: `s${stream}` };
        expect(view.ofStream(key)).toEqual(newestFirst(view.entries.filter((e) => e.stream === `s${stream}`)));
      }
    }
  });

  it('replaces an entry where it stands in file order and finds it by id', () => {
    const view = createHistoryIndex([entry('a', 1), entry('b', 2)]);
    view.upsert(entry('a', 1, 'renamed'));
    expect(view.entries.map((e) => `${e.id}:${e.stream}`)).toEqual(['a:renamed', 'b:show']);
    expect(view.get('a')?.stream).toBe('renamed');
    expect(view.get('nope')).toBeUndefined();
  });

  it('matches streams as the overlap rules do: domain in any case, names trimmed, nothing else', () => {
    const view = createHistoryIndex([
      entry('a', 1, 'show', 'Push.Example.com'),
      entry('b', 2, 'show '),
      entry('c', 3, 'Show'),
      entry('d', 4, 'show', 'other.example.com'),
    ]);
    const ids = view
      .ofStream({ domainName: ' push.example.COM ', appName: 'live', streamName: 'show' })
      .map((e) => e.id);
    expect(ids).toEqual(['b', 'a']);
  });
});
