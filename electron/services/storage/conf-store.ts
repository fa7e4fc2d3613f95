// settings.json, opened with conf by the app, the CLI and the tests alike (conf is plain Node: no Electron needed).
import Conf from 'conf';
import type { ProfileSettings } from '../profiles/stored-profile.js';
import { asKeyValueStore, type KeyValueStore } from './key-value-store.js';
import { settingsStoreOptions } from './settings-store-options.js';

/** Opens (creating if needed) `<directory>/settings.json`; throws like conf on an unreadable file or schema violation. */
export function createConfSettingsStore(directory: string): KeyValueStore<ProfileSettings> {
  const conf = new Conf<ProfileSettings>(settingsStoreOptions(directory));
  return asKeyValueStore<ProfileSettings>(conf as unknown as Parameters<typeof asKeyValueStore>[0]);
}
