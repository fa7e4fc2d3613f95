// settings.json in the Electron app. Type-checked here; it can only run inside Electron (electron-store imports
// 'electron'), which is why it is a separate file that nothing under plain Node imports.
import ElectronStore from 'electron-store';
import type { ProfileSettings } from '../profiles/stored-profile.js';
import { asKeyValueStore, type KeyValueStore } from './key-value-store.js';
import { settingsStoreOptions } from './settings-store-options.js';

/** The same file as createConfSettingsStore(directory), opened through electron-store. */
export function createElectronSettingsStore(directory: string): KeyValueStore<ProfileSettings> {
  const { configName, ...options } = settingsStoreOptions(directory);
  const store = new ElectronStore<ProfileSettings>({ ...options, name: configName });
  return asKeyValueStore<ProfileSettings>(store as unknown as Parameters<typeof asKeyValueStore>[0]);
}
