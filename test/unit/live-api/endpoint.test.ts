import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../../../electron/services/live-api/endpoint.js';

type LookupFn = (host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => void;
const lookupOf = (agent: HttpAgent): LookupFn | undefined => (agent as unknown as { options: { lookup?: LookupFn } }).options.lookup;

describe('endpoint resolution', () => {
  it('defaults to https://live.tencentcloudapi.com with an explicit agent', () => {
    const resolved = resolveEndpoint(undefined);
    expect(resolved).toMatchObject({ sdkEndpoint: 'live.tencentcloudapi.com', protocol: 'https://' });
    expect(resolved.agent).toBeInstanceOf(HttpsAgent);
  });

  it('keeps live.* hosts as they are (intl endpoint, bare or as URL)', () => {
    expect(resolveEndpoint('live.intl.tencentcloudapi.com')).toMatchObject({ sdkEndpoint: 'live.intl.tencentcloudapi.com', protocol: 'https://' });
    expect(resolveEndpoint('https://live.intl.tencentcloudapi.com')).toMatchObject({ sdkEndpoint: 'live.intl.tencentcloudapi.com' });
    expect(lookupOf(resolveEndpoint('live.intl.tencentcloudapi.com').agent)).toBeUndefined();
  });

  it('rewrites a loopback URL so the signing service stays `live` and connects to the IP', () => {
    const resolved = resolveEndpoint('http://127.0.0.1:9000');
    expect(resolved).toMatchObject({ sdkEndpoint: 'live.tencentcloudapi.com:9000', protocol: 'http://', displayHost: '127.0.0.1:9000' });
    expect(resolved.agent).toBeInstanceOf(HttpAgent);
    const lookup = lookupOf(resolved.agent);
    const single: unknown[] = [];
    lookup?.('live.tencentcloudapi.com', {}, (...args) => single.push(...args));
    expect(single).toEqual([null, '127.0.0.1', 4]);
    const all: unknown[] = [];
    lookup?.('live.tencentcloudapi.com', { all: true }, (...args) => all.push(...args));
    expect(all).toEqual([null, [{ address: '127.0.0.1', family: 4 }]]);
  });

  it('rewrites localhost and other hosts whose first label is not `live`', () => {
    expect(resolveEndpoint('http://localhost:8080').sdkEndpoint).toBe('live.tencentcloudapi.com:8080');
    expect(resolveEndpoint('https://proxy.example.com').sdkEndpoint).toBe('live.tencentcloudapi.com');
  });

  it('refuses a non-HTTP scheme', () => {
    expect(() => resolveEndpoint('ftp://live.example.com')).toThrow(/protocol/);
  });
});
