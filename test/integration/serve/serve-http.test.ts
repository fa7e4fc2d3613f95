// `taper serve` as a real process (bin/taper) against the loopback simulator: its stdout contract, the IPC contract over
// HTTP, the event stream, and every refusal of its security model.
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIpcHandlers, type ShellHooks } from '../../../electron/ipc/handlers.js';
import { createTaperCore } from '../../../electron/services/taper-core.js';
import { SERVE_CONTENT_SECURITY_POLICY } from '../../../electron/serve/static-files.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/window-options.js';
import { ok } from '../../../shared/result.js';
import { useCliSuite } from '../cli/cli-suite.js';
import { freshHome } from '../cli/run-taper.js';
import { filesUnder } from '../support/files-under.js';
import { call, openEvents, raw, startServe, URL_LINE, type RawResponse, type ServeProcess } from './serve-process.js';

const suite = useCliSuite({ envCredentials: true });
let serve: ServeProcess;
/** Every response a test saw: none may carry a CORS header. */
const seen: RawResponse[] = [];

const HOUR = 3_600;
const now = () => Math.floor(Date.now() / 1000);
const recordPayload = (streamName: string) => ({
  request: {
    domainName: 'push.example.com',
    appName: 'live',
    streamName,
    startTime: now() + HOUR,
    endTime: now() + 2 * HOUR,
    templateId: 1,
  },
});

async function request(options: Parameters<typeof raw>[1]): Promise<RawResponse> {
  const response = await raw(serve.port, options);
  seen.push(response);
  return response;
}
const bearer = () => ({ Authorization: `Bearer ${serve.token}` });

beforeEach(async () => {
  serve = await startServe(suite.env);
});
afterEach(async () => {
  expect(await serve.stop()).toBe(0);
});
afterAll(() => {
  for (const response of seen)
    expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
});

describe('taper serve: what it prints and what it answers', () => {
  it('prints the URL with a 256-bit token as its first and only stdout line', () => {
    const [first, ...rest] = serve.stdout().split('\n');
    expect(first).toMatch(URL_LINE);
    expect(first).toBe(`http://127.0.0.1:${serve.port}/?token=${serve.token}`);
    expect(Buffer.from(serve.token, 'base64url')).toHaveLength(32);
    expect(rest.join('')).toBe('');
  });

  it('listens on 127.0.0.1 only: another loopback address of this machine is refused', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port: serve.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });

  it('answers app:info (the health check) with the bearer token, an empty body and the same Result as IPC', async () => {
    const response = await request({ method: 'POST', path: '/api/app:info', headers: bearer() });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const info = JSON.parse(response.body) as {
      ok: boolean;
      value: { version: string; platform: string; sandbox: boolean };
    };
    expect(info.ok).toBe(true);
    const version = (JSON.parse(await readFile('package.json', 'utf8')) as { version: string }).version;
    expect(info.value).toMatchObject({ version, platform: process.platform, sandbox: false });
  });

  it('refuses a request without a token, with a wrong one, and a wrong one-time URL, with 401', async () => {
    const none = await request({ method: 'POST', path: '/api/app:info' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'Taper.Ipc.Forbidden' } });
    const wrong = await request({
      method: 'POST',
      path: '/api/app:info',
      headers: { Authorization: `Bearer ${serve.token.slice(0, -1)}x` },
    });
    expect(wrong.status).toBe(401);
    const short = await request({ method: 'POST', path: '/api/app:info', headers: { Authorization: 'Bearer x' } });
    expect(short.status).toBe(401);
    const forgedCookie = await request({
      method: 'POST',
      path: '/api/app:info',
      headers: { Cookie: `taper_session_${serve.port}=${serve.token}` },
    });
    expect(forgedCookie.status).toBe(401);
    const page = await request({ path: '/' });
    expect(page.status).toBe(401);
    expect(page.body).not.toContain('<script');
    const wrongUrl = await request({ path: '/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(wrongUrl.status).toBe(401);
    expect(wrongUrl.headers['set-cookie']).toBeUndefined();
    const events = await request({ path: '/api/events' });
    expect(events.status).toBe(401);
  });

  it('the one-time URL sets an HttpOnly, SameSite=Strict session cookie and redirects to /, which then serves the app', async () => {
    const login = await request({ path: `/?token=${serve.token}` });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/');
    const [cookie] = login.headers['set-cookie'] ?? [];
    expect(cookie).toBeDefined();
    const attributes = cookie!.split(';').map((part) => part.trim());
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    // The cookie is not the token: a cookie sent to another port of 127.0.0.1 must not reveal it.
    expect(cookie).not.toContain(serve.token);
    const session = attributes[0]!;

    const page = await request({ path: '/', headers: { Cookie: session } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<div id="root">');
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await request({ path: `/${script}`, headers: { Cookie: session } });
    expect([asset.status, asset.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);

    // What the page's fetch sends: the cookie and its own Origin.
    const info = await request({
      method: 'POST',
      path: '/api/app:info',
      headers: { Cookie: session, Origin: `http://127.0.0.1:${serve.port}` },
    });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true });
  });

  it("sends the app's CSP with connect-src 'self' as a header on the page; the Electron policy keeps connect-src 'none'", async () => {
    const page = await request({ path: '/', headers: bearer() });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(SERVE_CONTENT_SECURITY_POLICY);
    expect(SERVE_CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(SERVE_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(SERVE_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(SERVE_CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'none'")).toBe(
      CONTENT_SECURITY_POLICY,
    );
    // The meta tag must not block the page's own API (the effective policy is meta ∩ header).
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page.body)?.[1];
    expect(meta).toContain("connect-src 'self'");
    expect(meta).not.toContain("connect-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('refuses a foreign Host (DNS rebinding) with 403, even with the token; localhost with the port is fine', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${serve.port}`,
      `127.0.0.1:${serve.port + 1}`,
      '127.0.0.1',
      `127.0.0.2:${serve.port}`,
    ]) {
      const response = await request({ method: 'POST', path: '/api/app:info', headers: { ...bearer(), Host: host } });
      expect(response.status, host).toBe(403);
      const page = await request({ path: `/?token=${serve.token}`, headers: { Host: host } });
      expect(page.status, host).toBe(403);
      expect(page.headers['set-cookie']).toBeUndefined();
    }
    const local = await request({
      method: 'POST',
      path: '/api/app:info',
      headers: { ...bearer(), Host: `localhost:${serve.port}` },
    });
    expect(local.status).toBe(200);
  });

  it('refuses a foreign Origin and a cross-site fetch with 403, preflights included, and never sends a CORS header', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${serve.port + 1}`,
      `https://127.0.0.1:${serve.port}`,
      'null',
    ]) {
      const response = await request({
        method: 'POST',
        path: '/api/app:info',
        headers: { ...bearer(), Origin: origin },
      });
      expect(response.status, origin).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'Taper.Ipc.Forbidden' } });
      const preflight = await request({
        method: 'OPTIONS',
        path: '/api/record:create',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.status, origin).toBe(403);
    }
    const crossSite = await request({
      method: 'POST',
      path: '/api/app:info',
      headers: { ...bearer(), 'Sec-Fetch-Site': 'same-site' },
    });
    expect(crossSite.status).toBe(403);
    const ownOrigin = await request({
      method: 'POST',
      path: '/api/app:info',
      headers: {
        ...bearer(),
        Origin: `http://localhost:${serve.port}`,
        Host: `localhost:${serve.port}`,
        'Sec-Fetch-Site': 'same-origin',
      },
    });
    expect(ownOrigin.status).toBe(200);
    const ownPreflight = await request({
      method: 'OPTIONS',
      path: '/api/app:info',
      headers: { ...bearer(), Origin: `http://127.0.0.1:${serve.port}` },
    });
    expect(ownPreflight.status).toBe(405);
  });

  it('answers an unknown channel 404 and a wrong method 405, as JSON errors', async () => {
    const unknown = await request({ method: 'POST', path: '/api/secrets:dump', headers: bearer() });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'Taper.InvalidInput' } });
    const get = await request({ path: '/api/history:list', headers: bearer() });
    expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
    expect(JSON.parse(get.body)).toMatchObject({ ok: false });
    const postEvents = await request({ method: 'POST', path: '/api/events', headers: bearer() });
    expect([postEvents.status, postEvents.headers.allow]).toEqual([405, 'GET']);
    const putPage = await request({ method: 'PUT', path: '/', headers: bearer() });
    expect(putPage.status).toBe(405);
    const traversal = await request({ path: '/%2e%2e/%2e%2e/package.json', headers: bearer() });
    expect(traversal.status).toBe(404);
    const notJson = await request({
      method: 'POST',
      path: '/api/history:list',
      headers: { ...bearer(), 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(notJson.status).toBe(415);
  });

  it('answers an invalid payload with the very Taper.InvalidInput Result the IPC handler gives', async () => {
    const bad = {
      request: { domainName: 'push.example.com', appName: 'live', streamName: 'x', endTime: 'tonight' },
      extra: true,
    };
    const overHttp = await call(serve, 'record:create', bad);
    expect(overHttp.status).toBe(200);
    const home = await freshHome();
    const { services, schedule } = await createTaperCore({ env: { TAPER_HOME: home }, clock: Date.now, dataDir: home });
    const hooks = {
      appInfo: async () => ok(null),
      historyChanged: () => undefined,
      plansChanged: () => undefined,
      recordAttempted: () => undefined,
      logError: () => undefined,
    } as unknown as ShellHooks;
    const overIpc = await createIpcHandlers(services, hooks, schedule)['record:create'](bad);
    expect(overIpc).toMatchObject({ ok: false, error: { code: 'Taper.InvalidInput' } });
    expect(overHttp.value).toEqual(overIpc);
    const noBody = await call(serve, 'history:list');
    expect(noBody.value).toMatchObject({ ok: false, error: { code: 'Taper.InvalidInput' } });
    const broken = await request({
      method: 'POST',
      path: '/api/history:list',
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: '{"filter":',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'Taper.InvalidInput' } });
  });

  it('pushes history:changed on the event stream after a record:create sent through the API; the task is real', async () => {
    const events = await openEvents(serve);
    try {
      const created = await call<{ ok: boolean; value: { entry: { taskId: string; stream: string } } }>(
        serve,
        'record:create',
        recordPayload('sse-show'),
      );
      expect(created.value.ok).toBe(true);
      expect(await events.next('history:changed')).toBeNull();
      const listed = await call<{ ok: boolean; value: { taskId: string | null }[] }>(serve, 'history:list', {});
      expect(listed.value.value.map((entry) => entry.taskId)).toEqual([created.value.value.entry.taskId]);
      expect(suite.simulator.tasks.list().map((task) => task.taskId)).toContain(created.value.value.entry.taskId);
    } finally {
      events.close();
    }
  });

  it('writes an export under the data directory and answers its path; the token is in no file there nor in the log', async () => {
    await call(serve, 'record:create', recordPayload('export-show'));
    const exported = await call<{ ok: boolean; value: { path: string } }>(serve, 'history:export', { format: 'csv' });
    expect(exported.value.ok).toBe(true);
    expect(exported.value.value.path.startsWith(join(suite.home, 'exports'))).toBe(true);
    expect(await readFile(exported.value.value.path, 'utf8')).toContain('export-show');
    // Refused requests are logged (path only); the token never is, nor anything the data directory holds.
    await request({ path: `/?token=${serve.token}x` });
    await request({ method: 'POST', path: '/api/app:info', headers: { Authorization: `Bearer ${serve.token}x` } });
    expect(await serve.stop()).toBe(0);
    const files = await filesUnder(suite.home);
    expect(files.some((file) => file.endsWith('serve.log'))).toBe(true);
    for (const file of files) expect((await readFile(file, 'utf8')).includes(serve.token), file).toBe(false);
    expect(serve.stderr()).not.toContain(serve.token);
  });
});
