// Which HTTP proxy, if any, the Live API is reached through. Many broadcast sites and offices reach the internet only
// through one. The composition root says where the setting comes from (`HTTPS_PROXY`/`NO_PROXY` in the CLI, and the
// OS settings too in the app); this file decides what Taper does with it.
import { isIP } from 'node:net';

/** The proxy URL for a target URL, '' for a direct connection (what proxy-from-env's getProxyForUrl answers). */
export type ProxyFor = (url: string) => string;

/** A proxy to tunnel through, a direct connection, or why the setting cannot be used (nothing is then sent). */
export type ProxyChoice = { proxy: URL } | { proxy: null } | { unusable: string };

/** localhost and the loopback ranges: the sandbox and the tests, never worth a round trip through a proxy. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 4) return host.startsWith('127.');
  return family === 6 && (host === '::1' || host.startsWith('::ffff:127.'));
}

export function chooseProxy(target: URL, proxyFor: ProxyFor): ProxyChoice {
  if (isLoopbackHost(target.hostname)) return { proxy: null };
  const setting = proxyFor(target.href).trim();
  if (setting === '') return { proxy: null };
  let proxy: URL;
  try {
    proxy = new URL(setting);
  } catch {
    // The value is not repeated: a proxy URL may carry a password.
    return {
      unusable: `The proxy set for ${target.host} (HTTPS_PROXY, HTTP_PROXY or ALL_PROXY) is not a URL such as http://proxy.example.com:3128.`,
    };
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    return {
      unusable: `The proxy set for ${target.host} is a ${proxy.protocol}// proxy (${proxy.host}); Taper can use http:// and https:// proxies only.`,
    };
  }
  return { proxy };
}
