// The HTTP face of `taper serve`, on 127.0.0.1 only: the IPC contract over HTTP and the event stream (api-routes.ts),
// everything else the built renderer, each request first through the Host/Origin and token checks (request-gate.ts);
// no CORS header is ever sent. This file owns the socket: it listens, counts the API calls in flight, and shuts down
// by refusing new requests and waiting for those calls (a create finishes and is answered).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import type { IpcHandlers } from '../ipc/handlers.js';
import { isApiCall } from './api-routes.js';
import { SERVE_HOST } from './auth.js';
import { failure, createResponder } from './responder.js';
import { createRequestRouter } from './request-router.js';
import type { EventHub } from './sse.js';
import type { StaticFiles } from './static-files.js';

// Where they were first declared, for whoever imports them from here.
export { SERVE_HOST } from './auth.js';
export { MAX_BODY_BYTES } from './request-body.js';

export interface ServeServerOptions {
  /** 0: any free port. */
  port: number;
  token: string;
  handlers: IpcHandlers;
  files: StaticFiles;
  events: EventHub;
  /** A refused or failed request: method, path (never the query, which may hold the token) and why. */
  warn(message: string): void;
}

export interface ServeServer {
  readonly port: number;
  /** API calls being answered now. */
  inFlight(): number;
  /**
   * Stops accepting requests (new connections refused; a request on an open connection gets 503), ends the event
   * streams, waits up to `timeoutMs` for the calls in flight, then closes every connection. Resolves how many calls
   * were still running when it gave up (0 when all finished).
   */
  close(timeoutMs: number): Promise<{ unfinished: number }>;
}

export async function startServeServer(options: ServeServerOptions): Promise<ServeServer> {
  const { token, handlers, files, events, warn } = options;
  const inFlight = new Set<Promise<unknown>>();
  let draining = false;
  let port = options.port;
  const respond = createResponder(() => draining);
  const route = createRequestRouter({
    token,
    handlers,
    files,
    events,
    warn,
    respond,
    port: () => port,
    draining: () => draining,
  });

  const server = createServer((request, response) => {
    const handled = route(request, response).catch((error: unknown) => {
      warn(
        `request failed: ${request.method ?? '?'} ${(request.url ?? '').split('?')[0]}: ${error instanceof Error ? error.message : 'error'}`,
      );
      if (!response.headersSent)
        respond.json(
          response,
          500,
          failure(LocalErrorCode.IpcInternal, 'Taper could not answer this request; details are in the log.'),
        );
      else response.destroy();
    });
    // API calls are what shutdown waits for (a create must finish and be answered); the event stream is not.
    if (isApiCall(request.url)) {
      const tracked = handled.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
  });
  // Headers must arrive promptly; a body may take as long as an upload over a slow tunnel needs.
  server.headersTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, SERVE_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));

  return {
    port,
    inFlight: () => inFlight.size,
    async close(timeoutMs) {
      draining = true;
      server.close();
      events.close();
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([Promise.allSettled([...inFlight]).then(() => 'done' as const), gaveUp]);
      clearTimeout(timer);
      const unfinished = outcome === 'timeout' ? inFlight.size : 0;
      server.closeAllConnections();
      await closed;
      return { unfinished };
    },
  };
}
