import { describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../../../../electron/ipc/handlers.js';
import { fakeServices } from '../../../support/fake-services.js';

describe('files:open', () => {
  it('hands a VOD file URL to the shell to open', async () => {
    const { services, hooks, schedule } = fakeServices();
    const url = 'https://1500000000.vod2.myqcloud.com/sim/5285890712345678/f0.m3u8';
    expect(await createIpcHandlers(services, hooks, schedule)['files:open']({ url })).toEqual({
      ok: true,
      value: null,
    });
    expect(hooks.openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    'https://x.myqcloud.com@evil.com/f0.mp4',
    'https://evilmyqcloud.com/f0.mp4',
    'javascript:alert(1)',
    'file:///etc/passwd',
  ])('refuses %s with the catalog error, and opens nothing', async (url) => {
    const { services, hooks, schedule } = fakeServices();
    const answer = await createIpcHandlers(services, hooks, schedule)['files:open']({ url });
    expect(answer).toMatchObject({ ok: false, error: { code: 'Taper.File.UrlRefused' } });
    expect(JSON.stringify(answer)).not.toContain(url);
    expect(hooks.openExternal).not.toHaveBeenCalled();
  });

  it('passes on what the shell answers when no browser opens it', async () => {
    const { services, hooks, schedule } = fakeServices();
    hooks.openExternal = async () => ({ ok: false, error: { code: 'Taper.File.OpenFailed', message: 'no browser' } });
    const answer = await createIpcHandlers(services, hooks, schedule)['files:open']({
      url: 'https://1500000000.vod2.myqcloud.com/f0.mp4',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'Taper.File.OpenFailed' } });
  });
});
