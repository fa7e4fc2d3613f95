import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../../../electron/ipc/handlers.js';
import { IPC_CHANNELS, type IpcChannel } from '../../../../shared/ipc/contract.js';
import { err } from '../../../../shared/result.js';
import { fakeServices, SECRET_KEY, SECRET_TOKEN, VALID_PAYLOADS } from '../../support/fake-services.js';

const MALFORMED: unknown[] = [42, 'text', null, [], { unexpected: true }, { name: 'x'.repeat(10_000) }];

/** Every mocked function of the fakes, to prove nothing was called. */
function allMocks(value: object): { mock: { calls: unknown[] } }[] {
  return Object.values(value).flatMap((member) =>
    vi.isMockFunction(member)
      ? [member]
      : member !== null && typeof member === 'object'
        ? allMocks(member as object)
        : [],
  );
}

describe('createIpcHandlers', () => {
  it('has exactly one handler per contract channel', () => {
    const { services, hooks, schedule } = fakeServices();
    expect(Object.keys(createIpcHandlers(services, hooks, schedule)).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it.each(IPC_CHANNELS)('%s answers ok for a valid payload', async (channel) => {
    const { services, hooks, schedule } = fakeServices();
    const response = await createIpcHandlers(services, hooks, schedule)[channel](VALID_PAYLOADS[channel]);
    expect(response).toMatchObject({ ok: true });
  });

  it.each(IPC_CHANNELS)('%s rejects malformed payloads without calling anything', async (channel: IpcChannel) => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    for (const payload of MALFORMED) {
      const response = await handlers[channel](payload);
      expect(response.ok, `${channel} accepted ${JSON.stringify(payload).slice(0, 40)}`).toBe(false);
      if (!response.ok) expect(response.error.code).toBe('Taper.InvalidInput');
    }
    expect(allMocks(services).filter((mock) => mock.mock.calls.length > 0)).toEqual([]);
    expect(allMocks(hooks).filter((mock) => mock.mock.calls.length > 0)).toEqual([]);
  });

  it('rejects a record request with an extra field or a float time', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    const request = { domainName: 'd.example.com', appName: 'live', streamName: 's', endTime: 1_800_003_600 };
    expect(await handlers['record:create']({ request: { ...request, endTime: 1.5 } })).toMatchObject({
      ok: false,
      error: { code: 'Taper.InvalidInput' },
    });
    expect(await handlers['record:create']({ request: { ...request, secretKey: 'x' } })).toMatchObject({ ok: false });
    expect(services.recorder.record).not.toHaveBeenCalled();
  });

  it('never answers a secret, on any channel', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    for (const channel of IPC_CHANNELS) {
      const text = JSON.stringify(await handlers[channel](VALID_PAYLOADS[channel]));
      expect(text, channel).not.toContain(SECRET_KEY);
      expect(text, channel).not.toContain(SECRET_TOKEN);
    }
  });

  it('profiles:add answers the summary only', async () => {
    const { services, hooks, schedule } = fakeServices();
    const response = await createIpcHandlers(services, hooks, schedule)['profiles:add'](VALID_PAYLOADS['profiles:add']);
    expect(response).toEqual({
      ok: true,
      value: {
        name: 'main',
        secretIdMasked: 'AKID****EXAMPLE',
        region: 'ap-guangzhou',
        endpoint: null,
        hasToken: true,
        isDefault: true,
      },
    });
  });

  it('profiles:add scrubs the secret from an error message that quotes it', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(services.profiles.add).mockResolvedValueOnce(
      err('Taper.Keychain.Unavailable', `could not store ${SECRET_KEY}`),
    );
    const response = await createIpcHandlers(services, hooks, schedule)['profiles:add'](VALID_PAYLOADS['profiles:add']);
    expect(response).toEqual({
      ok: false,
      error: { code: 'Taper.Keychain.Unavailable', message: 'could not store [redacted]' },
    });
  });

  it('turns a throwing service into an error value, logged in main without details to the renderer', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(services.history.list).mockRejectedValueOnce(new Error(`boom ${SECRET_KEY}`));
    const response = await createIpcHandlers(services, hooks, schedule)['history:list']({});
    expect(response).toMatchObject({ ok: false, error: { code: 'Taper.Ipc.Internal' } });
    expect(JSON.stringify(response)).not.toContain(SECRET_KEY);
    expect(hooks.logError).toHaveBeenCalledOnce();
  });

  it('passes the profile on, tells the shell about history changes and create attempts', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    const outcome = await handlers['record:create'](VALID_PAYLOADS['record:create']);
    expect(services.recorder.record).toHaveBeenCalledWith(expect.objectContaining({ streamName: 'show' }), {
      profile: 'main',
    });
    expect(hooks.recordAttempted).toHaveBeenCalledWith(outcome);
    await handlers['tasks:stop']({ id: 'e1' });
    expect(services.recorder.stop).toHaveBeenCalledWith('e1', undefined);
    expect(hooks.historyChanged).toHaveBeenCalledTimes(2);
  });

  it('history:export hands the CSV to the save dialog hook', async () => {
    const { services, hooks, schedule } = fakeServices();
    expect(await createIpcHandlers(services, hooks, schedule)['history:export']({ format: 'csv' })).toEqual({
      ok: true,
      value: { path: '/tmp/export.csv' },
    });
    // A file for a spreadsheet: the UTF-8 BOM first (Excel then keeps Chinese names intact).
    expect(hooks.saveExport).toHaveBeenCalledWith('csv', '\uFEFFid,stream\ne1,show\n');
  });

  it('settings:set passes only the fields that were sent', async () => {
    const { services, hooks, schedule } = fakeServices();
    await createIpcHandlers(services, hooks, schedule)['settings:set']({ language: 'zh-CN', showTimeZone: null });
    expect(hooks.setSettings).toHaveBeenCalledWith({ language: 'zh-CN', showTimeZone: null });
  });
});
