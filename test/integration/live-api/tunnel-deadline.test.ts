// The client through a proxy that accepts the connection and never answers, in a long-running process (the app):
// the call fails at its deadline as a connection failure, and the proxy connection is closed, not left open.
import { describe, expect, it } from 'vitest';
import { createLiveApi } from '../../../electron/services/live-api/create-live-api.js';
import { DEMO_ACCOUNT } from '../../../electron/simulator/server.js';
import { startSilentServer } from '../support/silent-server.js';

describe('client through a silent proxy', () => {
  it('fails at the deadline with nothing sent, and closes the proxy connection', async () => {
    const silent = await startSilentServer();
    try {
      const api = createLiveApi({
        credentials: { ...DEMO_ACCOUNT },
        region: 'ap-guangzhou',
        endpoint: 'https://live.taper-silent-proxy.invalid',
        proxyFor: () => `http://127.0.0.1:${silent.port}`,
        clock: Date.now,
        timeoutMs: 300,
      });
      const created = await api.createRecordTask({
        domainName: 'push.example.com',
        appName: 'live',
        streamName: 'silent',
        endTime: Math.floor(Date.now() / 1000) + 3600,
      });
      // Not an unknown outcome: without a tunnel, the request never left this machine.
      expect(created.ok ? null : created.error.code).toBe('Taper.Network');
      expect(created.ok ? '' : created.error.message).toMatch(
        /did not open the tunnel to live\.taper-silent-proxy\.invalid:443/,
      );
      await expect.poll(() => silent.open(), { timeout: 3000 }).toBe(0);
    } finally {
      silent.close();
    }
  });
});
