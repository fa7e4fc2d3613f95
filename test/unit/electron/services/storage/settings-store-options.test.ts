// settings.json's schema: checked here against JSON Schema's meta-schema once, so the stores need not check it at
// every start (settings-store-options.ts); and still enforced on what is read and written.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createConfSettingsStore } from '../../../../../electron/services/storage/conf-store.js';
import { settingsStoreOptions } from '../../../../../electron/services/storage/settings-store-options.js';
import type { ProfileSettings } from '../../../../../electron/services/profiles/stored-profile.js';

const directory = () => mkdtempSync(join(tmpdir(), 'taper-settings-'));

describe('the settings schema', () => {
  it('is a valid draft 2020-12 schema, as conf wraps it (the stores skip this check at start-up)', () => {
    const { schema } = settingsStoreOptions('/unused');
    const ajv = new Ajv2020({ strict: true });
    expect(ajv.validateSchema({ type: 'object', properties: schema }), ajv.errorsText()).toBe(true);
    expect(() => ajv.compile({ type: 'object', properties: schema })).not.toThrow();
  });

  it('still refuses a settings file that breaks it, and a write that would', () => {
    const broken = directory();
    writeFileSync(
      join(broken, 'settings.json'),
      JSON.stringify({
        profiles: { prod: { region: 'ap-guangzhou' } },
        __internal__: { migrations: { version: '1.0.0' } },
      }),
    );
    expect(() => createConfSettingsStore(broken)).toThrow(/schema violation/i);

    const store = createConfSettingsStore(directory());
    expect(store.get('profiles')).toEqual({});
    expect(() => store.set('profiles', { prod: { secretId: 7 } } as unknown as ProfileSettings['profiles'])).toThrow(
      /schema violation/i,
    );
  });
});
