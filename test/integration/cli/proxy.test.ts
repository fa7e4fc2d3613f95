// `taper` behind an HTTP proxy, as on a site whose only way out is one: the real CLI, HTTP_PROXY/HTTPS_PROXY in its
// environment, and a loopback CONNECT proxy that knows the endpoint's name (no DNS is asked) and checks its password.
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { platformTasks, useCliSuite } from './cli-suite.js';
import { filesUnder } from '../support/files-under.js';
import { startSilentServer } from '../support/silent-server.js';
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

/** `routes`: the port on 127.0.0.1 each CONNECT target (`host:port`) leads to; any other target is forbidden. */
async function startProxy(routes: () => Record<string, number>): Promise<LoopbackProxy> {
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
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="site"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const route = routes()[target];
    if (route === undefined) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(route, '127.0.0.1', () => {
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

/** The real endpoint is https: a TLS front for the simulator, with a certificate for ENDPOINT_HOST made for the run. */
interface TlsFront {
  port: number;
  caFile: string;
  close(): Promise<void>;
}

async function startTlsFront(simulatorPort: () => number): Promise<TlsFront> {
  const directory = await mkdtemp(join(tmpdir(), 'taper-proxy-tls-'));
  const [keyFile, caFile] = [join(directory, 'key.pem'), join(directory, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '1',
      '-subj',
      `/CN=${ENDPOINT_HOST}`,
      '-addext',
      `subjectAltName=DNS:${ENDPOINT_HOST}`,
    ],
    { stdio: 'ignore' },
  );
  const server = createHttpsServer(
    { key: await readFile(keyFile), cert: await readFile(caFile) },
    (request, response) => {
      // Relays the signed request as it came, Host header included, so the simulator checks the very same signature.
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: simulatorPort(),
          method: request.method,
          path: request.url,
          headers: request.headers,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('TLS front has no port');
  return { port: address.port, caFile, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let proxy: LoopbackProxy;
let tls: TlsFront;
beforeAll(async () => {
  tls = await startTlsFront(() => suite.simulator.port);
  proxy = await startProxy(() => ({
    [`${ENDPOINT_HOST}:80`]: suite.simulator.port,
    [`${ENDPOINT_HOST}:443`]: tls.port,
  }));
});
afterAll(async () => {
  await proxy.close();
  await tls.close();
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
    const run = await runTaper(['record', ...stream, '--for', '1h', '--template', '1', '--json'], {
      env: env(withPassword()),
    });
    expect(run.code, run.stderr).toBe(0);
    const created = parseJson<{ taskId: string }>(run);
    expect((await platformTasks(suite.simulator)).map((task) => task.taskId)).toContain(created.taskId);
    expect(proxy.tunnels).toEqual([{ target: `${ENDPOINT_HOST}:80`, authorized: true }]);
    expect(run.stdout + run.stderr).not.toContain(PROXY_PASSWORD);
    for (const file of await filesUnder(suite.home))
      expect(await readFile(file, 'utf8'), file).not.toContain(PROXY_PASSWORD);
  });

  it('an https endpoint (as the real one is) through HTTPS_PROXY: TLS inside the tunnel, the certificate checked', async () => {
    const run = await runTaper(['record', ...stream, '--for', '1h', '--template', '1', '--json'], {
      env: {
        ...suite.env,
        TAPER_ENDPOINT: `https://${ENDPOINT_HOST}`,
        HTTPS_PROXY: withPassword(),
        NODE_EXTRA_CA_CERTS: tls.caFile,
      },
    });
    expect(run.code, run.stderr).toBe(0);
    const created = parseJson<{ taskId: string }>(run);
    expect((await platformTasks(suite.simulator)).map((task) => task.taskId)).toContain(created.taskId);
    expect(proxy.tunnels).toEqual([{ target: `${ENDPOINT_HOST}:443`, authorized: true }]);
    // Without the run's certificate the endpoint is not trusted: nothing is created.
    const untrusted = await runTaper(['record', ...stream, '--for', '1h', '--template', '1', '--json'], {
      env: { ...suite.env, TAPER_ENDPOINT: `https://${ENDPOINT_HOST}`, HTTPS_PROXY: withPassword() },
    });
    const refused = parseJson<{ error: { code: string; message: string } }>(untrusted);
    // A failed TLS check sent nothing: a plain failure, not an unknown outcome for sync to settle.
    expect([untrusted.code, refused.error.code]).toEqual([4, 'Taper.Network']);
    expect(refused.error.message).toMatch(
      /TLS certificate of live\.taper-proxy-test\.invalid through the proxy 127\.0\.0\.1:\d+ is not trusted, so nothing was sent/,
    );
    expect(refused.error.message).toContain('NODE_EXTRA_CA_CERTS');
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
    for (const file of await filesUnder(suite.home))
      expect(await readFile(file, 'utf8'), file).not.toContain('wrong-password');
    expect(proxy.tunnels).toEqual([{ target: `${ENDPOINT_HOST}:80`, authorized: false }]);
    expect((await platformTasks(suite.simulator)).length).toBe(before);
    // Recorded as failed, not as an unknown outcome that sync would have to settle.
    const history = parseJson<{ status: string; error: { code: string } | null }[]>(
      await runTaper(['history', '--json'], { env: suite.env }),
    );
    expect(history.map((entry) => [entry.status, entry.error?.code])).toEqual([['failed', 'Taper.Network']]);
  });

  it('a proxy that accepts the connection and never answers: bounded by TAPER_TIMEOUT_SECONDS, nothing sent', async () => {
    const silent = await startSilentServer();
    try {
      const run = await runTaper(['record', ...stream, '--for', '1h', '--template', '1', '--json'], {
        env: env(`http://127.0.0.1:${silent.port}`, { TAPER_TIMEOUT_SECONDS: '1' }),
        timeoutMs: 15_000,
      });
      const output = parseJson<{ error: { code: string; message: string } }>(run);
      expect(output.error.code).toBe('Taper.Network');
      expect(output.error.message).toContain(`did not open the tunnel to ${ENDPOINT_HOST}:80 within 1 s`);
      expect(proxy.tunnels).toEqual([]);
    } finally {
      silent.close();
    }
  });

  it('a SOCKS proxy is refused before anything is sent, without going around it', async () => {
    const run = await runTaper(['record', ...stream, '--for', '1h', '--template', '1', '--json'], {
      env: env(`socks5://operator:${PROXY_PASSWORD}@127.0.0.1:1080`),
    });
    const output = parseJson<{ error: { code: string; message: string } }>(run);
    expect(output.error.code).toBe('Taper.Network');
    expect(output.error.message).toMatch(/socks5:\/\/ proxy .*http:\/\/ and https:\/\/ proxies only/);
    expect(run.stdout + run.stderr).not.toContain(PROXY_PASSWORD);
    expect(proxy.tunnels).toEqual([]);
  });

  it('a loopback endpoint bypasses the proxy', async () => {
    // The simulator's own address: never through a proxy (NO_PROXY's rules are proxy-from-env's, unit-tested).
    const run = await runTaper(['record', ...stream, '--for', '1h', '--template', '1', '--json'], {
      env: {
        ...suite.env,
        HTTP_PROXY: `http://127.0.0.1:${proxy.port}`,
        HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`,
      },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.tunnels).toEqual([]);
  });
});
