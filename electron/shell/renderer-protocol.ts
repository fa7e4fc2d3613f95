// The renderer is served from Taper's own privileged scheme, `taper://app/`, not from file://: the CSP travels as a
// response header (Electron applies no header to file:// pages), ES modules load without file-access flags, and the
// IPC sender check compares one fixed origin instead of a file path (drive-letter case, escapes, symlinks).
import { extname, join, relative, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './window-options.js';

export const RENDERER_SCHEME = 'taper';
export const RENDERER_HOST = 'app';
/** The page every Taper window loads. */
export const RENDERER_ENTRY = `${RENDERER_SCHEME}://${RENDERER_HOST}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready: a standard, secure scheme like https. */
export const RENDERER_SCHEME_PRIVILEGES = {
  scheme: RENDERER_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** The renderer's file types (the protocol handler here, `taper serve`'s static files). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a renderer file by its extension. */
export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `root` a request URL names, or null for anything else: another scheme or host, a path that climbs
 * out of root (also when percent-encoded), a NUL byte. The path is decoded once, as a browser encodes it once.
 */
export function rendererFile(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${RENDERER_SCHEME}:` || parsed.host.toLowerCase() !== RENDERER_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const file = join(root, path === '/' ? 'index.html' : path);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || inside.split(sep).includes('..'))
    return null;
  return file;
}

export interface RendererProtocolDeps {
  /** dist/renderer. */
  root: string;
  readFile(path: string): Promise<Uint8Array>;
}

/** The `protocol.handle` handler: the renderer's files with their type and the CSP; 404 for everything else. */
export function createRendererHandler({
  root,
  readFile,
}: RendererProtocolDeps): (request: Request) => Promise<Response> {
  const headers = (file: string) => ({
    'Content-Type': contentTypeOf(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  });
  return async (request) => {
    const file = request.method === 'GET' ? rendererFile(request.url, root) : null;
    if (file === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    try {
      return new Response(new Uint8Array(await readFile(file)), { status: 200, headers: headers(file) });
    } catch {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    }
  };
}

/** Whether `url` is the renderer entry (any query or fragment): what the IPC sender check and permissions accept. */
export function isRendererEntry(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Chromium lowercases a standard scheme's host; Node keeps a non-special scheme's host as written.
  return (
    parsed.protocol === `${RENDERER_SCHEME}:` &&
    parsed.host.toLowerCase() === RENDERER_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    parsed.pathname === '/index.html'
  );
}
