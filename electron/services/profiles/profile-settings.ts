// settings.json's profile half as Results: conf throws on an unreadable file or a schema violation, and a write may
// find the file damaged only when conf first opens it.
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';
import type { KeyValueStore } from '../storage/key-value-store.js';
import type { ProfileSettings, StoredProfile } from './stored-profile.js';

export interface ProfileSettingsAccess {
  read(): Result<{ profiles: Record<string, StoredProfile>; defaultProfile: string | null }>;
  /** Runs `change` (a few settings.set calls) with any throw as a Result. */
  write(change: () => void): Promise<Result<void>>;
}

export function profileSettingsAccess(settings: KeyValueStore<ProfileSettings>): ProfileSettingsAccess {
  return {
    read() {
      try {
        return ok({
          profiles: { ...(settings.get('profiles') ?? {}) },
          defaultProfile: settings.get('defaultProfile') ?? null,
        });
      } catch (error) {
        return settingsError(error, settings.path);
      }
    },
    async write(change) {
      // A store read without conf opens it now (settings-store.ts); a damaged file found then is thrown as it is.
      await settings.prepareWrites?.();
      try {
        change();
        return ok(undefined);
      } catch (error) {
        return settingsError(error, settings.path);
      }
    },
  };
}

/** The profile used when none is named: the chosen default, else the only one. */
export function effectiveDefault(
  profiles: Record<string, StoredProfile>,
  defaultProfile: string | null,
): string | null {
  if (defaultProfile !== null && profiles[defaultProfile]) return defaultProfile;
  const names = Object.keys(profiles);
  return names.length === 1 ? (names[0] ?? null) : null;
}

function settingsError<T>(error: unknown, path: string): Result<T> {
  const reason = error instanceof Error ? error.message : String(error);
  // Profiles live in settings.json; a broken file is a storage problem, reported with its path.
  return err(LocalErrorCode.SettingsUnavailable, `The settings file ${path} could not be read or written: ${reason}`);
}
