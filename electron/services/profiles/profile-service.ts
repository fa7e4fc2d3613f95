// Profiles: the non-secret half in settings.json, the SecretKey (and token) only in the OS keychain.
import { unixSeconds } from '../../../shared/clock.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';
import type { NewProfile, ProfileSummary, ProfilesPort, ResolvedProfile } from '../app-services.js';
import type { SecretStore } from '../keychain/secret-store.js';
import type { KeyValueStore } from '../storage/key-value-store.js';
import { maskSecretId } from '../../../shared/format/mask.js';
import { secretKeyAccount, tokenAccount } from './profile-accounts.js';
import type { ProfileSettings, StoredProfile } from './stored-profile.js';
import { profileProblems } from './validate-profile.js';
import { effectiveDefault, profileSettingsAccess } from './profile-settings.js';
import { credentialsFromEnvironment, DEFAULT_REGION, endpointOverride } from './environment-credentials.js';

export { DEFAULT_REGION } from './environment-credentials.js';

export interface ProfileServiceDeps {
  /** settings.json (conf, in the app, the CLI and the tests). */
  settings: KeyValueStore<ProfileSettings>;
  /** The OS keychain. */
  secrets: SecretStore;
  /** TENCENTCLOUD_* credentials and TAPER_ENDPOINT. */
  env: Readonly<Record<string, string | undefined>>;
  /** Epoch ms; stamps `createdAt`. Defaults to 0 only so old callers compile: the composition root passes the real one. */
  clock?: () => number;
  /**
   * Runs a read-modify-write of settings.json exclusively across processes (the app and `taper profile add` at once
   * would otherwise lose one's profile). Default: no lock (a single process, tests).
   */
  exclusive?: <T>(work: () => Promise<Result<T>>) => Promise<Result<T>>;
}

export type ProfileService = ProfilesPort;

export function createProfileService(deps: ProfileServiceDeps): ProfileService {
  const { settings, secrets, env } = deps;
  const clock = deps.clock ?? (() => 0);
  const exclusive = deps.exclusive ?? (<T>(work: () => Promise<Result<T>>) => work());
  const { read: readSettings, write: writeSettings } = profileSettingsAccess(settings);

  async function removeUnlocked(name: string): Promise<Result<void>> {
    const current = readSettings();
    if (!current.ok) return current;
    if (!current.value.profiles[name]) return profileNotFound(name);
    // Keychain first: a profile that vanished from settings but left its key behind could never be cleaned up.
    const key = await secrets.delete(secretKeyAccount(name));
    if (!key.ok) return key;
    const token = await secrets.delete(tokenAccount(name));
    if (!token.ok) return token;
    const profiles = { ...current.value.profiles };
    delete profiles[name];
    return writeSettings(() => {
      settings.set('profiles', profiles);
      if (current.value.defaultProfile === name) settings.set('defaultProfile', null);
    });
  }

  async function setDefaultUnlocked(name: string): Promise<Result<void>> {
    const current = readSettings();
    if (!current.ok) return current;
    if (!current.value.profiles[name]) return profileNotFound(name);
    return writeSettings(() => settings.set('defaultProfile', name));
  }

  async function setDefaultTemplateUnlocked(
    name: string | undefined,
    templateId: number | null,
  ): Promise<Result<ProfileSummary>> {
    const current = readSettings();
    if (!current.ok) return current;
    const chosen = name ?? effectiveDefault(current.value.profiles, current.value.defaultProfile);
    if (chosen === null) return noTemplateProfileChosen();
    const stored = current.value.profiles[chosen];
    if (stored === undefined) return profileNotFound(chosen);
    const { defaultTemplateId: _previous, ...rest } = stored;
    const next: StoredProfile = templateId === null ? rest : { ...rest, defaultTemplateId: templateId };
    const profiles = { ...current.value.profiles, [chosen]: next };
    const written = await writeSettings(() => settings.set('profiles', profiles));
    if (!written.ok) return written;
    return ok(summary(chosen, next, effectiveDefault(profiles, current.value.defaultProfile) === chosen));
  }

  /** add() once validated, inside the settings lock. */
  async function addUnlocked(input: NewProfile): Promise<Result<ProfileSummary>> {
    const current = readSettings();
    if (!current.ok) return current;
    const name = input.name;
    const token = input.token?.trim() ? input.token.trim() : undefined;

    // Keychain first: if it fails, settings.json must not claim a profile whose key is nowhere.
    const savedKey = await secrets.set(secretKeyAccount(name), input.secretKey.trim());
    if (!savedKey.ok) return savedKey;
    // Re-adding replaces the old entries: a stale token must not outlive the key it belonged to.
    const savedToken =
      token === undefined ? await secrets.delete(tokenAccount(name)) : await secrets.set(tokenAccount(name), token);
    if (!savedToken.ok) return savedToken;

    const stored = newStoredProfile(input, token, current.value.profiles[name], unixSeconds(clock));
    const profiles = { ...current.value.profiles, [name]: stored };
    const written = await writeSettings(() => settings.set('profiles', profiles));
    if (!written.ok) return written;
    return ok(summary(name, stored, effectiveDefault(profiles, current.value.defaultProfile) === name));
  }

  return {
    setDefaultTemplate(name, templateId) {
      if (templateId !== null && (!Number.isInteger(templateId) || templateId <= 0))
        return Promise.resolve(
          err(LocalErrorCode.InvalidInput, `Template ${templateId}: a TemplateId is a positive whole number.`),
        );
      return exclusive(() => setDefaultTemplateUnlocked(name, templateId));
    },
    async add(input: NewProfile): Promise<Result<ProfileSummary>> {
      const problems = profileProblems(input);
      if (problems.length > 0)
        return err(LocalErrorCode.InvalidInput, problems.map((problem) => problem.message).join(' '));
      return exclusive(() => addUnlocked(input));
    },

    async list(): Promise<Result<ProfileSummary[]>> {
      const current = readSettings();
      if (!current.ok) return current;
      const { profiles, defaultProfile } = current.value;
      const chosen = effectiveDefault(profiles, defaultProfile);
      return ok(
        Object.keys(profiles)
          .sort((a, b) => a.localeCompare(b))
          .map((name) => summary(name, profiles[name] as StoredProfile, name === chosen)),
      );
    },

    remove: (name: string) => exclusive(() => removeUnlocked(name)),
    setDefault: (name: string) => exclusive(() => setDefaultUnlocked(name)),

    async resolve(name?: string): Promise<Result<ResolvedProfile>> {
      if (name === undefined) {
        const environment = credentialsFromEnvironment(env);
        if (environment) return environment;
      }
      const current = readSettings();
      if (!current.ok) return current;
      const { profiles, defaultProfile } = current.value;
      const chosen = name ?? effectiveDefault(profiles, defaultProfile);
      if (chosen === null) return noProfileChosen(Object.keys(profiles).length);
      const stored = profiles[chosen];
      if (!stored) return profileNotFound(chosen);
      return resolveStored(secrets, env, chosen, stored);
    },
  };
}

function profileNotFound<T>(name: string): Result<T> {
  return err(LocalErrorCode.ProfileNotFound, `No profile named "${name}". See \`taper profile list\`.`);
}

function secretMissing<T>(name: string, what = 'SecretKey'): Result<T> {
  return err(
    LocalErrorCode.SecretMissing,
    `The ${what} of profile "${name}" is not in the OS keychain (removed by hand, or the profile came from another machine). Add the profile again: \`taper profile add ${name} --secret-id ID\`.`,
  );
}

/** What the renderer and `taper profile list` see: the SecretId masked, never the key. */
function summary(name: string, stored: StoredProfile, isDefault: boolean): ProfileSummary {
  return {
    name,
    secretIdMasked: maskSecretId(stored.secretId),
    region: stored.region,
    endpoint: stored.endpoint,
    hasToken: stored.hasToken,
    isDefault,
    ...(stored.defaultTemplateId === undefined ? {} : { defaultTemplateId: stored.defaultTemplateId }),
  };
}

/** A stored profile with its SecretKey (and token) from the keychain; TAPER_ENDPOINT overrides its endpoint. */
async function resolveStored(
  secrets: SecretStore,
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  stored: StoredProfile,
): Promise<Result<ResolvedProfile>> {
  const key = await secrets.get(secretKeyAccount(name));
  if (!key.ok) return key;
  if (key.value === null) return secretMissing(name);
  let token: string | undefined;
  if (stored.hasToken) {
    const storedToken = await secrets.get(tokenAccount(name));
    if (!storedToken.ok) return storedToken;
    if (storedToken.value === null) return secretMissing(name, 'session token');
    token = storedToken.value;
  }
  return ok({
    profile: name,
    credentials:
      token === undefined
        ? { secretId: stored.secretId, secretKey: key.value }
        : { secretId: stored.secretId, secretKey: key.value, token },
    region: stored.region,
    endpoint: endpointOverride(env) ?? stored.endpoint,
  });
}

function noProfileChosen<T>(profileCount: number): Result<T> {
  const message =
    profileCount === 0
      ? 'No credentials: add Tencent Cloud keys in Settings (or `taper profile add NAME --secret-id ID`), or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY.'
      : 'Several profiles and none is the default: make one the default in Settings (or `taper profile default NAME`), pick one (`--profile NAME`), or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY.';
  return err(LocalErrorCode.CredentialsMissing, message);
}

/** The settings half of a profile being added; re-adding one (a new key) keeps its default template. */
function newStoredProfile(
  input: NewProfile,
  token: string | undefined,
  previous: StoredProfile | undefined,
  createdAt: number,
): StoredProfile {
  return {
    secretId: input.secretId.trim(),
    region: input.region?.trim() || DEFAULT_REGION,
    endpoint: input.endpoint?.trim() || null,
    hasToken: token !== undefined,
    createdAt,
    ...(previous?.defaultTemplateId === undefined ? {} : { defaultTemplateId: previous.defaultTemplateId }),
  };
}

function noTemplateProfileChosen<T>(): Result<T> {
  return err(
    LocalErrorCode.CredentialsMissing,
    'No profile chosen: name one with --profile, or set a default profile (taper profile default NAME).',
  );
}
