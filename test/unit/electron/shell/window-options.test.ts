import { describe, expect, it } from 'vitest';
import {
  ALLOWED_EXTERNAL_HOSTS,
  CONTENT_SECURITY_POLICY,
  createWindowOptions,
  isAllowedExternalUrl,
  withCspHeader,
} from '../../../../electron/shell/window-options.js';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs' });

  it('hardens every window as the Electron security checklist asks', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('starts hidden so the window shows only once painted', () => {
    expect(options.show).toBe(false);
  });
});

describe('CSP', () => {
  it("denies everything by default and allows only the app's own scripts", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('replaces any policy a response carries, whatever the header case', () => {
    const headers = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('adds the policy when there are no headers', () => {
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(ALLOWED_EXTERNAL_HOSTS.map((host) => `https://${host}/live/config/record`))('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://console.cloud.tencent.com/live',
    'https://console.cloud.tencent.com.evil.example/live',
    'https://evil.example/?https://cloud.tencent.com',
    'https://user:pass@cloud.tencent.com/',
    'https://cloud.tencent.com:8443/',
    'https://sub.cloud.tencent.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
