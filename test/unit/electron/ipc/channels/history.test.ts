// The record form's two history channels: `history:choices` answers the recent domains, apps and streams main works
// out from its own (newest-first) list, and `history:stream-entries` one stream's entries, through the by-stream
// index where the history has one and otherwise by matching the whole list as the overlap rules do.
import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../../../../electron/ipc/handlers.js';
import type { HistoryEntry } from '../../../../../shared/history.js';
import { err, ok } from '../../../../../shared/result.js';
import { ENTRY, fakeServices } from '../../../support/fake-services.js';

const entry = (id: string, domain: string, app: string, stream: string): HistoryEntry => ({
  ...ENTRY,
  id,
  domain,
  app,
  stream,
});

const NEWEST_FIRST = [
  entry('c', 'b.example.com', 'live', 'evening'),
  entry('b', 'A.example.com', 'edu', 'show'),
  entry('a', 'a.example.com', 'live', 'show'),
];

describe('history:choices', () => {
  it('answers distinct recent values in the history’s order, not the entries', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(services.history.list).mockResolvedValue(ok(NEWEST_FIRST));
    const answer = await createIpcHandlers(services, hooks, schedule)['history:choices'](undefined);
    expect(answer).toEqual(
      ok({
        domains: ['b.example.com', 'A.example.com', 'a.example.com'],
        apps: ['live', 'edu'],
        streams: ['evening', 'show'],
      }),
    );
  });

  it('passes an unreadable history’s error on', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(services.history.list).mockResolvedValue(err('Taper.History.Corrupt', 'history.jsonl is damaged'));
    const answer = await createIpcHandlers(services, hooks, schedule)['history:choices'](undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'Taper.History.Corrupt' } });
  });
});

describe('history:stream-entries', () => {
  const stream = { domainName: 'a.example.com', appName: 'live', streamName: 'show' };

  it('asks the by-stream index where there is one', async () => {
    const { services, hooks, schedule } = fakeServices();
    const listStream = vi.fn(async () => ok([NEWEST_FIRST[2] as HistoryEntry]));
    services.history.listStream = listStream;
    const answer = await createIpcHandlers(services, hooks, schedule)['history:stream-entries']({ stream });
    expect(listStream).toHaveBeenCalledWith(stream);
    expect(answer).toEqual(ok([NEWEST_FIRST[2]]));
    expect(services.history.list).not.toHaveBeenCalled();
  });

  it('otherwise keeps the entries of the same stream (domain in any case), and no other', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(services.history.list).mockResolvedValue(ok(NEWEST_FIRST));
    const answer = await createIpcHandlers(services, hooks, schedule)['history:stream-entries']({
      stream: { ...stream, domainName: 'A.EXAMPLE.COM' },
    });
    expect(answer.ok && answer.value.map((item) => item.id)).toEqual(['a']);
  });
});
