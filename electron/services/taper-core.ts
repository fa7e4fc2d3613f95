// The one composition of Taper's services, for every shell: the app (electron/main.ts), the `taper` CLI, `taper serve`,
// the tests and the bench. The shells differ only in what they pass (the app its data directory, settings store,
// secret routing and proxy; the CLI nothing but its environment), so all see one history, one keychain and one plans
// file, and the data directory is worked out once, here.
import { homeDirectory } from './storage/home-directory.js';
import type { Clock } from '../../shared/clock.js';
import { ok } from '../../shared/result.js';
import type { AppServices } from './app-services.js';
import { checkProfileKeys } from './check-profile.js';
import { createHistoryStore } from './history/history-store.js';
import type { SecretStore } from './keychain/secret-store.js';
import type { ProxyFor } from './live-api/proxy.js';
import { createRateLimiter } from './live-api/rate-limiter.js';
import { reuseLastClient } from './live-api/reuse-last-client.js';
import { createProfileService } from './profiles/profile-service.js';
import type { ProfileSettings } from './profiles/stored-profile.js';
import { createRecordService } from './recording/record-service.js';
import { createScheduleServices, type ScheduleServices } from './schedule/schedule-services.js';
import { dataDirectory, ensureDataDirectory } from './storage/data-directory.js';
import type { KeyValueStore } from './storage/key-value-store.js';
import { settingsLock } from './storage/settings-lock.js';
import { createSyncService } from './sync/sync-service.js';
import { createSyncStateFile } from './sync/sync-state-file.js';
import { lazyLiveApi, lazyProfiles, timeoutFromEnv } from './taper-core-parts.js';
import { openSettings } from './taper-core-settings.js';

export interface TaperCoreOptions {
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  /** Default: TAPER_HOME, else the app's user-data directory as Electron would name it (created, mode 0700). */
  dataDir?: string;
  /**
   * The settings store, or a loader for it: conf pulls in a JSON-schema validator that only profile commands need.
   * Default: settings.json in the data directory, opened on first use (a damaged one moved aside).
   */
  settings?: KeyValueStore<ProfileSettings> | (() => Promise<KeyValueStore<ProfileSettings>>);
  /** Default: the OS keychain, loaded when a profile is first used. */
  secrets?: SecretStore;
  sleep?: (ms: number) => Promise<void>;
  /** Client-side pacing; default the platform's 20 requests/s. The bench raises it to measure Taper's own cost. */
  requestsPerSecond?: number;
  /** The HTTP proxy for a URL ('' for none); default none. The CLI reads HTTPS_PROXY/NO_PROXY, the app the OS too. */
  proxyFor?: ProxyFor;
}

export interface TaperCore {
  /** The data directory every file below lives in. */
  dataDir: string;
  services: AppServices;
  /** The scheduler and its plans (plans.json beside history.json), on top of `services`. */
  schedule: ScheduleServices;
}

export async function createTaperCore(options: TaperCoreOptions): Promise<TaperCore> {
  const { clock, env } = options;
  const dataDir = options.dataDir ?? dataDirectory(env, process.platform, homeDirectory(env, process.platform));
  const ready = await ensureDataDirectory(dataDir);
  if (!ready.ok) throw new Error(ready.error.message);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // One limiter for every client of this process: the platform counts 20 requests/s.
  const rateLimiter = createRateLimiter({ perSecond: options.requestsPerSecond ?? 20, clock, sleep });
  const timeoutMs = timeoutFromEnv(env);
  const profiles = lazyProfiles(async () => {
    const given = options.settings ?? (() => openSettings(dataDir, clock));
    const settings = typeof given === 'function' ? await given() : given;
    // The keychain's native addon loads only when a profile is actually used.
    const secrets = options.secrets ?? (await import('./keychain/keyring-secret-store.js')).createKeyringSecretStore();
    return createProfileService({ settings, secrets, env, clock, exclusive: settingsLock(settings.path) });
  }, env);
  const history = createHistoryStore({ directory: dataDir, clock });
  const liveApiFor = reuseLastClient((profile) =>
    lazyLiveApi({
      credentials: profile.credentials,
      region: profile.region,
      ...(profile.endpoint === null ? {} : { endpoint: profile.endpoint }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(options.proxyFor === undefined ? {} : { proxyFor: options.proxyFor }),
      clock,
      rateLimiter,
      sleep,
    }),
  );
  const liveApi: AppServices['liveApi'] = async (call) => {
    const resolved = await profiles.resolve(call?.profile);
    if (!resolved.ok) return resolved;
    return ok(liveApiFor(call?.region ? { ...resolved.value, region: call.region } : resolved.value));
  };
  const services: AppServices = {
    clock,
    liveRateLimiter: rateLimiter,
    profiles,
    history,
    recorder: createRecordService({ clock, history, profiles, liveApiFor }),
    sync: createSyncService({ clock, history, profiles, liveApiFor, state: createSyncStateFile(dataDir) }),
    liveApi,
    async checkProfile(name) {
      const api = await liveApi(name === undefined ? undefined : { profile: name });
      if (!api.ok) return api;
      return checkProfileKeys(api.value, clock);
    },
  };
  return { dataDir, services, schedule: createScheduleServices(services, { dataDir }) };
}
