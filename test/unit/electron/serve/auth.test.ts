import { describe, expect, it } from 'vitest';
import {
  cookieName,
  fetchSiteRejection,
  isAuthorized,
  originRejection,
  sameSecret,
  sessionCookie,
  sessionValue,
} from '../../../../electron/serve/auth.js';

const TOKEN = 'kV3c2Yx0qY1mN8pR4tW7zA9bC6dE5fG2hJ3kL4mN5pQ';
const PORT = 8765;

describe('originRejection', () => {
  it('takes 127.0.0.1 and localhost with the port, with or without an Origin of the same', () => {
    expect(originRejection({ host: '127.0.0.1:8765' }, PORT)).toBeNull();
    expect(originRejection({ host: 'LOCALHOST:8765' }, PORT)).toBeNull();
    expect(originRejection({ host: '127.0.0.1:8765', origin: 'http://127.0.0.1:8765' }, PORT)).toBeNull();
    expect(originRejection({ host: '127.0.0.1:8765', origin: 'http://localhost:8765' }, PORT)).toBeNull();
  });

  it('refuses another host name (DNS rebinding), another port, no Host, and a foreign Origin', () => {
    for (const host of [
      undefined,
      '',
      'rebind.evil.example:8765',
      'evil.example',
      '127.0.0.1',
      '127.0.0.1:8766',
      '[::1]:8765',
      '0.0.0.0:8765',
    ]) {
      expect(originRejection({ host }, PORT), String(host)).not.toBeNull();
    }
    for (const origin of [
      'http://evil.example',
      'http://127.0.0.1:8766',
      'https://127.0.0.1:8765',
      'null',
      'http://127.0.0.1',
    ]) {
      expect(originRejection({ host: '127.0.0.1:8765', origin }, PORT), origin).not.toBeNull();
    }
  });

  it('accepts the bare names only when the port is 80', () => {
    expect(originRejection({ host: 'localhost', origin: 'http://localhost' }, 80)).toBeNull();
  });
});

describe('fetchSiteRejection', () => {
  it('lets same-origin, user-typed and non-browser requests through; refuses same-site (another port) and cross-site', () => {
    expect(fetchSiteRejection({})).toBeNull();
    expect(fetchSiteRejection({ 'sec-fetch-site': 'same-origin' })).toBeNull();
    expect(fetchSiteRejection({ 'sec-fetch-site': 'none' })).toBeNull();
    expect(fetchSiteRejection({ 'sec-fetch-site': 'same-site' })).not.toBeNull();
    expect(fetchSiteRejection({ 'sec-fetch-site': 'cross-site' })).not.toBeNull();
  });
});

describe('tokens and the session cookie', () => {
  it('compares secrets of any length without throwing', () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    expect(sameSecret(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(sameSecret('', TOKEN)).toBe(false);
  });

  it('takes the Bearer token or the session cookie, nothing else', () => {
    expect(isAuthorized({ authorization: `Bearer ${TOKEN}` }, TOKEN, PORT)).toBe(true);
    expect(isAuthorized({ authorization: `bearer ${TOKEN}` }, TOKEN, PORT)).toBe(true);
    expect(isAuthorized({ cookie: `other=1; ${cookieName(PORT)}=${sessionValue(TOKEN)}` }, TOKEN, PORT)).toBe(true);
    expect(isAuthorized({}, TOKEN, PORT)).toBe(false);
    expect(isAuthorized({ authorization: `Basic ${TOKEN}` }, TOKEN, PORT)).toBe(false);
    expect(isAuthorized({ authorization: 'Bearer wrong' }, TOKEN, PORT)).toBe(false);
    // The token itself is not a session value, nor is another port's session.
    expect(isAuthorized({ cookie: `${cookieName(PORT)}=${TOKEN}` }, TOKEN, PORT)).toBe(false);
    expect(isAuthorized({ cookie: `${cookieName(PORT + 1)}=${sessionValue(TOKEN)}` }, TOKEN, PORT)).toBe(false);
    // A wrong Bearer is not rescued by a right cookie: the header says who is asking.
    expect(
      isAuthorized(
        { authorization: 'Bearer wrong', cookie: `${cookieName(PORT)}=${sessionValue(TOKEN)}` },
        TOKEN,
        PORT,
      ),
    ).toBe(false);
  });

  it('sets an HttpOnly, SameSite=Strict cookie for the whole site whose value does not reveal the token', () => {
    const cookie = sessionCookie(TOKEN, PORT);
    expect(cookie).toBe(`taper_session_8765=${sessionValue(TOKEN)}; HttpOnly; SameSite=Strict; Path=/`);
    expect(cookie).not.toContain(TOKEN);
    expect(sessionValue(TOKEN)).not.toBe(sessionValue(`${TOKEN}x`));
  });
});
