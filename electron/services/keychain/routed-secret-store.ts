// One SecretStore over two: some accounts live in memory (the sandbox's demo key: simulated, worthless, and it must
// work where no keyring runs), every other one in the OS keychain, which is loaded only when first needed.
import { err, type Result } from '../../../shared/result.js';
import { keychainError } from './keychain-errors.js';
import type { SecretStore } from './secret-store.js';

export function createRoutedSecretStore(
  inMemory: (account: string) => boolean,
  memory: SecretStore,
  keychain: () => Promise<SecretStore>,
): SecretStore {
  let loaded: Promise<SecretStore> | undefined;
  /** A keychain that failed to load (the native addon missing, say) is an error value now and tried again next time. */
  const call = async <T>(account: string, run: (store: SecretStore) => Promise<Result<T>>): Promise<Result<T>> => {
    if (inMemory(account)) return run(memory);
    let store: SecretStore;
    try {
      store = await (loaded ??= keychain());
    } catch (error) {
      loaded = undefined;
      const failure = keychainError(error);
      return err(failure.code, failure.message);
    }
    return run(store);
  };
  return {
    get: (account) => call(account, (store) => store.get(account)),
    set: (account, secret) => call(account, (store) => store.set(account, secret)),
    delete: (account) => call(account, (store) => store.delete(account)),
  };
}
