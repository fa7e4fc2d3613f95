import { describe, expect, it, vi } from 'vitest';
import { createMemorySecretStore } from '../../../../../electron/services/keychain/memory-secret-store.js';
import { createRoutedSecretStore } from '../../../../../electron/services/keychain/routed-secret-store.js';
import { secretKeyAccount } from '../../../../../electron/services/profiles/profile-accounts.js';
import { ok } from '../../../../../shared/result.js';

const SANDBOX_ACCOUNT = secretKeyAccount('sandbox');
const MAIN_ACCOUNT = secretKeyAccount('main');

function routed() {
  const memory = createMemorySecretStore();
  const keychain = createMemorySecretStore();
  const loadKeychain = vi.fn(async () => keychain);
  const store = createRoutedSecretStore((account) => account === SANDBOX_ACCOUNT, memory, loadKeychain);
  return { store, memory, keychain, loadKeychain };
}

describe('createRoutedSecretStore', () => {
  it('keeps sandbox accounts in memory without ever loading the keychain', async () => {
    const { store, memory, loadKeychain } = routed();
    expect(await store.set(SANDBOX_ACCOUNT, 'sandbox-key')).toEqual(ok(undefined));
    expect(await store.get(SANDBOX_ACCOUNT)).toEqual(ok('sandbox-key'));
    expect([...memory.entries]).toEqual([[SANDBOX_ACCOUNT, 'sandbox-key']]);
    expect(await store.delete(SANDBOX_ACCOUNT)).toEqual(ok(true));
    expect(memory.entries.size).toBe(0);
    expect(loadKeychain).not.toHaveBeenCalled();
  });

  it('sends every other account to the keychain, never to memory', async () => {
    const { store, memory, keychain } = routed();
    await store.set(MAIN_ACCOUNT, 'real-key');
    expect([...keychain.entries]).toEqual([[MAIN_ACCOUNT, 'real-key']]);
    expect(memory.entries.size).toBe(0);
    expect(await store.get(MAIN_ACCOUNT)).toEqual(ok('real-key'));
    expect(await store.get(SANDBOX_ACCOUNT)).toEqual(ok(null));
    expect(await store.delete(MAIN_ACCOUNT)).toEqual(ok(true));
    expect(keychain.entries.size).toBe(0);
  });

  it('loads the keychain once however many calls, also when they overlap', async () => {
    const { store, loadKeychain } = routed();
    await Promise.all([
      store.get(MAIN_ACCOUNT),
      store.set(MAIN_ACCOUNT, 'real-key'),
      store.get(secretKeyAccount('other')),
    ]);
    await store.delete(MAIN_ACCOUNT);
    await store.get(SANDBOX_ACCOUNT);
    expect(loadKeychain).toHaveBeenCalledOnce();
  });
});

describe('a keychain that cannot be loaded', () => {
  it('is an error value, not a rejection, and is tried again on the next call', async () => {
    const memory = createMemorySecretStore();
    const keychain = createMemorySecretStore();
    let attempts = 0;
    const store = createRoutedSecretStore(
      () => false,
      memory,
      async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('Cannot find module @napi-rs/keyring-linux-x64-gnu');
        return keychain;
      },
    );
    const first = await store.get('profile:prod:secret-key');
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.error.code).toMatch(/^Taper\.Keychain\./);
    expect(await store.set('profile:prod:secret-key', 'value')).toEqual({ ok: true, value: undefined });
    expect(keychain.entries.get('profile:prod:secret-key')).toBe('value');
    expect(attempts).toBe(2);
  });
});
