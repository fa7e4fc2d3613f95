// settings.json as the core opens it when the shell passes no store of its own (the CLI, `taper serve`'s tests, the
// bench): loaded on a profile command's first use, so commands that need no profile never open it.
import { join } from 'node:path';
import type { Clock } from '../../shared/clock.js';
import type { ProfileSettings } from './profiles/stored-profile.js';
import type { KeyValueStore } from './storage/key-value-store.js';

/**
 * settings.json for a profile command. A damaged one is moved aside (never deleted) as the app does at start, and the
 * command that found it fails naming both paths: its profiles are gone from the file, though their SecretKeys are still
 * in the keychain. The next command starts from a fresh file; commands that need no profile never open it.
 */
export async function openSettings(dataDir: string, clock: Clock): Promise<KeyValueStore<ProfileSettings>> {
  const file = join(dataDir, 'settings.json');
  const { createSettingsStore, currentSettingsOf } = await import('./storage/settings-store.js');
  // A current file is read without conf (~50 ms of a command); conf opens only for a write.
  if (currentSettingsOf(file) !== undefined)
    return createSettingsStore(file, () => openConfSettings(file, dataDir, clock));
  return openConfSettings(file, dataDir, clock);
}

async function openConfSettings(file: string, dataDir: string, clock: Clock): Promise<KeyValueStore<ProfileSettings>> {
  const [{ createConfSettingsStore }, { DataFileDamagedError, openRepairing }] = await Promise.all([
    import('./storage/conf-store.js'),
    import('./storage/damaged-file.js'),
  ]);
  const { value, damaged } = openRepairing(file, () => createConfSettingsStore(dataDir), { clock });
  if (damaged === null) return value;
  throw new DataFileDamagedError(
    `The settings file ${file} could not be read (${damaged.reason}). It was moved to ${damaged.movedTo}; nothing in it was deleted. ` +
      'Its profiles are no longer listed, but their SecretKeys are still in the keychain: add each profile again (taper profile add NAME --secret-id ...), or restore the file from that copy.',
  );
}
