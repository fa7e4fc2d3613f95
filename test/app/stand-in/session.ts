// session.defaultSession and protocol: the app's custom scheme is served from a loopback HTTP server that calls the
// app's own `protocol.handle` handler, with the app's `onHeadersReceived` listener applied, so the page gets exactly
// the bytes and headers main produces. The page's address maps back to the app's scheme for everything main sees.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as Electron from 'electron';
import { emit } from './control.js';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
) => void;
export type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
export type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details: Record<string, unknown>,
) => boolean;

const privileged = new Map<string, Electron.CustomScheme['privileges']>();
const handlers = new Map<string, ProtocolHandler>();
let headersListener: HeadersListener | null = null;
let server: Promise<{ server: Server; origin: string }> | null = null;
let ready = false;

export const permissionHandlers: { request: PermissionRequestHandler | null; check: PermissionCheckHandler | null } = {
  request: null,
  check: null,
};

/** Called by `app` once it is ready: schemes can be registered as privileged only before. */
export function markReady(): void {
  ready = true;
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready');
    for (const scheme of schemes) privileged.set(scheme.scheme, scheme.privileges);
    emit({ type: 'protocol-privileged', schemes: schemes.map((scheme) => scheme.scheme) });
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!ready) throw new Error('protocol.handle must be called after the app is ready');
    handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return handlers.has(scheme);
  },
} satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'unhandle' | 'isProtocolHandled'> & {
  handle: unknown;
};

/** The scheme:host a served page really has, e.g. `taper://app`, keyed by the loopback origin it is served from. */
let served: { scheme: string; host: string; origin: string } | null = null;

async function startServer(scheme: string, host: string): Promise<string> {
  const running = (server ??= new Promise((resolve) => {
    const created = createServer((request, response) => {
      void (async () => {
        const url = `${scheme}://${host}${request.url ?? '/'}`;
        const handler = handlers.get(scheme);
        if (handler === undefined) {
          response.writeHead(404).end();
          return;
        }
        const answer = await handler(new Request(url, { method: request.method ?? 'GET' }));
        let headers: Record<string, string[] | string> = {};
        answer.headers.forEach((value, name) => {
          headers[name] = [value];
        });
        if (headersListener !== null) {
          headers = await new Promise((resolve) =>
            headersListener?.({ url, responseHeaders: headers as Record<string, string[]> }, (changed) =>
              resolve(changed.responseHeaders ?? headers),
            ),
          );
        }
        response.writeHead(answer.status, headers);
        response.end(Buffer.from(await answer.arrayBuffer()));
      })().catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    created.listen(0, '127.0.0.1', () =>
      resolve({ server: created, origin: `http://127.0.0.1:${(created.address() as AddressInfo).port}` }),
    );
  }));
  const { origin } = await running;
  served = { scheme, host, origin };
  return origin;
}

/** Where the page goes for a URL main loads: the loopback server for a handled custom scheme, the URL itself otherwise. */
export async function pageUrlFor(url: string): Promise<string> {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (!handlers.has(scheme)) return url;
  if (!privileged.get(scheme)?.standard)
    throw new Error(`stand-in: ${scheme}: is handled but not registered as a standard scheme`);
  const origin = await startServer(scheme, parsed.host);
  return `${origin}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** What main sees as a frame's URL: the custom scheme's, for a page the loopback server served. */
export function appUrlFor(pageUrl: string): string {
  if (served !== null && pageUrl.startsWith(`${served.origin}/`))
    return `${served.scheme}://${served.host}${pageUrl.slice(served.origin.length)}`;
  return pageUrl;
}

export function closeServer(): void {
  void server?.then(({ server: running }) => running.close());
  server = null;
}

export const defaultSession = {
  webRequest: {
    onHeadersReceived(listener: HeadersListener | null): void {
      headersListener = listener;
    },
  },
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    permissionHandlers.request = handler;
  },
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    permissionHandlers.check = handler;
  },
  async resolveProxy(_url: string): Promise<string> {
    return process.env['TAPER_STANDIN_PROXY'] ?? 'DIRECT';
  },
  protocol,
};

export const session = { defaultSession };
