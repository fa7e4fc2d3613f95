// settings.json is read-modify-written by the app and by `taper profile` processes alike: each change runs under the
// same kind of cross-process lock as the history, so two profiles added at once are both kept.
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, type Result } from '../../../shared/result.js';
import { LockTimeoutError, withFileLock } from './data-file-lock.js';

/** A keychain prompt may sit inside the lock (profile add writes the key first), so waiters allow for it. */
const LOCK_OPTIONS = { timeoutMs: 30_000, staleMs: 10_000 };

export function settingsLock(settingsPath: string): <T>(work: () => Promise<Result<T>>) => Promise<Result<T>> {
  return async (work) => {
    try {
      return await withFileLock(settingsPath, LOCK_OPTIONS, () => work());
    } catch (error) {
      if (error instanceof LockTimeoutError)
        return err(LocalErrorCode.SettingsUnavailable, `The settings could not be changed: ${error.message}.`);
      throw error;
    }
  };
}
