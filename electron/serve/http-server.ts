// The HTTP face of `taper serve`, on 127.0.0.1 only. The IPC contract over HTTP: `POST /api/<channel>` with the payload
// as the JSON body (empty for a channel without one) answers 200 with the handler's Result, exactly what the
// Electron window gets; `GET /api/events` is the stream of main → window pushes; everything else is the built
// renderer. Every request passes the Host/Origin checks, then the token (auth.ts); no CORS header is ever sent.
// Shutdown stops accepting requests and waits for the calls in flight (a create finishes and is answered).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { API_ROOT, channelRoute, EVENTS_ROUTE, type IpcChannel } from '../../shared/ipc/channels.js';
import type { IpcHandlers } from '../ipc/handlers.js';
import {
  fetchSiteRejection,
  isAuthorized,
  originRejection,
  sameSecret,
  sessionCookie,
  type RequestHeaders,
} from './auth.js';
import type { EventHub } from './sse.js';
import { SERVE_CONTENT_SECURITY_POLICY, type StaticFiles } from './static-files.js';

/** The only address the server binds. */
export const SERVE_HOST = '127.0.0.1';
/** Bodies larger than this are refused (413): an import's CSV (2,000,000 characters) fits, JSON-escaped, in UTF-8. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
const API_PREFIX = API_ROOT;
const EVENTS_PATH = `${API_ROOT}${EVENTS_ROUTE}`;

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

/** Sent with every response: the page's CSP (every HTML response needs it; the others are harmless with it). */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': SERVE_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The one-time URL carries the token: no page ever hands its address to another site.
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function headersOf(request: IncomingMessage): RequestHeaders {
  const one = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return {
    host: one('host'),
    origin: one('origin'),
    authorization: one('authorization'),
    cookie: one('cookie'),
    'sec-fetch-site': one('sec-fetch-site'),
  };
}

const failure = (code: string, message: string) => ({ ok: false, error: { code, message } });

export async function startServeServer(options: ServeServerOptions): Promise<ServeServer> {
  const { token, handlers, files, events, warn } = options;
  const inFlight = new Set<Promise<unknown>>();
  let draining = false;
  let port = options.port;

  const send = (
    response: ServerResponse,
    status: number,
    body: string | Buffer,
    contentType: string,
    extra: Record<string, string> = {},
    head = false,
  ) => {
    response.writeHead(status, {
      ...BASE_HEADERS,
      'Content-Type': contentType,
      'Content-Length': String(Buffer.byteLength(body)),
      ...(draining ? { Connection: 'close' } : {}),
      ...extra,
    });
    response.end(head ? undefined : body);
  };
  const json = (response: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}) =>
    send(response, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);
  const text = (response: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) =>
    send(response, status, `${message}\n`, 'text/plain; charset=utf-8', extra);
  /** A refusal in the form the caller reads: a Result-shaped JSON error for the API, a line of text for pages. */
  const refuse = (
    response: ServerResponse,
    api: boolean,
    status: number,
    code: string,
    message: string,
    extra: Record<string, string> = {},
  ) => (api ? json(response, status, failure(code, message), extra) : text(response, status, message, extra));

  async function callChannel(channel: IpcChannel, request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return json(response, 413, failure(LocalErrorCode.InvalidInput, `The body is over ${MAX_BODY_BYTES} bytes.`), {
          Connection: 'close',
        });
      throw error;
    }
    let payload: unknown = undefined;
    if (body.length > 0) {
      // A JSON type forces a browser to ask first (a preflight, refused here) before any cross-origin body is sent.
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json')
        return json(response, 415, failure(LocalErrorCode.InvalidInput, 'Send the payload as application/json.'));
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        return json(
          response,
          400,
          failure(LocalErrorCode.InvalidInput, `Invalid payload for ${channel}: the body is not JSON.`),
        );
      }
    }
    // The handler parses the payload with the channel's schema and answers a Result: what the window gets over IPC.
    json(response, 200, await handlers[channel](payload));
  }

  async function serveFile(pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const file = await files(pathname);
    if (file === null) return text(response, 404, 'Not found');
    send(response, 200, file.body, file.contentType, {}, request.method === 'HEAD');
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.url ?? '';
    // Origin-form only ("/path"): an absolute URL names another authority than the Host we checked.
    if (!target.startsWith('/')) return text(response, 400, 'Bad request');
    const url = new URL(target, `http://${SERVE_HOST}`);
    const { pathname } = url;
    const api = pathname.startsWith(API_PREFIX);
    const where = `${request.method ?? '?'} ${pathname}`;
    const headers = headersOf(request);

    const foreign = originRejection(headers, port) ?? (api ? fetchSiteRejection(headers) : null);
    if (foreign !== null) {
      warn(`refused ${where}: ${foreign}`);
      return refuse(response, api, 403, LocalErrorCode.IpcForbidden, `Refused: ${foreign}.`);
    }
    if (draining) return refuse(response, api, 503, LocalErrorCode.IpcInternal, 'Taper is shutting down.');

    // The one-time URL: the token becomes the session cookie, and the address bar loses it.
    const offered = url.searchParams.get('token');
    if (pathname === '/' && offered !== null && (request.method === 'GET' || request.method === 'HEAD')) {
      if (!sameSecret(offered, token)) {
        warn(`refused ${where}: a wrong token in the URL`);
        return text(response, 401, "This link's token is not the one `taper serve` printed. Open the URL it printed.");
      }
      response.writeHead(303, {
        ...BASE_HEADERS,
        Location: '/',
        'Set-Cookie': sessionCookie(token, port),
        'Content-Length': '0',
      });
      return void response.end();
    }
    if (!isAuthorized(headers, token, port)) {
      warn(`refused ${where}: no valid token`);
      return refuse(
        response,
        api,
        401,
        LocalErrorCode.IpcForbidden,
        'A valid token is required: open the URL `taper serve` printed, or send Authorization: Bearer <token>.',
        { 'WWW-Authenticate': 'Bearer' },
      );
    }

    if (pathname === EVENTS_PATH) {
      if (request.method !== 'GET')
        return refuse(response, true, 405, LocalErrorCode.InvalidInput, 'Use GET for /api/events.', { Allow: 'GET' });
      return events.attach(response, { ...BASE_HEADERS });
    }
    if (api) {
      let name: string;
      try {
        name = decodeURIComponent(pathname.slice(API_PREFIX.length));
      } catch {
        name = '';
      }
      const channel = channelRoute(name);
      if (channel === null)
        return json(
          response,
          404,
          failure(LocalErrorCode.InvalidInput, `Unknown channel ${JSON.stringify(name.slice(0, 64))}.`),
        );
      if (request.method !== 'POST')
        return json(response, 405, failure(LocalErrorCode.InvalidInput, `Use POST for /api/${channel}.`), {
          Allow: 'POST',
        });
      return callChannel(channel, request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return text(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return serveFile(pathname, request, response);
  }

  const server = createServer((request, response) => {
    const handled = handle(request, response).catch((error: unknown) => {
      warn(
        `request failed: ${request.method ?? '?'} ${(request.url ?? '').split('?')[0]}: ${error instanceof Error ? error.message : 'error'}`,
      );
      if (!response.headersSent)
        json(
          response,
          500,
          failure(LocalErrorCode.IpcInternal, 'Taper could not answer this request; details are in the log.'),
        );
      else response.destroy();
    });
    // API calls are what shutdown waits for (a create must finish and be answered); the event stream is not.
    if (request.url?.startsWith(API_PREFIX) && !request.url.startsWith(EVENTS_PATH)) {
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
