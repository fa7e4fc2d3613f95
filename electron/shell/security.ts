// Session and web-contents guards: CSP header on every response, every permission denied, no navigation, no new
// windows, external links only to the allowlist. Electron objects come in as narrow structural types so the
// guards are unit-tested with fakes.
import { isAllowedExternalUrl, withCspHeader } from './window-options.js';

/** What Electron passes a permission handler about the frame that asks. */
export interface PermissionDetails {
  requestingUrl?: string;
  isMainFrame?: boolean;
}

/** Whether a permission request comes from our renderer's main frame in one of our windows. */
export type IsOurFrame = (webContents: unknown, details: PermissionDetails) => boolean;

/**
 * The only permission Taper's page gets: writing text to the clipboard (the Copy buttons beside TaskIds and
 * RequestIds), and only from our own main frame. Chromium asks for it as `clipboard-sanitized-write`.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[] | string> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void;

/** The part of an Electron Session the guards use. */
export interface SessionLike {
  webRequest: { onHeadersReceived(listener: HeadersListener): void };
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: PermissionDetails,
    ) => boolean,
  ): void;
}

export function hardenSession(session: SessionLike, isOurFrame: IsOurFrame): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
  // Taper needs no camera, microphone, notifications-from-page, geolocation, ...: main shows notifications itself.
  // Both handlers: Chromium checks some permissions without requesting them, and a denied check fails the copy.
  const allowed = (webContents: unknown, permission: string, details: PermissionDetails) =>
    GRANTED_PERMISSIONS.has(permission) && isOurFrame(webContents, details);
  session.setPermissionRequestHandler((webContents, permission, callback, details) =>
    callback(allowed(webContents, permission, details ?? {})),
  );
  session.setPermissionCheckHandler((webContents, permission, _origin, details) =>
    allowed(webContents, permission, details ?? {}),
  );
}

/** The part of webContents the guards use. */
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardOptions {
  /** shell.openExternal. */
  openExternal(url: string): void;
  /** A warning for the log (the URL only; never page content). */
  warn(message: string): void;
}

/** Applied to every webContents as it is created (`app.on('web-contents-created')`). */
export function guardWebContents(contents: WebContentsLike, { openExternal, warn }: GuardOptions): void {
  const deny = (kind: string) => (event: { preventDefault(): void }, url?: string) => {
    event.preventDefault();
    warn(`${kind} denied${url === undefined ? '' : `: ${url}`}`);
  };
  // The renderer is a single page: any navigation is either a bug or an attack.
  contents.on('will-navigate', deny('navigation'));
  contents.on('will-redirect', deny('redirect'));
  contents.on('will-attach-webview', deny('webview'));
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the Tencent console open in the user's browser; nothing opens inside Taper.
    if (isAllowedExternalUrl(url)) openExternal(url);
    else warn(`window.open denied: ${url}`);
    return { action: 'deny' };
  });
}
