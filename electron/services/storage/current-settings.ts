// settings.json read without conf when conf would only read it. Opening conf costs a `taper record --profile` ~50 ms
// (conf's own module graph, semver's regular expressions, ajv compiling the schema) to read a few hundred bytes. A
// file at the current layout that the schema accepts is read here; anything else (absent, older, damaged, a key
// this reader does not know) goes to conf, which migrates, repairs or refuses it. A property test holds this reader
// to conf's answers (test/unit/electron/services/storage/current-settings.test.ts).
import type { ProfileSettings } from '../profiles/stored-profile.js';
import { SETTINGS_VERSION } from './settings-store-options.js';

/** The keys this reader answers; every other key is conf's. */
export const CURRENT_SETTINGS_KEYS = ['profiles', 'defaultProfile'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The settings in `text` when conf would read them as they are; undefined when conf must open the file. */
export function readCurrentSettings(text: string): Pick<ProfileSettings, 'profiles' | 'defaultProfile'> | undefined {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(document)) return undefined;
  const internal = document['__internal__'];
  if (
    !isObject(internal) ||
    !isObject(internal['migrations']) ||
    internal['migrations']['version'] !== SETTINGS_VERSION
  )
    return undefined;
  const { profiles, defaultProfile } = document;
  if (!(typeof defaultProfile === 'string' || defaultProfile === null)) return undefined;
  if (!isObject(profiles) || !Object.values(profiles).every(isStoredProfile)) return undefined;
  return { profiles: profiles as ProfileSettings['profiles'], defaultProfile };
}

/** The schema of settings-store-options.ts, by hand. */
function isStoredProfile(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { secretId, region, endpoint, hasToken, createdAt, defaultTemplateId } = value;
  return (
    typeof secretId === 'string' &&
    typeof region === 'string' &&
    (typeof endpoint === 'string' || endpoint === null) &&
    typeof hasToken === 'boolean' &&
    typeof createdAt === 'number' &&
    (!('defaultTemplateId' in value) || Number.isInteger(defaultTemplateId))
  );
}
