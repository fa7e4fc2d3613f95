// The services under plain Node (the `taper` CLI, tests, the e2e bridge): conf for settings, same data directory
// as the app (TAPER_HOME, else the app's user-data directory).
import { homeDirectory } from './storage/home-directory.js';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock.js';
import type { AppServices } from './app-services.js';
import { composeServices } from './compose-services.js';
import type { SecretStore } from './keychain/secret-store.js';
import type { ProfileSettings } from './profiles/stored-profile.js';
import type { KeyValueStore } from './storage/key-value-store.js';
import type { ProxyFor } from './live-api/proxy.js';
import { dataDirectory, ensureDataDirectory } from './storage/data-directory.js';

export interface NodeServicesOptions {
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  /** Default: TAPER_HOME or the app's user-data directory. */
  dataDir?: string;
  secrets?: SecretStore;
  /** Client-side pacing override (bench only); default 20 requests/s. */
  requestsPerSecond?: number;
  /** The HTTP proxy for a URL ('' for none); default none (the CLI passes the environment's). */
  proxyFor?: ProxyFor;
}

export async function createNodeServices(options: NodeServicesOptions): Promise<AppServices> {
  const dataDir =
    options.dataDir ?? dataDirectory(options.env, process.platform, homeDirectory(options.env, process.platform));
  const ready = await ensureDataDirectory(dataDir);
  if (!ready.ok) throw new Error(ready.error.message);
  return composeServices({
    dataDir,
    settings: () => openSettings(dataDir, options.clock),
    env: options.env,
    clock: options.clock,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.requestsPerSecond ? { requestsPerSecond: options.requestsPerSecond } : {}),
    ...(options.proxyFor ? { proxyFor: options.proxyFor } : {}),
  });
}

/**
 * settings.json for a profile command. A damaged one is moved aside (never deleted) as the app does at start, and the
 * command that found it fails naming both paths: its profiles are gone from the file, though their SecretKeys are still
 * in the keychain. The next command starts from a fresh file; commands that need no profile never open it.
 */
async function openSettings(dataDir: string, clock: Clock): Promise<KeyValueStore<ProfileSettings>> {
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
