import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createMemorySecretStore,
  type MemorySecretStore,
} from '../../../../../electron/services/keychain/memory-secret-store.js';
import { maskSecretId } from '../../../../../shared/format/mask.js';
import { createProfileService } from '../../../../../electron/services/profiles/profile-service.js';
import { createConfSettingsStore } from '../../../../../electron/services/storage/conf-store.js';

const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

let directory: string;
let secrets: MemorySecretStore;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taper-profiles-'));
  secrets = createMemorySecretStore();
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const service = (env: Record<string, string> = {}) =>
  createProfileService({ settings: createConfSettingsStore(directory), secrets, env, clock: () => 1_800_000_000_000 });

describe('profile service', () => {
  it('masks SecretIds: first 4, ****, last 7', () => {
    expect(maskSecretId(SECRET_ID)).toBe('AKID****EXAMPLE');
    expect(maskSecretId('AKID1234')).toBe('****');
  });

  it('adds a profile: key in the keychain, only non-secret fields in settings.json', async () => {
    const added = await service().add({ name: 'main', secretId: SECRET_ID, secretKey: SECRET_KEY });
    expect(added).toEqual({
      ok: true,
      value: {
        name: 'main',
        secretIdMasked: 'AKID****EXAMPLE',
        region: 'ap-guangzhou',
        endpoint: null,
        hasToken: false,
        isDefault: true,
      },
    });
    expect(secrets.entries.get('profile:main:secret-key')).toBe(SECRET_KEY);
    const file = await readFile(join(directory, 'settings.json'), 'utf8');
    expect(file).toContain(SECRET_ID);
    expect(file).not.toContain(SECRET_KEY);
  });

  it('rejects bad names, SecretIds and empty keys without touching anything', async () => {
    const result = await service().add({ name: 'bad name!', secretId: 'short', secretKey: ' ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'Taper.InvalidInput' } });
    if (!result.ok) expect(result.error.message).toMatch(/Profile name.*SecretId.*SecretKey/);
    expect(secrets.entries.size).toBe(0);
  });

  it('writes nothing to settings when the keychain write fails', async () => {
    secrets.failWith = { code: 'Taper.Keychain.Locked', message: 'locked' };
    expect(await service().add({ name: 'main', secretId: SECRET_ID, secretKey: SECRET_KEY })).toMatchObject({
      ok: false,
      error: { code: 'Taper.Keychain.Locked' },
    });
    secrets.failWith = null;
    expect(await service().list()).toEqual({ ok: true, value: [] });
  });

  it('re-adding replaces the key and drops a stale token', async () => {
    const profiles = service();
    await profiles.add({ name: 'sts', secretId: SECRET_ID, secretKey: 'old', token: 'tok' });
    expect(secrets.entries.get('profile:sts:token')).toBe('tok');
    await profiles.add({ name: 'sts', secretId: SECRET_ID, secretKey: 'new' });
    expect(secrets.entries.get('profile:sts:secret-key')).toBe('new');
    expect(secrets.entries.has('profile:sts:token')).toBe(false);
    expect(await profiles.resolve('sts')).toMatchObject({
      ok: true,
      value: { credentials: { secretId: SECRET_ID, secretKey: 'new' } },
    });
  });

  it('resolves a named profile with its token, region and endpoint', async () => {
    const profiles = service();
    await profiles.add({
      name: 'intl',
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      token: 'tok',
      region: 'ap-singapore',
      endpoint: 'live.intl.tencentcloudapi.com',
    });
    expect(await profiles.resolve('intl')).toEqual({
      ok: true,
      value: {
        profile: 'intl',
        credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: 'tok' },
        region: 'ap-singapore',
        endpoint: 'live.intl.tencentcloudapi.com',
      },
    });
  });

  it('reports ProfileNotFound and SecretMissing as values', async () => {
    const profiles = service();
    expect(await profiles.resolve('ghost')).toMatchObject({ ok: false, error: { code: 'Taper.Profile.NotFound' } });
    await profiles.add({ name: 'main', secretId: SECRET_ID, secretKey: SECRET_KEY });
    secrets.entries.clear();
    expect(await profiles.resolve('main')).toMatchObject({
      ok: false,
      error: { code: 'Taper.Credentials.SecretMissing' },
    });
  });

  it('without a name: environment first, then the default, then the only profile, else Missing', async () => {
    expect(await service().resolve()).toMatchObject({ ok: false, error: { code: 'Taper.Credentials.Missing' } });
    const env = {
      TENCENTCLOUD_SECRET_ID: 'AKIDENVENVENVENVENV',
      TENCENTCLOUD_SECRET_KEY: 'envkey',
      TENCENTCLOUD_SESSION_TOKEN: 'envtok',
      TENCENTCLOUD_REGION: 'ap-beijing',
    };
    expect(await service(env).resolve()).toEqual({
      ok: true,
      value: {
        profile: null,
        credentials: { secretId: 'AKIDENVENVENVENVENV', secretKey: 'envkey', token: 'envtok' },
        region: 'ap-beijing',
        endpoint: null,
      },
    });
    const profiles = service();
    await profiles.add({ name: 'a', secretId: SECRET_ID, secretKey: 'ka' });
    expect(await profiles.resolve()).toMatchObject({ ok: true, value: { profile: 'a' } });
    await profiles.add({ name: 'b', secretId: SECRET_ID, secretKey: 'kb' });
    expect(await profiles.resolve()).toMatchObject({ ok: false, error: { code: 'Taper.Credentials.Missing' } });
    expect(await profiles.setDefault('b')).toEqual({ ok: true, value: undefined });
    expect(await profiles.resolve()).toMatchObject({
      ok: true,
      value: { profile: 'b', credentials: { secretKey: 'kb' } },
    });
    const listed = await profiles.list();
    expect(listed.ok && listed.value.map((p) => [p.name, p.isDefault])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('TAPER_ENDPOINT overrides the endpoint for profiles and environment credentials', async () => {
    await service().add({
      name: 'a',
      secretId: SECRET_ID,
      secretKey: 'ka',
      endpoint: 'https://live.intl.tencentcloudapi.com',
    });
    const env = { TAPER_ENDPOINT: 'http://127.0.0.1:9000' };
    expect(await service(env).resolve('a')).toMatchObject({ ok: true, value: { endpoint: 'http://127.0.0.1:9000' } });
    expect(
      await service({ ...env, TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: 'k' }).resolve(),
    ).toMatchObject({
      ok: true,
      value: { profile: null, endpoint: 'http://127.0.0.1:9000', region: 'ap-guangzhou' },
    });
  });

  it('half-set environment credentials are an error, not a silent fallback', async () => {
    expect(await service({ TENCENTCLOUD_SECRET_ID: SECRET_ID }).resolve()).toMatchObject({
      ok: false,
      error: { code: 'Taper.Credentials.Missing' },
    });
  });

  it('remove deletes the keychain entries and the default; a locked keychain keeps the profile', async () => {
    const profiles = service();
    await profiles.add({ name: 'a', secretId: SECRET_ID, secretKey: 'ka', token: 't' });
    await profiles.setDefault('a');
    secrets.failWith = { code: 'Taper.Keychain.Locked', message: 'locked' };
    expect(await profiles.remove('a')).toMatchObject({ ok: false, error: { code: 'Taper.Keychain.Locked' } });
    secrets.failWith = null;
    expect((await profiles.list()).ok && secrets.entries.size).toBe(2);
    expect(await profiles.remove('a')).toEqual({ ok: true, value: undefined });
    expect(secrets.entries.size).toBe(0);
    expect(await profiles.list()).toEqual({ ok: true, value: [] });
    expect(await profiles.remove('a')).toMatchObject({ ok: false, error: { code: 'Taper.Profile.NotFound' } });
  });
});
