// SecretStore over @napi-rs/keyring: macOS Keychain, Windows Credential Manager, Secret Service on Linux.
// Chosen over keytar (archived, rebuilt per Electron ABI, segfaults on a locked keyring).
import { AsyncEntry } from '@napi-rs/keyring';
import { err, ok, type AppError, type Result } from '../../../shared/result.js';
import { keychainError, keychainTimeout } from './keychain-errors.js';
import type { SecretStore } from './secret-store.js';

/** The calls of AsyncEntry the store makes (a test can pass a fake one). */
export interface KeyringEntry {
  getPassword(signal?: AbortSignal): Promise<string | null>;
  setPassword(password: string, signal?: AbortSignal): Promise<void>;
  deleteCredential(signal?: AbortSignal): Promise<boolean>;
}

export type KeyringEntryFactory = (service: string, account: string) => KeyringEntry;

export interface KeyringSecretStoreOptions {
  /** The keychain service name all of Taper's entries share. */
  service?: string;
  /** Upper bound for one keychain call: an unanswered unlock prompt must not hang the CLI forever. */
  timeoutMs?: number;
  /** Creates entries; the default is the real keychain. */
  entryFactory?: KeyringEntryFactory;
}

/**
 * The real keychain entry. On Linux the store is ALWAYS pinned to the Secret Service: unpinned, the bindings fall
 * back silently to the kernel keyring (lost on reboot, not what the user sees in Seahorse). Elsewhere the option is ignored.
 */
export const realKeyringEntry: KeyringEntryFactory = (service, account) =>
  new AsyncEntry(service, account, { linux: { store: 'secret-service' } });

const DEFAULT_TIMEOUT_MS = 60_000;

export function createKeyringSecretStore(options: KeyringSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? 'Taper';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const entryFactory = options.entryFactory ?? realKeyringEntry;

  // One bounded call: the constructor itself throws when there is no D-Bus, and a call may wait on a prompt.
  async function call<T>(
    account: string,
    run: (entry: KeyringEntry, signal: AbortSignal) => Promise<T>,
    secret?: string,
  ): Promise<Result<T>> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<{ timeout: true }>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ timeout: true });
      }, timeoutMs);
    });
    try {
      const entry = entryFactory(service, account);
      const outcome = await Promise.race([run(entry, controller.signal).then((value) => ({ value })), timedOut]);
      if ('timeout' in outcome) return { ok: false, error: keychainTimeout(timeoutMs) };
      return ok(outcome.value);
    } catch (error) {
      const mapped: AppError = keychainError(error, secret);
      return err(mapped.code, mapped.message);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get: (account) => call(account, (entry, signal) => entry.getPassword(signal)),
    // The bindings resolve `null` for void: normalise to undefined so callers see `ok(undefined)`.
    set: (account, secret) =>
      call(account, async (entry, signal) => void (await entry.setPassword(secret, signal)), secret),
    delete: (account) => call(account, (entry, signal) => entry.deleteCredential(signal)),
  };
}
