// `taper` behind an HTTP proxy, as on a site whose only way out is one: the real CLI, HTTP_PROXY/HTTPS_PROXY in its
// environment, and a loopback CONNECT proxy that knows the endpoint's name (no DNS is asked) and checks its password.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { platformTasks, useCliSuite } from './cli-suite.js';
import { filesUnder } from '../support/files-under.js';
import { parseJson, runTaper } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true });
/** A name only the proxy can resolve: a direct connection to it would fail, so success proves the tunnel. */
const ENDPOINT_HOST = 'live.taper-proxy-test.invalid';
const PROXY_PASSWORD = 'proxy-pass-7f3a9c';

interface LoopbackProxy {
  port: number;
  /** `CONNECT` targets asked for, and whether each came with the right Proxy-Authorization. */
  tunnels: { target: string; authorized: boolean }[];
  close(): Promise<void>;
}

async function startProxy(simulatorPort: () => number): Promise<LoopbackProxy> {
  const tunnels: LoopbackProxy['tunnels'] = [];
  const sockets = new Set<Socket>();
  const expected = `Basic ${Buffer.from(`operator:${PROXY_PASSWORD}`).toString('base64')}`;
  const server: Server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request: IncomingMessage, client: Socket) => {
    sockets.add(client);
    const target = request.url ?? '';
    const authorized = request.headers['proxy-authorization'] === expected;
    tunnels.push({ target, authorized });
    if (!authorized) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="site"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (target !== `${ENDPOINT_HOST}:80`) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(simulatorPort(), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    tunnels,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let proxy: LoopbackProxy;
beforeAll(async () => {
  proxy = await startProxy(() => suite.simulator.port);
});
afterAll(async () => {
  await proxy.close();
});
beforeEach(() => {
  proxy.tunnels.length = 0;
});

const stream = ['--domain', 'push.example.com', '--app', 'live', '--stream', 'behind-proxy'];
const env = (proxyUrl: string, extra: Record<string, string> = {}) => ({
  ...suite.env,
  TAPER_ENDPOINT: `http://${ENDPOINT_HOST}`,
  HTTP_PROXY: proxyUrl,
  ...extra,
});
const withPassword = () => `http://operator:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`;

describe('taper behind an HTTP proxy', () => {
  it('records through the proxy named by HTTP_PROXY, with its password; the password is printed nowhere', async () => {
    const run = await runTaper(['record', ...stream, '--for', '1h', '--template', '1', '--json'], { env: env(withPassword()) });
    expect(run.code, run.stderr).toBe(0);
    const created = parseJson<{ taskId: string }>(run);
    expect((await platformTasks(suite.simulator)).map((task) => task.taskId)).toContain(created.taskId);
    expect(proxy.tunnels).toEqual([{ target: `${ENDPOINT_HOST}:80`, authorized: true }]);
    expect(run.stdout + run.stderr).not.toContain(PROXY_PASSWORD);
    for (const file of await filesUnder(suite.home)) expect(await readFile(file, 'utf8'), file).not.toContain(PROXY_PASSWORD);
  });

  it('a proxy that refuses the tunnel: a plain failure (nothing was sent, no sync needed), named in the message', async () => {
    const before = (await platformTasks(suite.simulator)).length;
    const wrong = `http://operator:wrong-password@127.0.0.1:${proxy.port}`;
    const run = await runTaper(['record', ...stream, '--for', '1h', '--template', '1', '--json'], { env: env(wrong) });
    const output = parseJson<{ error: { code: string; message: string } }>(run);
    expect(output.error.code).toBe('Taper.Network');
    expect(output.error.message).toContain(`through the proxy 127.0.0.1:${proxy.port}`);
    expect(output.error.message).toContain('407');
    expect(output.error.message).toMatch(/nothing was sent/);
    expect(run.stdout + run.stderr).not.toContain('wrong-password');
    for (const file of await filesUnder(suite.home)) expect(await readFile(file, 'utf8'), file).not.toContain('wrong-password');
    expect(proxy.tunnels).toEqual([{ target: `${ENDPOINT_HOST}:80`, authorized: false }]);
    expect((await platformTasks(suite.simulator)).length).toBe(before);
    // Recorded as failed, not as an unknown outcome that sync would have to settle.
    const history = parseJson<{ status: string; error: { code: string } | null }[]>(await runTaper(['history', '--json'], { env: suite.env }));
    expect(history.map((entry) => [entry.status, entry.error?.code])).toEqual([['failed', 'Taper.Network']]);
  });

  it('a SOCKS proxy is refused before anything is sent, without going around it', async () => {
    const run = await runTaper(['record', ...stream, '--for', '1h', '--template', '1', '--json'], { env: env(`socks5://operator:${PROXY_PASSWORD}@127.0.0.1:1080`) });
    const output = parseJson<{ error: { code: string; message: string } }>(run);
    expect(output.error.code).toBe('Taper.Network');
    expect(output.error.message).toMatch(/socks5:\/\/ proxy .*http:\/\/ and https:\/\/ proxies only/);
    expect(run.stdout + run.stderr).not.toContain(PROXY_PASSWORD);
    expect(proxy.tunnels).toEqual([]);
  });

  it('a loopback endpoint bypasses the proxy', async () => {
    // The simulator's own address: never through a proxy (NO_PROXY's rules are proxy-from-env's, unit-tested).
    const run = await runTaper(['record', ...stream, '--for', '1h', '--template', '1', '--json'], {
      env: { ...suite.env, HTTP_PROXY: `http://127.0.0.1:${proxy.port}`, HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.tunnels).toEqual([]);
  });
});
