// Main → window pushes over HTTP: every page of `taper serve` holds one `GET /api/events` stream, and each IPC event
// (IPC_EVENTS) is written to every stream as a server-sent event named after it, its payload as JSON. What the Electron
// shell sends with webContents.send, serve sends here.
import type { ServerResponse } from 'node:http';
import type { IpcEvent, IpcEventName } from '../../shared/ipc/api.js';

/** A comment line this often keeps proxies and the SSH tunnel from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

export interface EventHub {
  /** Takes over a response as an event stream (the caller has checked the request). */
  attach(response: ServerResponse, headers: Record<string, string>): void;
  send<E extends IpcEventName>(event: E, payload: IpcEvent[E]): void;
  /** Open streams. */
  count(): number;
  /** Ends every stream (shutdown): the pages' EventSource then finds the server gone. */
  close(): void;
}

/** One event in the text/event-stream format; JSON.stringify never emits a raw newline, so `data:` is one line. */
export function formatEvent(event: string, payload: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload ?? null)}\n\n`;
}

export function createEventHub(): EventHub {
  const streams = new Set<ServerResponse>();
  let heartbeat: NodeJS.Timeout | null = null;
  const write = (text: string) => {
    for (const stream of streams) if (!stream.writableEnded && !stream.destroyed) stream.write(text);
  };
  const stopHeartbeatIfIdle = () => {
    if (streams.size === 0 && heartbeat !== null) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  };
  return {
    attach(response, headers) {
      response.writeHead(200, {
        ...headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        // A reverse proxy (nginx) must not buffer the stream.
        'X-Accel-Buffering': 'no',
      });
      // The comment tells a client that its subscription is in place (tests wait for it).
      response.write('retry: 3000\n: connected\n\n');
      streams.add(response);
      // A page that went away mid-write is a closed stream, not a failure of the server.
      response.on('error', () => streams.delete(response));
      response.on('close', () => {
        streams.delete(response);
        stopHeartbeatIfIdle();
      });
      if (heartbeat === null) {
        heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
        heartbeat.unref();
      }
    },
    send(event, payload) {
      write(formatEvent(event, payload));
    },
    count: () => streams.size,
    close() {
      for (const stream of streams) stream.end();
      streams.clear();
      stopHeartbeatIfIdle();
    },
  };
}
