// Recording templates from the app's Settings: the `templates:add` and `profiles:set-default-template` handlers over
// the real services (settings file, profiles) and the loopback simulator. What the user sees afterwards is the
// account's list with the new template, and the profile summary the record form preselects from.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcHandlers, type IpcHandlers } from '../../../electron/ipc/handlers.js';
import { createMemorySecretStore } from '../../../electron/services/keychain/memory-secret-store.js';
import { createConfSettingsStore } from '../../../electron/services/storage/conf-store.js';
import { createTaperCore } from '../../../electron/services/taper-core.js';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';
import { fakeServices } from '../../unit/support/fake-services.js';

let simulator: Simulator;
let home: string;
let handlers: IpcHandlers;

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [DEMO_ACCOUNT] });
  home = await mkdtemp(join(tmpdir(), 'taper-templates-'));
  const { services, schedule } = await createTaperCore({
    dataDir: home,
    settings: createConfSettingsStore(home),
    secrets: createMemorySecretStore(),
    env: {},
    clock: Date.now,
  });
  handlers = createIpcHandlers(services, fakeServices().hooks, schedule);
  const added = await handlers['profiles:add']({
    name: 'studio',
    secretId: DEMO_ACCOUNT.secretId,
    secretKey: DEMO_ACCOUNT.secretKey,
    endpoint: simulator.endpoint,
  });
  expect(added).toMatchObject({ ok: true });
});
afterAll(async () => {
  await simulator.close();
  await rm(home, { recursive: true, force: true });
});

describe('templates in the app', () => {
  it('adds a template the account then lists, and refuses a bad one before anything is sent', async () => {
    const added = await handlers['templates:add']({
      template: { name: 'mp4-30d', format: 'mp4', keepDays: 30, segmentMinutes: 60, description: 'archive' },
      profile: 'studio',
    });
    expect(added).toMatchObject({ ok: true, value: { templateId: expect.any(Number) } });
    const listed = await handlers['live:templates']({ profile: 'studio' });
    expect(listed.ok && listed.value.map((template) => template.name)).toContain('mp4-30d');

    simulator.clearRequests();
    for (const template of [
      { name: 'with space', format: 'mp4', keepDays: 30 },
      { name: 'ok', format: 'mp4', keepDays: 3651 },
      { name: 'ok', format: 'mp4', keepDays: 30, segmentMinutes: 20 },
    ]) {
      expect(await handlers['templates:add']({ template, profile: 'studio' })).toMatchObject({
        ok: false,
        error: { code: 'Taper.InvalidInput' },
      });
    }
    expect(simulator.requests()).toEqual([]);
  });

  it("sets and clears the profile's default template; the profile list (the form's preselection) follows", async () => {
    const set = await handlers['profiles:set-default-template']({ profile: 'studio', templateId: 1003 });
    expect(set).toMatchObject({ ok: true, value: { name: 'studio', defaultTemplateId: 1003 } });
    const listed = await handlers['profiles:list'](undefined);
    expect(listed.ok && listed.value.find((profile) => profile.name === 'studio')?.defaultTemplateId).toBe(1003);

    const cleared = await handlers['profiles:set-default-template']({ profile: 'studio', templateId: null });
    expect(cleared.ok && 'defaultTemplateId' in cleared.value).toBe(false);
    const after = await handlers['profiles:list'](undefined);
    expect(after.ok && after.value.find((profile) => profile.name === 'studio')?.defaultTemplateId).toBeUndefined();
  });

  it('names the profile that does not exist', async () => {
    const answer = await handlers['profiles:set-default-template']({ profile: 'nobody', templateId: 1003 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'Taper.Profile.NotFound' } });
  });
});
