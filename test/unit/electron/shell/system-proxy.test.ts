import { describe, expect, it } from 'vitest';
import { appProxyFor, proxyFromChromiumRule, resolveSystemProxy } from '../../../../electron/shell/system-proxy.js';

describe('system proxy (the app)', () => {
  it('reads the first usable entry of a Chromium proxy rule', () => {
    expect(proxyFromChromiumRule('DIRECT')).toBe('');
    expect(proxyFromChromiumRule('')).toBe('');
    expect(proxyFromChromiumRule('PROXY proxy.example.com:3128')).toBe('http://proxy.example.com:3128');
    expect(proxyFromChromiumRule('PROXY proxy.example.com:3128; DIRECT')).toBe('http://proxy.example.com:3128');
    expect(proxyFromChromiumRule('HTTPS secure.example.com:443;PROXY b:1')).toBe('https://secure.example.com:443');
    expect(proxyFromChromiumRule('SOCKS5 s.example.com:1080; PROXY p.example.com:8080')).toBe(
      'http://p.example.com:8080',
    );
    expect(proxyFromChromiumRule('SOCKS5 s.example.com:1080; DIRECT')).toBe('');
    // SOCKS alone: handed on, so the user is told it cannot be used instead of Taper going around it.
    expect(proxyFromChromiumRule('SOCKS s.example.com:1080')).toBe('socks4://s.example.com:1080');
    expect(proxyFromChromiumRule('SOCKS5 s.example.com:1080')).toBe('socks5://s.example.com:1080');
  });

  it('the environment decides alone when it sets any proxy variable; otherwise the system proxy serves', () => {
    const environment = (url: string) => (url.includes('tencentcloudapi') ? 'http://env.example.com:3128' : '');
    const url = 'https://live.tencentcloudapi.com/';
    expect(appProxyFor({}, environment, 'http://system.example.com:8080')(url)).toBe('http://system.example.com:8080');
    expect(
      appProxyFor({ HTTPS_PROXY: 'http://env.example.com:3128' }, environment, 'http://system.example.com:8080')(url),
    ).toBe('http://env.example.com:3128');
    // NO_PROXY alone still means "the environment decides": here, direct.
    expect(appProxyFor({ no_proxy: '*' }, () => '', 'http://system.example.com:8080')(url)).toBe('');
    expect(appProxyFor({ HTTPS_PROXY: ' ' }, environment, '')(url)).toBe('');
  });

  it('asks the OS resolver once at start-up, and goes direct when it fails or is late', async () => {
    const asked: string[] = [];
    const answer = async (url: string) => {
      asked.push(url);
      return 'PROXY proxy.example.com:3128; DIRECT';
    };
    expect(await resolveSystemProxy(answer, 'https://live.tencentcloudapi.com/')).toBe('http://proxy.example.com:3128');
    expect(asked).toEqual(['https://live.tencentcloudapi.com/']);
    expect(
      await resolveSystemProxy(
        async () => Promise.reject(new Error('no session')),
        'https://live.tencentcloudapi.com/',
      ),
    ).toBe('');
    // A resolver that never answers (an unreachable PAC script): start-up goes on, direct.
    expect(
      await resolveSystemProxy(() => new Promise<string>(() => undefined), 'https://live.tencentcloudapi.com/', 50),
    ).toBe('');
  });
});
