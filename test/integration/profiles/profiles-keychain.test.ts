// Profiles end to end: real settings.json (conf) + the real Secret Service. The SecretKey must be in the keyring and
// nowhere under the data directory.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyringSecretStore } from '../../../electron/services/keychain/keyring-secret-store.js';
import { createProfileService } from '../../../electron/services/profiles/profile-service.js';
import { createConfSettingsStore } from '../../../electron/services/storage/conf-store.js';

const run = promisify(execFile);
const inSession = process.env['TAPER_KEYRING_SESSION'] === '1';
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const SECRET_KEY = `it-key-${process.pid}-Gu5t9xGARNpq86cd98joQYCN3EXAMPLE`;
let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taper-profiles-it-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe.skipIf(!inSession)('profiles with the real keychain', () => {
  it('add → resolve → remove; the key lives only in the keyring', async () => {
    const name = `it-${process.pid}`;
    const profiles = createProfileService({
      settings: createConfSettingsStore(directory),
      secrets: createKeyringSecretStore(),
      env: {},
      clock: Date.now,
    });
    expect(await profiles.add({ name, secretId: SECRET_ID, secretKey: SECRET_KEY, token: 'it-token' })).toMatchObject({
      ok: true,
      value: { secretIdMasked: 'AKID****EXAMPLE', hasToken: true },
    });
    expect(await profiles.resolve(name)).toMatchObject({
      ok: true,
      value: { credentials: { secretKey: SECRET_KEY, token: 'it-token' } },
    });

    const { stdout } = await run('secret-tool', [
      'search',
      'service',
      'Taper',
      'username',
      `profile:${name}:secret-key`,
    ]);
    expect(stdout).toContain(SECRET_KEY);
    for (const file of await readdir(directory))
      expect(await readFile(join(directory, file), 'utf8')).not.toContain(SECRET_KEY);
    expect((await stat(join(directory, 'settings.json'))).mode & 0o777).toBe(0o600);

    expect(await profiles.remove(name)).toEqual({ ok: true, value: undefined });
    const after = await run('secret-tool', [
      'search',
      'service',
      'Taper',
      'username',
      `profile:${name}:secret-key`,
    ]).catch(() => ({ stdout: '' }));
    expect(after.stdout).not.toContain(SECRET_KEY);
  });

  it('without a reachable keychain: a clear error and no plaintext fallback in settings.json', async () => {
    const broken = createKeyringSecretStore({
      entryFactory: () => {
        throw new Error(
          'Platform failure: DBus error: Failed to connect to socket /nonexistent: No such file or directory',
        );
      },
    });
    const profiles = createProfileService({ settings: createConfSettingsStore(directory), secrets: broken, env: {} });
    expect(await profiles.add({ name: 'x', secretId: SECRET_ID, secretKey: SECRET_KEY })).toMatchObject({
      ok: false,
      error: { code: 'Taper.Keychain.Unavailable' },
    });
    expect(await profiles.list()).toEqual({ ok: true, value: [] });
    for (const file of await readdir(directory))
      expect(await readFile(join(directory, file), 'utf8')).not.toContain(SECRET_KEY);
  });
});
