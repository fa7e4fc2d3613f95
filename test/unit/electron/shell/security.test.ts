import { describe, expect, it, vi } from 'vitest';
import {
  guardWebContents,
  hardenSession,
  type IsOurFrame,
  type SessionLike,
  type WebContentsLike,
} from '../../../../electron/shell/security.js';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/shell/window-options.js';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: WebContentsLike = {
    on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => {
      listeners.set(event, listener);
    },
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  } as WebContentsLike;
  return { contents, listeners, open: (url: string) => openHandler?.({ url }) };
}

describe('guardWebContents', () => {
  it('prevents every navigation and redirect', () => {
    const { contents, listeners } = fakeContents();
    const warn = vi.fn();
    guardWebContents(contents, { openExternal: vi.fn(), warn });
    for (const event of ['will-navigate', 'will-redirect']) {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault }, 'https://evil.example/');
      expect(preventDefault).toHaveBeenCalledOnce();
    }
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('denies new windows and opens only allowlisted links externally', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(contents, { openExternal, warn: vi.fn() });
    expect(open('https://console.cloud.tencent.com/live')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://console.cloud.tencent.com/live']]);
  });
});

describe('hardenSession', () => {
  function harden(isOurFrame: IsOurFrame = vi.fn(() => true)) {
    let headersListener: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0] | undefined;
    let permissionHandler: Parameters<SessionLike['setPermissionRequestHandler']>[0] | undefined;
    let checkHandler: Parameters<SessionLike['setPermissionCheckHandler']>[0] | undefined;
    hardenSession(
      {
        webRequest: { onHeadersReceived: (listener) => (headersListener = listener) },
        setPermissionRequestHandler: (handler) => (permissionHandler = handler),
        setPermissionCheckHandler: (handler) => (checkHandler = handler),
      },
      isOurFrame,
    );
    const request = (permission: string, details = { requestingUrl: 'taper://app/index.html', isMainFrame: true }) => {
      const callback = vi.fn();
      permissionHandler?.({}, permission, callback, details);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    const check = (permission: string, details = { requestingUrl: 'taper://app/index.html', isMainFrame: true }) =>
      checkHandler?.({}, permission, 'taper://app', details);
    return { headersListener: () => headersListener, request, check, isOurFrame };
  }

  it('sets the CSP header on responses and denies every permission but the clipboard write', () => {
    const { headersListener, request, check } = harden();
    const respond = vi.fn();
    headersListener()?.({ responseHeaders: {} }, respond);
    expect(respond).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(request(permission), permission).toBe(false);
      expect(check(permission), permission).toBe(false);
    }
    expect(request('clipboard-sanitized-write')).toBe(true);
    expect(check('clipboard-sanitized-write')).toBe(true);
  });

  it('grants the clipboard write only to our own frame, in both handlers', () => {
    const { request, check, isOurFrame } = harden(
      vi.fn(
        (_contents: unknown, details: { requestingUrl?: string; isMainFrame?: boolean }) =>
          details.isMainFrame === true && details.requestingUrl === 'taper://app/index.html',
      ),
    );
    const foreign = { requestingUrl: 'https://evil.example/', isMainFrame: true };
    const subFrame = { requestingUrl: 'taper://app/index.html', isMainFrame: false };
    expect(request('clipboard-sanitized-write', foreign)).toBe(false);
    expect(check('clipboard-sanitized-write', foreign)).toBe(false);
    expect(request('clipboard-sanitized-write', subFrame)).toBe(false);
    expect(check('clipboard-sanitized-write', subFrame)).toBe(false);
    expect(isOurFrame).toHaveBeenCalled();
  });
});
