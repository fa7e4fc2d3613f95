// settings.json under plain Node (CLI, tests): conf is electron-store's base class, same file format and options.
import Conf from 'conf';
import type { ProfileSettings } from '../profiles/stored-profile.js';
import { asKeyValueStore, type KeyValueStore } from './key-value-store.js';
import { settingsStoreOptions } from './settings-store-options.js';

/** Opens (creating if needed) `<directory>/settings.json`; throws like conf on an unreadable file or schema violation. */
export function createConfSettingsStore(directory: string): KeyValueStore<ProfileSettings> {
  const conf = new Conf<ProfileSettings>(settingsStoreOptions(directory));
  return asKeyValueStore<ProfileSettings>(conf as unknown as Parameters<typeof asKeyValueStore>[0]);
}
