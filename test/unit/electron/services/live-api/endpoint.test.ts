import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../../../../../electron/services/live-api/endpoint.js';
import { TunnelAgent } from '../../../../../electron/services/live-api/tunnel-agent.js';

type LookupFn = (host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => void;
const optionsOf = (agent: HttpAgent) =>
  (agent as unknown as { options: { lookup?: LookupFn; host?: string; servername?: string } }).options;
const lookupOf = (agent: HttpAgent): LookupFn | undefined => optionsOf(agent).lookup;
const via = (proxyFor: (url: string) => string) => ({ proxyFor, tunnelDeadlineMs: 20_000 });

describe('endpoint resolution', () => {
  it('defaults to https://live.tencentcloudapi.com with an explicit agent', () => {
    const resolved = resolveEndpoint(undefined);
    expect(resolved).toMatchObject({ sdkEndpoint: 'live.tencentcloudapi.com', protocol: 'https://' });
    expect(resolved.agent).toBeInstanceOf(HttpsAgent);
  });

  it('keeps live.* hosts as they are (intl endpoint, bare or as URL)', () => {
    expect(resolveEndpoint('live.intl.tencentcloudapi.com')).toMatchObject({
      sdkEndpoint: 'live.intl.tencentcloudapi.com',
      protocol: 'https://',
    });
    expect(resolveEndpoint('https://live.intl.tencentcloudapi.com')).toMatchObject({
      sdkEndpoint: 'live.intl.tencentcloudapi.com',
    });
    expect(lookupOf(resolveEndpoint('live.intl.tencentcloudapi.com').agent)).toBeUndefined();
  });

  it('rewrites a loopback URL so the signing service stays `live` and connects to the IP', () => {
    const resolved = resolveEndpoint('http://127.0.0.1:9000');
    expect(resolved).toMatchObject({
      sdkEndpoint: 'live.tencentcloudapi.com:9000',
      protocol: 'http://',
      displayHost: '127.0.0.1:9000',
    });
    expect(resolved.agent).toBeInstanceOf(HttpAgent);
    // The agent's options override the request's: connections go to the address, TLS would name the SDK's host.
    expect(optionsOf(resolved.agent)).toMatchObject({ host: '127.0.0.1', servername: 'live.tencentcloudapi.com' });
    expect(lookupOf(resolved.agent)).toBeUndefined();
    expect(optionsOf(resolveEndpoint('https://[::1]:8443').agent)).toMatchObject({
      host: '::1',
      servername: 'live.tencentcloudapi.com',
    });
  });

  it('a rewritten name is looked up as itself', () => {
    const resolved = resolveEndpoint('https://proxy.example.com:8443');
    expect(optionsOf(resolved.agent).host).toBeUndefined();
    expect(lookupOf(resolved.agent)).toBeTypeOf('function');
  });

  it('rewrites localhost and other hosts whose first label is not `live`', () => {
    expect(resolveEndpoint('http://localhost:8080').sdkEndpoint).toBe('live.tencentcloudapi.com:8080');
    expect(resolveEndpoint('https://proxy.example.com').sdkEndpoint).toBe('live.tencentcloudapi.com');
  });

  it('tunnels through the proxy named for the endpoint, and names only its host', () => {
    const asked: string[] = [];
    const proxyFor = (url: string) => {
      asked.push(url);
      return 'http://operator:secret@proxy.example.com:3128';
    };
    const resolved = resolveEndpoint(undefined, via(proxyFor));
    expect(asked).toEqual(['https://live.tencentcloudapi.com/']);
    expect(resolved.agent).toBeInstanceOf(TunnelAgent);
    expect((resolved.agent as TunnelAgent).proxy.host).toBe('proxy.example.com:3128');
    expect(resolved.displayHost).toBe('live.tencentcloudapi.com through the proxy proxy.example.com:3128');
    expect(JSON.stringify(resolved.displayHost)).not.toContain('secret');
    expect(resolveEndpoint('http://live.example.com:8080', via(proxyFor)).agent).toBeInstanceOf(TunnelAgent);
    expect(asked.at(-1)).toBe('http://live.example.com:8080/');
  });

  it('connects directly where no proxy is named, to loopback, and to rewritten addresses (the tunnel would name the wrong host)', () => {
    expect(
      resolveEndpoint(
        undefined,
        via(() => ''),
      ).agent,
    ).toBeInstanceOf(HttpsAgent);
    expect(
      resolveEndpoint(
        undefined,
        via(() => ''),
      ).agent,
    ).not.toBeInstanceOf(TunnelAgent);
    // No proxy options at all (the bench, in-process tests): direct.
    expect(resolveEndpoint(undefined).agent).not.toBeInstanceOf(TunnelAgent);
    const always = () => 'http://proxy.example.com:3128';
    expect(resolveEndpoint('http://127.0.0.1:9000', via(always)).agent).not.toBeInstanceOf(TunnelAgent);
    expect(resolveEndpoint('http://live.localhost:9000', via(always)).agent).not.toBeInstanceOf(TunnelAgent);
    expect(resolveEndpoint('https://203.0.113.7:8443', via(always)).agent).not.toBeInstanceOf(TunnelAgent);
  });

  it('a proxy setting Taper cannot use makes the endpoint unusable, never a direct connection', () => {
    expect(
      resolveEndpoint(
        undefined,
        via(() => 'socks5://proxy.example.com:1080'),
      ).unusable,
    ).toEqual({
      code: 'Taper.Network',
      message: expect.stringMatching(/socks5:\/\/ proxy \(proxy.example.com:1080\).*Nothing was sent\./),
    });
    const garbled = resolveEndpoint(
      undefined,
      via(() => 'http://user:pa ss@'),
    );
    expect(garbled.unusable?.message).toMatch(/not a URL/);
    expect(garbled.unusable?.message).not.toContain('pa ss');
  });

  it('an endpoint that is not a host or an http(s) URL is refused before anything is sent', () => {
    for (const endpoint of ['ftp://live.example.com', 'http://[bad', 'https://']) {
      expect(resolveEndpoint(endpoint).unusable, endpoint).toEqual({
        code: 'Taper.InvalidInput',
        message: expect.stringContaining(`The endpoint "${endpoint}"`),
      });
    }
    expect(resolveEndpoint('live.example.com:8443').unusable).toBeUndefined();
  });
});
