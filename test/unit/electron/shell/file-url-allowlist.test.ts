import { describe, expect, it } from 'vitest';
import { allowedRecordingFileHost, isAllowedRecordingFileUrl } from '../../../../electron/shell/file-url-allowlist.js';

describe('isAllowedRecordingFileUrl', () => {
  it.each([
    // What VOD's SearchMedia answers (and what the sandbox's simulator answers too).
    'https://1500000000.vod2.myqcloud.com/sim/5285890712345678/f0.m3u8',
    'https://1253000000.vod2.myqcloud.com/abcd/efgh/f0.mp4?t=5f5e1000&sign=0123abcd',
    'https://example-1250000000.cos.ap-guangzhou.myqcloud.com/live/show.flv',
    'https://200000000.vod.qcloud.com/old/f0.mp4',
    'HTTPS://1500000000.VOD2.MYQCLOUD.COM/f0.mp4',
  ])('opens %s', (url) => {
    expect(isAllowedRecordingFileUrl(url)).toBe(true);
  });

  it.each([
    ['another host', 'https://evil.example/f0.mp4'],
    ['a lookalike without the dot', 'https://evilmyqcloud.com/f0.mp4'],
    ['a lookalike subdomain of another host', 'https://1500000000.vod2.myqcloud.com.evil.example/f0.mp4'],
    ['the bare suffix', 'https://myqcloud.com/f0.mp4'],
    ['userinfo naming the allowed host', 'https://x.myqcloud.com@evil.com/f0.mp4'],
    ['userinfo with a password', 'https://user:pass@1500000000.vod2.myqcloud.com/f0.mp4'],
    ['a backslash host trick', 'https://evil.com\\@x.myqcloud.com/f0.mp4'],
    ['plain http', 'http://1500000000.vod2.myqcloud.com/f0.mp4'],
    ['another port', 'https://1500000000.vod2.myqcloud.com:8443/f0.mp4'],
    ['javascript:', 'javascript:alert(document.cookie)//.myqcloud.com'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['loopback', 'http://127.0.0.1:4010/f0.mp4'],
    ['not a URL', 'f0.mp4'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedRecordingFileUrl(url)).toBe(false);
  });

  it('names the host it accepted, in lower case', () => {
    expect(allowedRecordingFileHost('https://1500000000.VOD2.myqcloud.com/f0.mp4')).toBe(
      '1500000000.vod2.myqcloud.com',
    );
  });
});
