// Opens the app's data files at start so that a damaged one never stops the app: settings.json (profiles),
// app-settings.json and plans.json are checked, each unreadable one moved aside and replaced (openRepairing), and
// what happened is returned for the window to show. The history store reports its own damage (see main).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock.js';
import type { DamagedFile } from '../../shared/ipc/types.js';
import type { ProfileSettings } from '../services/profiles/stored-profile.js';
import { PLANS_FILE } from '../services/schedule/plan-store.js';
import { openAppSettingsFile, type AppSettingsFile } from '../services/storage/app-settings-store.js';
import { createConfSettingsStore } from '../services/storage/conf-store.js';
import { openRepairing } from '../services/storage/damaged-file.js';
import type { KeyValueStore } from '../services/storage/key-value-store.js';

export interface StartupFiles {
  settings: KeyValueStore<ProfileSettings>;
  appSettings: AppSettingsFile;
  damaged: DamagedFile[];
}

/** plans.json only has to be JSON here: the plan store checks its layout on every read. */
function parseJsonFile(path: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  JSON.parse(text);
}

export function openStartupFiles(dataDir: string, clock: Clock): StartupFiles {
  const damaged: DamagedFile[] = [];
  const repaired = <T>(file: string, open: () => T): T => {
    const { value, damaged: damage } = openRepairing(join(dataDir, file), open, { clock });
    if (damage !== null) damaged.push(damage);
    return value;
  };
  const settings = repaired('settings.json', () => createConfSettingsStore(dataDir));
  const appSettings = repaired('app-settings.json', () => openAppSettingsFile(dataDir));
  repaired(PLANS_FILE, () => parseJsonFile(join(dataDir, PLANS_FILE)));
  return { settings, appSettings, damaged };
}
