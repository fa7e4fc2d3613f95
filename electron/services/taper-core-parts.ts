// The lazy parts of the core (electron/services/taper-core.ts): what a command that never needs them must not load.
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { err, type Result } from '../../shared/result.js';
import type { ProfilesPort } from './app-services.js';
import type { LiveApiOptions } from './live-api/create-live-api.js';
import type { LiveApi } from './live-api/live-api.js';
import { credentialsFromEnvironment } from './profiles/environment-credentials.js';
import { DataFileDamagedError } from './storage/damaged-file.js';

/** `TAPER_TIMEOUT_SECONDS`: per-call timeout (default 20 s); lets automation and tests bound a hung endpoint. */
export function timeoutFromEnv(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const seconds = Number(env.TAPER_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
}

/**
 * A LiveApi whose client (and with it node:http, https, net, tls and the proxy agent) loads on its first call: commands
 * that never call the API, like `taper history`, start without them. The SDK itself loads later still (create-live-api).
 */
export function lazyLiveApi(options: LiveApiOptions): LiveApi {
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
export function lazyProfiles(
  load: () => Promise<ProfilesPort>,
  env: Readonly<Record<string, string | undefined>>,
): ProfilesPort {
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
