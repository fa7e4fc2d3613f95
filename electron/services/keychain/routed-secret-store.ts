// One SecretStore over two: some accounts live in memory (the sandbox's demo key: simulated, worthless, and it must
// work where no keyring runs), every other one in the OS keychain, which is loaded only when first needed.
import type { SecretStore } from './secret-store.js';

export function createRoutedSecretStore(inMemory: (account: string) => boolean, memory: SecretStore, keychain: () => Promise<SecretStore>): SecretStore {
  let loaded: Promise<SecretStore> | undefined;
  const route = async (account: string) => (inMemory(account) ? memory : await (loaded ??= keychain()));
  return {
    get: async (account) => (await route(account)).get(account),
    set: async (account, secret) => (await route(account)).set(account, secret),
    delete: async (account) => (await route(account)).delete(account),
  };
}
