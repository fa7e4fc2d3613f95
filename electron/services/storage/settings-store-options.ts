// The options of settings.json, used by the one conf factory that the app, the CLI and the tests open it with.
import type { Options } from 'conf';
import type { ProfileSettings } from '../profiles/stored-profile.js';

/** Bumped with each migration below; conf records it in the file (`__internal__.migrations.version`). */
export const SETTINGS_VERSION = '1.0.0';

export const SETTINGS_FILE_MODE = 0o600;

/** conf options for `<directory>/settings.json`. */
export function settingsStoreOptions(directory: string): Options<ProfileSettings> & { configName: string } {
  return {
    cwd: directory,
    configName: 'settings',
    configFileMode: SETTINGS_FILE_MODE,
    // The app and the CLI write the file from different processes: always read what is on disk.
    cache: false,
    projectVersion: SETTINGS_VERSION,
    // The schema below is a constant of this file, checked against JSON Schema's meta-schema by a unit test. Checking
    // it at every start made ajv compile that meta-schema first: ~80 ms of each `taper` command that reads settings.
    ajvOptions: { validateSchema: false, meta: false },
    schema: {
      profiles: {
        type: 'object',
        default: {},
        additionalProperties: {
          type: 'object',
          required: ['secretId', 'region', 'endpoint', 'hasToken', 'createdAt'],
          properties: {
            secretId: { type: 'string' },
            region: { type: 'string' },
            endpoint: { type: ['string', 'null'] },
            hasToken: { type: 'boolean' },
            createdAt: { type: 'number' },
            defaultTemplateId: { type: 'integer' },
          },
        },
      },
      defaultProfile: { type: ['string', 'null'], default: null },
    },
    migrations: {
      // 1.0.0: the first versioned layout. A file from before it (no recorded version) may lack `profiles`.
      '1.0.0': (store) => {
        const profiles: unknown = store.get('profiles');
        if (typeof profiles !== 'object' || profiles === null) store.set('profiles', {});
      },
    },
  };
}
