// The platform counts requests when they arrive, not when Taper sends them. A loopback proxy holds the first
// connection's first bytes back, as a cold TLS handshake to the real endpoint does, so the burst's first request
// arrives late while the next burst reuses warm sockets: no request may be refused for it.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveApi } from '../../../electron/services/live-api/create-live-api.js';
import { createRateLimiter } from '../../../electron/services/live-api/rate-limiter.js';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/server.js';

const FIRST_CONNECTION_DELAY_MS = 150;

/** A TCP relay to `port` on 127.0.0.1 that delays the first connection's first request by the delay above. */
async function startSlowFirstConnectionProxy(
  port: number,
): Promise<{ endpoint: string; delayed(): number; close(): Promise<void> }> {
  let connections = 0;
  let delayedChunks = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const delayed = connections === 0;
    connections += 1;
    const upstream = createConnection({ host: '127.0.0.1', port });
    sockets.add(client).add(upstream);
    let first = true;
    client.on('data', (chunk) => {
      if (delayed && first) {
        first = false;
        delayedChunks += 1;
        client.pause();
        setTimeout(() => {
          upstream.write(chunk);
          client.resume();
        }, FIRST_CONNECTION_DELAY_MS);
      } else {
        first = false;
        upstream.write(chunk);
      }
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    delayed: () => delayedChunks,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.reverse()) await close();
  cleanup = [];
});

describe('client rate limit, as the platform counts it', () => {
  it('a burst whose first request arrives late is followed by no refused request', async () => {
    const sim: Simulator = await startSimulator({});
    cleanup.push(() => sim.close());
    const proxy = await startSlowFirstConnectionProxy(sim.port);
    cleanup.push(() => proxy.close());
    const rateLimiter = createRateLimiter({
      perSecond: 20,
      clock: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    // No retries: a refusal must show as a failure here, not be absorbed.
    const api = createLiveApi({
      credentials: { ...DEMO_ACCOUNT },
      region: 'ap-guangzhou',
      endpoint: proxy.endpoint,
      clock: Date.now,
      timeoutMs: 5000,
      rateLimiter,
      maxRateLimitRetries: 0,
    });

    const results = await Promise.all(Array.from({ length: 40 }, () => api.describeDomains()));

    const refused = sim.requests().filter((record) => record.errorCode !== undefined);
    expect(refused).toEqual([]);
    expect(results.filter((result) => !result.ok)).toEqual([]);
    // The delay did happen, so the test measured what it claims to.
    expect(proxy.delayed()).toBe(1);
    expect(sim.requests()).toHaveLength(40);
    const arrivals = sim.requests().map((record) => record.atMs);
    for (const at of arrivals)
      expect(arrivals.filter((other) => other > at - 1000 && other <= at).length).toBeLessThanOrEqual(20);
  }, 15_000);
});
