// The app's proxy: a GUI app on macOS or Windows gets no HTTPS_PROXY from a shell, so the OS proxy settings (as
// Chromium reads them, PAC scripts included) apply when the environment names none. The CLI reads the environment only.
import type { ProxyFor } from '../services/live-api/proxy.js';

/**
 * The first proxy of a Chromium `resolveProxy` answer ("PROXY host:port; DIRECT") that Taper can use, as a URL; ''
 * for DIRECT. SOCKS entries are skipped; a list of SOCKS only is returned as it is, so the user is told why nothing
 * is sent instead of Taper going around the proxy.
 */
export function proxyFromChromiumRule(rule: string): string {
  const entries = rule
    .split(';')
    .map((entry) => entry.trim().split(/\s+/))
    .filter(([kind]) => kind !== undefined && kind !== '');
  let socks = '';
  for (const [kind = '', host = ''] of entries) {
    const type = kind.toUpperCase();
    if (type === 'DIRECT') return '';
    if (type === 'PROXY' && host !== '') return `http://${host}`;
    if (type === 'HTTPS' && host !== '') return `https://${host}`;
    if (type.startsWith('SOCKS') && host !== '' && socks === '')
      socks = `${type === 'SOCKS' ? 'socks4' : type.toLowerCase()}://${host}`;
  }
  return socks;
}

/** How long start-up waits for the OS answer (a PAC script may have to be fetched first) before going direct. */
export const SYSTEM_PROXY_WAIT_MS = 3000;

/**
 * The system's proxy for `url` as a URL ('' for direct), from Chromium's resolver (`session.resolveProxy`). Bounded:
 * an unreachable PAC script must not hold up the tray; a failed or late answer means direct, and the calls that then
 * fail say to check the proxy.
 */
export async function resolveSystemProxy(
  resolveProxy: (url: string) => Promise<string>,
  url: string,
  waitMs = SYSTEM_PROXY_WAIT_MS,
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('DIRECT'), waitMs);
  });
  try {
    return proxyFromChromiumRule(await Promise.race([resolveProxy(url).catch(() => 'DIRECT'), late]));
  } finally {
    clearTimeout(timer);
  }
}

const PROXY_VARIABLES = ['https_proxy', 'http_proxy', 'all_proxy', 'no_proxy'];

/**
 * The environment decides alone when it sets any proxy variable (as it does for the CLI, NO_PROXY included);
 * otherwise the system's proxy, resolved once at start-up, serves every endpoint.
 */
export function appProxyFor(
  env: Readonly<Record<string, string | undefined>>,
  environmentProxyFor: ProxyFor,
  systemProxy: string,
): ProxyFor {
  const environmentDecides = PROXY_VARIABLES.some((name) => (env[name] ?? env[name.toUpperCase()] ?? '').trim() !== '');
  return environmentDecides ? environmentProxyFor : () => systemProxy;
}
