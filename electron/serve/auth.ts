// Who may talk to `taper serve`. In order: the Host header must name the loopback address we are bound to (a DNS
// rebinding page reaches 127.0.0.1 under its own name, and is refused here), an Origin header must be our own origin
// (another site, or another port of 127.0.0.1, cannot call the API from a browser), then the token: a Bearer header
// (scripts) or the session cookie the one-time URL set (the browser). Pure functions over headers, unit-tested.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The only address the server binds (here, beside the names it answers to, so the two cannot drift apart). */
export const SERVE_HOST = '127.0.0.1';
/** The names the server answers to: the address it is bound to and `localhost`. */
export const LOOPBACK_HOSTS: readonly string[] = [SERVE_HOST, 'localhost'];

export interface RequestHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  authorization?: string | undefined;
  cookie?: string | undefined;
  'sec-fetch-site'?: string | undefined;
}

/** `host:port` values a request may carry in Host (the port may be left out only for port 80). */
export function allowedHosts(port: number): ReadonlySet<string> {
  const hosts = LOOPBACK_HOSTS.map((host) => `${host}:${port}`);
  return new Set(port === 80 ? [...hosts, ...LOOPBACK_HOSTS] : hosts);
}

/** The origins the page is served from. */
export function allowedOrigins(port: number): ReadonlySet<string> {
  return new Set(LOOPBACK_HOSTS.map((host) => (port === 80 ? `http://${host}` : `http://${host}:${port}`)));
}

/** Why the request's Host or Origin is refused (403), or null. */
export function originRejection(headers: RequestHeaders, port: number): string | null {
  const host = headers.host?.trim().toLowerCase();
  if (host === undefined || host === '') return 'no Host header';
  if (!allowedHosts(port).has(host)) return 'a Host other than 127.0.0.1 or localhost with the port';
  if (headers.origin !== undefined && !allowedOrigins(port).has(headers.origin.trim().toLowerCase()))
    return 'an Origin other than the served one';
  return null;
}

/**
 * Fetch metadata (sent by every current browser): an API call made by a page of another origin, including another
 * port of 127.0.0.1 (which is "same-site"), is refused even where it carries no Origin (a no-cors GET).
 */
export function fetchSiteRejection(headers: RequestHeaders): string | null {
  const site = headers['sec-fetch-site']?.trim().toLowerCase();
  if (site === undefined || site === 'same-origin' || site === 'none') return null;
  return `a request from another site (Sec-Fetch-Site: ${site})`;
}

/** Constant-time equality of two strings of any lengths (their SHA-256 digests are compared). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The session cookie's name, one per port: cookies are not kept apart by port, so two `taper serve` on one machine
 * would otherwise overwrite each other's.
 */
export function cookieName(port: number): string {
  return `taper_session_${port}`;
}

/**
 * The cookie's value: derived from the token, not the token itself. A browser sends 127.0.0.1 cookies to every port
 * of 127.0.0.1, so the value may reach another local server; it then works for this server only while the token
 * does, and never reveals the token (a --token-file's token outlives many runs).
 */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('taper-serve-session-cookie').digest('base64url');
}

/** `Set-Cookie` for the session: HttpOnly (no script reads it), SameSite=Strict, the whole site. */
export function sessionCookie(token: string, port: number): string {
  return `${cookieName(port)}=${sessionValue(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/** Whether the request carries the token (Bearer) or the session cookie. */
export function isAuthorized(headers: RequestHeaders, token: string, port: number): boolean {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (bearer?.[1] !== undefined) return sameSecret(bearer[1], token);
  const session = cookieValue(headers.cookie, cookieName(port));
  return session !== undefined && sameSecret(session, sessionValue(token));
}
