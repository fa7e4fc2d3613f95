import { describe, expect, it, vi } from 'vitest';
import type { ProfilesPort, ProfileSummary } from '../../../../electron/services/app-services.js';
import { createSandboxController, SANDBOX_PROFILE } from '../../../../electron/shell/sandbox.js';
import { err, ok } from '../../../../shared/result.js';

const summary = (name: string, endpoint: string | null = null): ProfileSummary => ({
  name,
  secretIdMasked: 'AKID****EXAMPLE',
  region: 'ap-guangzhou',
  endpoint,
  hasToken: false,
  isDefault: false,
});

/** A ProfilesPort over a list of names, so a test sees which profiles are left. */
function fakeProfiles(initial: ProfileSummary[]) {
  const stored = new Map(initial.map((profile) => [profile.name, profile]));
  const profiles = {
    add: vi.fn(async (input: Parameters<ProfilesPort['add']>[0]) => {
      const added = summary(input.name, input.endpoint ?? null);
      stored.set(input.name, added);
      return ok(added);
    }),
    list: vi.fn(async () => ok([...stored.values()])),
    remove: vi.fn(async (name: string) => {
      stored.delete(name);
      return ok(undefined);
    }),
    setDefault: vi.fn(async () => ok(undefined)),
    setDefaultTemplate: vi.fn(async () => err('Taper.Profile.NotFound', 'not in this fake')),
    resolve: vi.fn(async () => err('Taper.Profile.NotFound', 'not in this fake')),
  } satisfies ProfilesPort;
  return { profiles, names: () => [...stored.keys()] };
}

function controller(initial: ProfileSummary[]) {
  const fake = fakeProfiles(initial);
  const sandbox = createSandboxController({
    startSimulator: async () => ({ endpoint: 'http://127.0.0.1:4321' }),
    account: { secretId: 'AKIDSANDBOX', secretKey: 'sandbox-key' },
    profiles: fake.profiles,
    sendPush: async () => err('Taper.Sandbox.NotRunning', 'not in this test'),
  });
  return { sandbox, ...fake };
}

describe('forgetLeftover', () => {
  it('removes the sandbox profile an earlier run left, and only that one', async () => {
    const { sandbox, profiles, names } = controller([
      summary('main'),
      summary(SANDBOX_PROFILE, 'http://127.0.0.1:9999'),
      summary('staging'),
    ]);
    await sandbox.forgetLeftover();
    expect(profiles.remove.mock.calls).toEqual([[SANDBOX_PROFILE]]);
    expect(names()).toEqual(['main', 'staging']);
  });

  it('keeps the sandbox profile while the sandbox runs in this process', async () => {
    const { sandbox, profiles, names } = controller([summary('main')]);
    await sandbox.start();
    profiles.remove.mockClear();
    await sandbox.forgetLeftover();
    expect(profiles.remove).not.toHaveBeenCalled();
    expect(names()).toEqual(['main', SANDBOX_PROFILE]);
  });

  it('removes nothing when there is no sandbox profile', async () => {
    const { sandbox, profiles, names } = controller([summary('main'), summary('sandbox-staging')]);
    await sandbox.forgetLeftover();
    expect(profiles.remove).not.toHaveBeenCalled();
    expect(names()).toEqual(['main', 'sandbox-staging']);
  });

  it('removes nothing when the profiles cannot be listed', async () => {
    const { sandbox, profiles } = controller([summary(SANDBOX_PROFILE)]);
    profiles.list.mockResolvedValueOnce(err('Taper.Settings.Unavailable', 'settings.json is locked'));
    await sandbox.forgetLeftover();
    expect(profiles.remove).not.toHaveBeenCalled();
  });
});
