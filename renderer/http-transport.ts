// The ApiTransport of a page served by `taper serve`: each call is `POST /api/<channel>` with the payload as its JSON
// body, answered with the channel's Result; main's pushes arrive on one EventSource (`GET /api/events`), one named
// event per IPC event. The session cookie (HttpOnly, set by the one-time URL) authenticates both: the page never
// holds the token. Failures are Result values, as over IPC: the page never sees a thrown transport error.
import { API_ROOT, EVENTS_ROUTE, type IpcChannel, type IpcEventName, type Unsubscribe } from '../shared/ipc/channels';
import type { ApiTransport } from '../shared/ipc/api';

export interface HttpTransportDeps {
  fetch: typeof fetch;
  /** Creates the event stream (the page's EventSource). */
  openEvents(url: string): EventSource;
  /** Origin-relative API root; default `/api/`. */
  base?: string;
}

const failure = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

function isResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createHttpTransport(deps: HttpTransportDeps): ApiTransport {
  const base = deps.base ?? API_ROOT;
  let source: EventSource | null = null;
  // Opened on the first subscription and kept: React mounts and unmounts listeners freely.
  const events = () => (source ??= deps.openEvents(`${base}${EVENTS_ROUTE}`));

  return {
    async invoke(channel: IpcChannel, payload: unknown) {
      let response: Response;
      try {
        response = await deps.fetch(`${base}${channel}`, {
          method: 'POST',
          credentials: 'same-origin',
          ...(payload === undefined
            ? {}
            : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }),
        });
      } catch {
        return failure(
          'Taper.Network',
          'Taper cannot be reached: `taper serve` has stopped, or the SSH tunnel is closed.',
        );
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      if (isResult(body)) return body;
      if (response.status === 401 || response.status === 403) {
        return failure(
          'Taper.Ipc.Forbidden',
          'This page is no longer signed in: open the URL `taper serve` printed again.',
        );
      }
      return failure('Taper.Ipc.Internal', `Taper answered HTTP ${response.status} for ${channel}.`);
    },
    subscribe(event: IpcEventName, listener: (payload: unknown) => void): Unsubscribe {
      const handler = (message: MessageEvent<string>) => {
        let payload: unknown;
        try {
          payload = JSON.parse(message.data);
        } catch {
          return;
        }
        listener(payload);
      };
      const stream = events();
      stream.addEventListener(event, handler);
      return () => stream.removeEventListener(event, handler);
    },
  };
}
