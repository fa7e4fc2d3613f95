import { describe, expect, it } from 'vitest';
import { buildTaperApi } from '../../../shared/ipc/api.js';
import { createHttpTransport } from '../../../renderer/http-transport.js';

interface Sent {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(answer: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init };
    sent.push(call);
    return answer(call);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, Set<(event: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener);
    this.listeners.set(name, set);
  }
  removeEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.get(name)?.delete(listener);
  }
  emit(name: string, data: string) {
    for (const listener of this.listeners.get(name) ?? []) listener({ data } as MessageEvent<string>);
  }
}

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
const openEvents = (url: string) => new FakeEventSource(url) as unknown as EventSource;

describe('createHttpTransport', () => {
  it('POSTs each call to /api/<channel> with the payload as JSON, and no body for a channel without one', async () => {
    const { fetch, sent } = fakeFetch(() => json({ ok: true, value: [] }));
    const api = buildTaperApi(createHttpTransport({ fetch, openEvents }));
    expect(await api.history.list({ filter: { stream: 'news' } })).toEqual({ ok: true, value: [] });
    await api.app.info();
    expect(sent.map((call) => [call.url, call.init?.method, call.init?.body, call.init?.credentials])).toEqual([
      ['/api/history:list', 'POST', '{"filter":{"stream":"news"}}', 'same-origin'],
      ['/api/app:info', 'POST', undefined, 'same-origin'],
    ]);
    expect(sent[0]?.init?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(sent[1]?.init?.headers).toBeUndefined();
  });

  it('answers what the server answers, errors included, and turns transport failures into Result values', async () => {
    const refusal = { ok: false, error: { code: 'Taper.InvalidInput', message: 'Invalid payload' } };
    const answers = [
      json(refusal),
      json(refusal, 404),
      new Response('gateway', { status: 502 }),
      new Response('', { status: 401 }),
    ];
    const { fetch } = fakeFetch(() => answers.shift() ?? Promise.reject(new TypeError('Failed to fetch')));
    const transport = createHttpTransport({ fetch, openEvents });
    expect(await transport.invoke('record:create', {})).toEqual(refusal);
    expect(await transport.invoke('record:create', {})).toEqual(refusal);
    expect(await transport.invoke('app:info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'Taper.Ipc.Internal' },
    });
    expect(await transport.invoke('app:info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'Taper.Ipc.Forbidden' },
    });
    expect(await transport.invoke('app:info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'Taper.Network' },
    });
  });

  it('delivers the named events of one shared EventSource on /api/events, parsed, until unsubscribed', () => {
    FakeEventSource.opened = [];
    const { fetch } = fakeFetch(() => json({ ok: true, value: null }));
    const api = buildTaperApi(createHttpTransport({ fetch, openEvents }));
    const changed: number[] = [];
    const notices: unknown[] = [];
    const stop = api.events.onHistoryChanged(() => changed.push(1));
    api.events.onNotice((notice) => notices.push(notice));
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual(['/api/events']);
    const [source] = FakeEventSource.opened;
    source!.emit('history:changed', 'null');
    source!.emit('app:notice', '{"title":"Recording task created","body":"news"}');
    source!.emit('app:notice', 'not json');
    stop();
    source!.emit('history:changed', 'null');
    expect(changed).toEqual([1]);
    expect(notices).toEqual([{ title: 'Recording task created', body: 'news' }]);
  });
});
