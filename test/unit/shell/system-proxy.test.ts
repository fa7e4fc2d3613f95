import { describe, expect, it } from 'vitest';
import { appProxyFor, proxyFromChromiumRule } from '../../../electron/shell/system-proxy.js';

describe('system proxy (the app)', () => {
  it('reads the first usable entry of a Chromium proxy rule', () => {
    expect(proxyFromChromiumRule('DIRECT')).toBe('');
    expect(proxyFromChromiumRule('')).toBe('');
    expect(proxyFromChromiumRule('PROXY proxy.example.com:3128')).toBe('http://proxy.example.com:3128');
    expect(proxyFromChromiumRule('PROXY proxy.example.com:3128; DIRECT')).toBe('http://proxy.example.com:3128');
    expect(proxyFromChromiumRule('HTTPS secure.example.com:443;PROXY b:1')).toBe('https://secure.example.com:443');
    expect(proxyFromChromiumRule('SOCKS5 s.example.com:1080; PROXY p.example.com:8080')).toBe('http://p.example.com:8080');
    expect(proxyFromChromiumRule('SOCKS5 s.example.com:1080; DIRECT')).toBe('');
    // SOCKS alone: handed on, so the user is told it cannot be used instead of Taper going around it.
    expect(proxyFromChromiumRule('SOCKS s.example.com:1080')).toBe('socks4://s.example.com:1080');
    expect(proxyFromChromiumRule('SOCKS5 s.example.com:1080')).toBe('socks5://s.example.com:1080');
  });

  it('the environment decides alone when it sets any proxy variable; otherwise the system proxy serves', () => {
    const environment = (url: string) => (url.includes('tencentcloudapi') ? 'http://env.example.com:3128' : '');
    const url = 'https://live.tencentcloudapi.com/';
    expect(appProxyFor({}, environment, 'http://system.example.com:8080')(url)).toBe('http://system.example.com:8080');
    expect(appProxyFor({ HTTPS_PROXY: 'http://env.example.com:3128' }, environment, 'http://system.example.com:8080')(url)).toBe('http://env.example.com:3128');
    // NO_PROXY alone still means "the environment decides": here, direct.
    expect(appProxyFor({ no_proxy: '*' }, () => '', 'http://system.example.com:8080')(url)).toBe('');
    expect(appProxyFor({ HTTPS_PROXY: ' ' }, environment, '')(url)).toBe('');
  });
});
