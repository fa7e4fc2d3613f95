import { describe, expect, it } from 'vitest';
import {
  createKeyringSecretStore,
  type KeyringEntry,
} from '../../../../../electron/services/keychain/keyring-secret-store.js';

const failing = (message: string): KeyringEntry => ({
  getPassword: () => Promise.reject(new Error(message)),
  setPassword: () => Promise.reject(new Error(message)),
  deleteCredential: () => Promise.reject(new Error(message)),
});

describe('keyring secret store error mapping', () => {
  it('maps a missing D-Bus (the constructor throws) to Unavailable with the fix', async () => {
    const store = createKeyringSecretStore({
      entryFactory: () => {
        throw new Error(
          'Platform failure: DBus error: Failed to connect to socket /nonexistent: No such file or directory',
        );
      },
    });
    const result = await store.get('profile:a:secret-key');
    expect(result).toMatchObject({ ok: false, error: { code: 'Taper.Keychain.Unavailable' } });
    if (!result.ok) {
      expect(result.error.message).toContain('Failed to connect to socket');
      expect(result.error.message).toMatch(/gnome-keyring or KWallet/);
      expect(result.error.message).toMatch(/D-Bus session/);
    }
  });

  it('maps a dismissed unlock prompt to Locked', async () => {
    const store = createKeyringSecretStore({
      entryFactory: () => failing("Couldn't access platform storage: Secret Service: unlock prompt was dismissed"),
    });
    expect(await store.set('a', 'k')).toMatchObject({ ok: false, error: { code: 'Taper.Keychain.Locked' } });
    expect(await store.delete('a')).toMatchObject({ ok: false, error: { code: 'Taper.Keychain.Locked' } });
  });

  it('never puts the secret in an error message', async () => {
    const secret = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
    const store = createKeyringSecretStore({ entryFactory: () => failing(`failed to store ${secret}`) });
    const result = await store.set('a', secret);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('bounds a call that never answers (an unanswered prompt) and reports Locked', async () => {
    let aborted = false;
    const hanging: KeyringEntry = {
      getPassword: (signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
        }),
      setPassword: () => Promise.resolve(),
      deleteCredential: () => Promise.resolve(false),
    };
    const store = createKeyringSecretStore({ timeoutMs: 50, entryFactory: () => hanging });
    expect(await store.get('a')).toMatchObject({ ok: false, error: { code: 'Taper.Keychain.Locked' } });
    expect(aborted).toBe(true);
  });
});
