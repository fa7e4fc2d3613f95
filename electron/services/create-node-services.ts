// The services under plain Node (the `taper` CLI, tests, the e2e bridge): conf for settings, same data directory
// as the app (TAPER_HOME, else the app's user-data directory).
import { homedir } from 'node:os';
import type { Clock } from '../../shared/clock.js';
import type { AppServices } from './app-services.js';
import { composeServices } from './compose-services.js';
import type { SecretStore } from './keychain/secret-store.js';
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
  const dataDir = options.dataDir ?? dataDirectory(options.env, process.platform, homedir());
  const ready = await ensureDataDirectory(dataDir);
  if (!ready.ok) throw new Error(ready.error.message);
  return composeServices({
    dataDir,
    settings: async () => (await import('./storage/conf-store.js')).createConfSettingsStore(dataDir),
    env: options.env,
    clock: options.clock,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.requestsPerSecond ? { requestsPerSecond: options.requestsPerSecond } : {}),
    ...(options.proxyFor ? { proxyFor: options.proxyFor } : {}),
  });
}
