// The hardened options of every Taper window (Electron security checklist, docs/style.md §5). Pure, so a unit test
// can pin every flag.
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The renderer's Content-Security-Policy: nothing by default, the app's own scripts, styles and images only.
 * Same policy as the meta tag of renderer/index.html; the header covers responses the meta tag cannot.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export interface WindowOptionsInput {
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  /** Window icon (Linux/Windows). */
  iconPath?: string;
}

export function createWindowOptions({ preloadPath, iconPath }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1080,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    title: 'Taper',
    // Shown once the first paint is ready, so the window never flashes white.
    show: false,
    autoHideMenuBar: true,
    ...(iconPath === undefined ? {} : { icon: iconPath }),
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

/** Response headers with our CSP set (replacing any other, whatever its case). */
export function withCspHeader(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/** The only hosts `shell.openExternal` may open: Tencent Cloud console and documentation. */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = [
  'console.cloud.tencent.com',
  'cloud.tencent.com',
  'www.tencentcloud.com',
];

/** https, an allowlisted host exactly (no subdomain tricks), default port, no credentials in the URL. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    ALLOWED_EXTERNAL_HOSTS.includes(parsed.hostname)
  );
}
