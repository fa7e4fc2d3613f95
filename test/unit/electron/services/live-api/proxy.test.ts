import { getProxyForUrl } from 'proxy-from-env';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseProxy, isLoopbackHost } from '../../../../../electron/services/live-api/proxy.js';

const LIVE = new URL('https://live.tencentcloudapi.com/');
const saved = { ...process.env };
afterEach(() => {
  for (const name of [
    'HTTPS_PROXY',
    'https_proxy',
    'HTTP_PROXY',
    'http_proxy',
    'NO_PROXY',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy',
  ]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('proxy choice', () => {
  it('knows loopback names and addresses', () => {
    for (const host of ['localhost', 'live.localhost', '127.0.0.1', '127.9.8.7', '[::1]', '::1'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['live.tencentcloudapi.com', '10.0.0.1', '128.0.0.1', 'localhost.example.com', '::2'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('tunnels through the proxy the setting names, direct when it names none', () => {
    expect(chooseProxy(LIVE, () => 'http://proxy.example.com:3128')).toEqual({
      proxy: new URL('http://proxy.example.com:3128'),
    });
    expect(chooseProxy(LIVE, () => 'https://proxy.example.com')).toEqual({
      proxy: new URL('https://proxy.example.com'),
    });
    expect(chooseProxy(LIVE, () => '  ')).toEqual({ proxy: null });
    expect(chooseProxy(new URL('http://127.0.0.1:9000/'), () => 'http://proxy.example.com:3128')).toEqual({
      proxy: null,
    });
  });

  it('reads HTTPS_PROXY and NO_PROXY as curl does (proxy-from-env)', () => {
    process.env.HTTPS_PROXY = 'http://proxy.example.com:3128';
    delete process.env.https_proxy;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    expect(chooseProxy(LIVE, getProxyForUrl)).toEqual({ proxy: new URL('http://proxy.example.com:3128') });
    process.env.NO_PROXY = '.tencentcloudapi.com';
    expect(chooseProxy(LIVE, getProxyForUrl)).toEqual({ proxy: null });
    process.env.NO_PROXY = 'example.org, live.intl.tencentcloudapi.com';
    expect(chooseProxy(LIVE, getProxyForUrl)).toEqual({ proxy: new URL('http://proxy.example.com:3128') });
    // HTTP_PROXY is for http:// endpoints only.
    delete process.env.HTTPS_PROXY;
    process.env.HTTP_PROXY = 'http://proxy.example.com:3128';
    delete process.env.NO_PROXY;
    expect(chooseProxy(LIVE, getProxyForUrl)).toEqual({ proxy: null });
    expect(chooseProxy(new URL('http://live.example.com/'), getProxyForUrl)).toEqual({
      proxy: new URL('http://proxy.example.com:3128'),
    });
  });

  it('refuses what it cannot use, without repeating a value that may hold a password', () => {
    const socks = chooseProxy(LIVE, () => 'socks5://user:hunter2@proxy.example.com:1080');
    expect(socks).toEqual({ unusable: expect.stringMatching(/socks5:\/\/ proxy \(proxy.example.com:1080\)/) });
    expect(JSON.stringify(socks)).not.toContain('hunter2');
    const garbled = chooseProxy(LIVE, () => 'http://user:hunter2@');
    expect(garbled).toEqual({ unusable: expect.stringMatching(/not a URL/) });
    expect(JSON.stringify(garbled)).not.toContain('hunter2');
  });
});
