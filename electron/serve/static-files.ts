// The built renderer (dist/renderer) as `taper serve` hands it to a browser: the same files, with the same path rules
// as the app's taper:// scheme (renderer-protocol.ts), and the app's CSP as a header, except that the page may
// connect to its own origin, which is where the API is.
//
// The CSP decision: a meta CSP and a header CSP both apply, and the effective policy is their intersection. The
// renderer's meta tag therefore says `connect-src 'self'` (it cannot leave connect-src out: default-src 'none' would
// then apply). In Electron the header (CONTENT_SECURITY_POLICY, set on every taper:// response and every response of
// the session) keeps `connect-src 'none'`, so the window's effective policy is exactly what it was. Here the header is
// the same policy with `connect-src 'self'`: fetch and EventSource to http://127.0.0.1:PORT only.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { contentTypeOf, RENDERER_HOST, RENDERER_SCHEME, rendererFile } from '../shell/renderer-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../shell/window-options.js';

const ELECTRON_CONNECT = "connect-src 'none'";

/** The app's CSP with `connect-src 'self'`: the page's only connections are its own API calls and event stream. */
export const SERVE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(ELECTRON_CONNECT, "connect-src 'self'");
// A changed app policy must be looked at again here, never silently served without a connect-src.
if (!CONTENT_SECURITY_POLICY.includes(ELECTRON_CONNECT))
  throw new Error(`the app's CSP no longer says ${ELECTRON_CONNECT}: review SERVE_CONTENT_SECURITY_POLICY`);

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads the file a request path names under `root`, or null (outside root, missing, a directory). */
export type StaticFiles = (pathname: string) => Promise<StaticFile | null>;

export function createStaticFiles(root: string): StaticFiles {
  return async (pathname) => {
    // The taper:// scheme's own mapping: decoded once, no NUL or backslash, never outside root, '/' is index.html.
    const file = rendererFile(
      `${RENDERER_SCHEME}://${RENDERER_HOST}${pathname.startsWith('/') ? pathname : `/${pathname}`}`,
      root,
    );
    if (file === null) return null;
    try {
      return { body: await readFile(file), contentType: contentTypeOf(file) };
    } catch {
      return null;
    }
  };
}

/**
 * Where the built renderer is, from the CLI's own location (bin/taper → dist/renderer). In the packaged app the CLI
 * runs from app.asar.unpacked while the renderer stays inside app.asar, which Electron's Node reads.
 */
export function rendererDirectory(cliScript: string): string | null {
  const root = join(cliScript, '..', '..');
  const candidates = [join(root, 'dist', 'renderer')];
  if (root.includes(`app.asar.unpacked`))
    candidates.push(join(root.replace(`app.asar.unpacked`, 'app.asar'), 'dist', 'renderer'));
  return candidates.find((directory) => existsSync(join(directory, 'index.html'))) ?? null;
}

/** For messages: the folder the renderer was looked for in. */
export function expectedRendererDirectory(cliScript: string): string {
  return join(cliScript, '..', '..', 'dist', 'renderer') + sep;
}
