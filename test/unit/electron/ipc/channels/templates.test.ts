import { describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../../../../electron/ipc/handlers.js';
import { fakeServices, SECRET_KEY } from '../../../support/fake-services.js';

describe('templates:add', () => {
  it('sends the format, the storage time and the file length in the API’s units', async () => {
    const { services, hooks, schedule, live } = fakeServices();
    const answer = await createIpcHandlers(services, hooks, schedule)['templates:add']({
      template: { name: 'mp4-30d', format: 'mp4', keepDays: 30, segmentMinutes: 60, description: '' },
      profile: 'main',
    });
    expect(answer).toEqual({ ok: true, value: { templateId: 1003, requestId: 'req-template' } });
    expect(services.liveApi).toHaveBeenCalledWith({ profile: 'main' });
    expect(live.createRecordTemplate).toHaveBeenCalledWith({
      name: 'mp4-30d',
      format: 'mp4',
      storageDays: 30,
      segmentSeconds: 3_600,
    });
  });

  it.each([
    [{ name: 'two words', format: 'mp4', keepDays: 30 }, 'use 1 to 30 letters'],
    [{ name: 'x'.repeat(31), format: 'mp4', keepDays: 30 }, 'use 1 to 30 letters'],
    [{ name: 'long', format: 'hls', keepDays: 3651 }, 'from 0 to 3650'],
    [{ name: 'short', format: 'aac', keepDays: 7, segmentMinutes: 29 }, 'from 30 to 120'],
  ])('refuses %j before anything is sent', async (template, why) => {
    const { services, hooks, schedule, live } = fakeServices();
    const answer = await createIpcHandlers(services, hooks, schedule)['templates:add']({ template });
    expect(answer).toMatchObject({ ok: false, error: { code: 'Taper.InvalidInput' } });
    if (!answer.ok) expect(answer.error.message).toContain(why);
    expect(live.createRecordTemplate).not.toHaveBeenCalled();
  });
});

describe('profiles:set-default-template', () => {
  it('sets it on the named profile and answers the summary with it, never the key', async () => {
    const { services, hooks, schedule } = fakeServices();
    services.profiles.setDefaultTemplate = async () => ({
      ok: true,
      value: {
        name: 'main',
        secretIdMasked: 'AKID****EXAMPLE',
        region: 'ap-guangzhou',
        endpoint: null,
        hasToken: false,
        isDefault: true,
        defaultTemplateId: 1003,
        secretKey: SECRET_KEY,
      } as never,
    });
    const answer = await createIpcHandlers(services, hooks, schedule)['profiles:set-default-template']({
      profile: 'main',
      templateId: 1003,
    });
    expect(answer).toMatchObject({ ok: true, value: { name: 'main', defaultTemplateId: 1003 } });
    expect(JSON.stringify(answer)).not.toContain(SECRET_KEY);
  });

  it('refuses a template id that is not a positive whole number', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    for (const templateId of [0, -1, 1.5, '7'])
      expect(await handlers['profiles:set-default-template']({ profile: 'main', templateId })).toMatchObject({
        ok: false,
        error: { code: 'Taper.InvalidInput' },
      });
    expect(services.profiles.setDefaultTemplate).not.toHaveBeenCalled();
  });
});
