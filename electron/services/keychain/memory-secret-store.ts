// An in-memory SecretStore for unit tests and for the sandbox: behaves like the keychain, can be told to fail like one.
import { err, ok, type AppError } from '../../../shared/result.js';
import type { SecretStore } from './secret-store.js';

export interface MemorySecretStore extends SecretStore {
  /** The stored secrets (tests inspect them). */
  readonly entries: Map<string, string>;
  /** Every call fails with this error until set back to null (simulates a locked or missing keychain). */
  failWith: AppError | null;
}

export function createMemorySecretStore(): MemorySecretStore {
  const entries = new Map<string, string>();
  const store: MemorySecretStore = {
    entries,
    failWith: null,
    async get(account) {
      if (store.failWith) return err(store.failWith.code, store.failWith.message);
      return ok(entries.get(account) ?? null);
    },
    async set(account, secret) {
      if (store.failWith) return err(store.failWith.code, store.failWith.message);
      entries.set(account, secret);
      return ok(undefined);
    },
    async delete(account) {
      if (store.failWith) return err(store.failWith.code, store.failWith.message);
      return ok(entries.delete(account));
    },
  };
  return store;
}
