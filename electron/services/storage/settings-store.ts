// The CLI's settings.json: read without conf while the file is current (current-settings.ts), through conf for
// every write. Each read goes to the disk, as conf's `cache: false` does: the app may change the file while a
// command runs.
import { readFileSync } from 'node:fs';
import type { ProfileSettings } from '../profiles/stored-profile.js';
import { CURRENT_SETTINGS_KEYS, readCurrentSettings } from './current-settings.js';
import type { KeyValueStore } from './key-value-store.js';

/** The file's current settings, or undefined when it is absent, unreadable or for conf to read. */
export function currentSettingsOf(file: string): ReturnType<typeof readCurrentSettings> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return readCurrentSettings(text);
}

type FastKey = (typeof CURRENT_SETTINGS_KEYS)[number];
const answersFast = (key: string): key is FastKey => (CURRENT_SETTINGS_KEYS as readonly string[]).includes(key);

/**
 * A store over a file that was current when opened. `openConf` (which may throw, as conf or a damaged file does)
 * runs at most once, in `prepareWrites`: conf's module is loaded asynchronously, and sets are synchronous.
 */
export function createSettingsStore(
  file: string,
  openConf: () => Promise<KeyValueStore<ProfileSettings>>,
): KeyValueStore<ProfileSettings> {
  let conf: KeyValueStore<ProfileSettings> | undefined;
  const writer = (): KeyValueStore<ProfileSettings> => {
    // A programming error, not a user's: every writer awaits prepareWrites first (profiles/profile-settings.ts).
    if (conf === undefined) throw new Error(`settings: ${file} written before prepareWrites()`);
    return conf;
  };
  return {
    get: (key) => {
      if (conf !== undefined) return conf.get(key);
      const current = answersFast(key) ? currentSettingsOf(file) : undefined;
      // Changed since it was opened into something only conf reads (another tool, an older Taper): this command
      // stops rather than guess; the next one opens the file through conf, which migrates or repairs it.
      if (current === undefined) throw new Error(`${file} changed while this command read it: run the command again.`);
      return current[key as FastKey] as never;
    },
    set: (key, value) => writer().set(key, value),
    delete: (key) => writer().delete(key),
    path: file,
    prepareWrites: async () => {
      conf ??= await openConf();
    },
  };
}
