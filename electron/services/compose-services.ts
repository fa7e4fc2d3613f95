// Wires the real services for one data directory. The app, the CLI and the tests all pass a conf settings store
// (one file format); the app adds its secret routing and proxy, so all see one history and one keychain.
import type { Clock } from '../../shared/clock.js';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { err, type Result } from '../../shared/result.js';
import type { AppServices, ProfilesPort } from './app-services.js';
import { createAppServices } from './create-app-services.js';
import { createHistoryStore } from './history/history-store.js';
import type { SecretStore } from './keychain/secret-store.js';
import type { LiveApiOptions } from './live-api/create-live-api.js';
import type { LiveApi } from './live-api/live-api.js';
import type { ProxyFor } from './live-api/proxy.js';
import { createRateLimiter } from './live-api/rate-limiter.js';
import { credentialsFromEnvironment } from './profiles/environment-credentials.js';
import { createProfileService } from './profiles/profile-service.js';
import type { ProfileSettings } from './profiles/stored-profile.js';
import { DataFileDamagedError } from './storage/damaged-file.js';
import type { KeyValueStore } from './storage/key-value-store.js';
import { settingsLock } from './storage/settings-lock.js';
import { createSyncStateFile } from './sync/sync-state-file.js';

export interface ComposeOptions {
  dataDir: string;
  /** The settings store, or a loader for it: conf pulls in a JSON-schema validator that only profile commands need. */
  settings: KeyValueStore<ProfileSettings> | (() => Promise<KeyValueStore<ProfileSettings>>);
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  /** Default: the OS keychain. */
  secrets?: SecretStore;
  sleep?: (ms: number) => Promise<void>;
  /** Client-side pacing; default the platform's 20 requests/s. The bench raises it to measure Taper's own cost. */
  requestsPerSecond?: number;
  /** The HTTP proxy for a URL ('' for none); default none. The CLI reads HTTPS_PROXY/NO_PROXY, the app the OS too. */
  proxyFor?: ProxyFor;
}

/** `TAPER_TIMEOUT_SECONDS`: per-call timeout (default 20 s); lets automation and tests bound a hung endpoint. */
export function timeoutFromEnv(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const seconds = Number(env.TAPER_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
}

/**
 * A LiveApi whose client (and with it node:http, https, net, tls and the proxy agent) loads on its first call: commands
 * that never call the API, like `taper history`, start without them. The SDK itself loads later still (create-live-api).
 */
function lazyLiveApi(options: LiveApiOptions): LiveApi {
  let loaded: Promise<LiveApi> | undefined;
  const api = () =>
    (loaded ??= import('./live-api/create-live-api.js').then(({ createLiveApi }) => createLiveApi(options)));
  return {
    createRecordTask: async (request) => (await api()).createRecordTask(request),
    stopRecordTask: async (taskId) => (await api()).stopRecordTask(taskId),
    deleteRecordTask: async (taskId) => (await api()).deleteRecordTask(taskId),
    describeRecordTasks: async (query) => (await api()).describeRecordTasks(query),
    describeRecordTemplates: async () => (await api()).describeRecordTemplates(),
    createRecordTemplate: async (template) => (await api()).createRecordTemplate(template),
    describeStreamState: async (stream) => (await api()).describeStreamState(stream),
    describeDomains: async () => (await api()).describeDomains(),
    prepare: () => void api().then((loadedApi) => loadedApi.prepare?.()),
  };
}

/** A ProfilesPort that builds the real one on first use. */
function lazyProfiles(load: () => Promise<ProfilesPort>, env: ComposeOptions['env']): ProfilesPort {
  let loaded: Promise<ProfilesPort> | undefined;
  // A damaged settings file (moved aside by the loader) is this call's error; the next call loads the fresh file.
  const use = async <T>(call: (port: ProfilesPort) => Promise<Result<T>>): Promise<Result<T>> => {
    try {
      return await call(await (loaded ??= load()));
    } catch (error) {
      if (!(error instanceof DataFileDamagedError)) throw error;
      loaded = undefined;
      return err(LocalErrorCode.DataFileDamaged, error.message);
    }
  };
  return {
    add: (input) => use((port) => port.add(input)),
    list: () => use((port) => port.list()),
    remove: (name) => use((port) => port.remove(name)),
    setDefault: (name) => use((port) => port.setDefault(name)),
    setDefaultTemplate: (name, templateId) => use((port) => port.setDefaultTemplate(name, templateId)),
    // Environment credentials need neither settings nor keychain: answer them without loading either.
    resolve: async (name) =>
      (name === undefined ? credentialsFromEnvironment(env) : null) ?? use((port) => port.resolve(name)),
  };
}

export function composeServices(options: ComposeOptions): AppServices {
  const { dataDir, clock, env } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // One limiter for every client of this process: the platform counts 20 requests/s.
  const rateLimiter = createRateLimiter({ perSecond: options.requestsPerSecond ?? 20, clock, sleep });
  const timeoutMs = timeoutFromEnv(env);
  const services = createAppServices({
    clock,
    profiles: lazyProfiles(async () => {
      const settings = typeof options.settings === 'function' ? await options.settings() : options.settings;
      // The keychain's native addon loads only when a profile is actually used.
      const secrets =
        options.secrets ?? (await import('./keychain/keyring-secret-store.js')).createKeyringSecretStore();
      return createProfileService({ settings, secrets, env, clock, exclusive: settingsLock(settings.path) });
    }, env),
    history: createHistoryStore({ directory: dataDir, clock }),
    syncState: createSyncStateFile(dataDir),
    liveRateLimiter: rateLimiter,
    liveApiFor: (profile) =>
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
  });
  return { ...services, dataDirectory: dataDir };
}
