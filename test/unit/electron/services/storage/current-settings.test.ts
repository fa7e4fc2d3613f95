// The CLI reads a current settings.json without conf (current-settings.ts). Whatever the file holds, that reader
// either gives exactly what conf would give, or declines and leaves the file to conf: never a value conf would refuse,
// migrate or fill in.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from '../../../../reliability/counted-fast-check.mjs';
import { createConfSettingsStore } from '../../../../../electron/services/storage/conf-store.js';
import { readCurrentSettings } from '../../../../../electron/services/storage/current-settings.js';
import { createSettingsStore } from '../../../../../electron/services/storage/settings-store.js';
import { SETTINGS_VERSION } from '../../../../../electron/services/storage/settings-store-options.js';

const directory = () => mkdtempSync(join(tmpdir(), 'taper-current-settings-'));

/** What conf answers for the two keys, or 'refused' when it will not open the file. */
function confAnswer(text: string): unknown {
  const folder = directory();
  writeFileSync(join(folder, 'settings.json'), text);
  try {
    const store = createConfSettingsStore(folder);
    return { profiles: store.get('profiles'), defaultProfile: store.get('defaultProfile') };
  } catch {
    return 'refused';
  }
}

const anything = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);
/** Mostly the valid value, sometimes anything: both sides of every check get tried. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: anything as fc.Arbitrary<unknown>, weight: 1 });
/** Sometimes without one of its keys. */
const missingOne = <T extends Record<string, unknown>>(record: fc.Arbitrary<T>, keys: readonly string[]) =>
  fc
    .tuple(
      record,
      fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: fc.constantFrom(...keys), weight: 1 }),
    )
    .map(([value, dropped]) =>
      dropped === null ? value : Object.fromEntries(Object.entries(value).filter(([key]) => key !== dropped)),
    );
const PROFILE_KEYS = ['secretId', 'region', 'endpoint', 'hasToken', 'createdAt', 'defaultTemplateId'] as const;
const profile = missingOne(
  fc.record({
    secretId: mostly(fc.string()),
    region: mostly(fc.constant('ap-guangzhou')),
    endpoint: mostly(fc.oneof(fc.constant(null), fc.webUrl())),
    hasToken: mostly(fc.boolean()),
    createdAt: mostly(fc.oneof(fc.integer({ min: 0 }), fc.double({ noNaN: true, noDefaultInfinity: true }))),
    defaultTemplateId: mostly(
      fc.oneof(
        { arbitrary: fc.integer(), weight: 10 },
        { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
      ),
    ),
    note: anything,
  }),
  PROFILE_KEYS,
);
const document = missingOne(
  fc.record({
    profiles: mostly(fc.dictionary(fc.string({ maxLength: 8 }), profile, { maxKeys: 2 })),
    defaultProfile: mostly(fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }))),
    __internal__: fc.oneof(
      { arbitrary: fc.constant({ migrations: { version: SETTINGS_VERSION } }), weight: 8 },
      { arbitrary: fc.constant({ migrations: { version: '0.9.0' } }), weight: 1 },
      { arbitrary: fc.constant({}), weight: 1 },
    ),
    theme: anything,
  }),
  ['profiles', 'defaultProfile', '__internal__'],
);

describe('reading a current settings.json without conf', () => {
  it('answers as conf does, or declines, for any document', () => {
    let answered = 0;
    let declined = 0;
    fc.assert(
      fc.property(document, (value) => {
        const text = JSON.stringify(value);
        const fast = readCurrentSettings(text);
        if (fast === undefined) declined += 1;
        else {
          answered += 1;
          expect(fast).toEqual(confAnswer(text));
        }
      }),
      { numRuns: 400 },
    );
    // Both sides were tried: a generator that only ever made refused documents would prove nothing.
    expect(answered).toBeGreaterThan(20);
    expect(declined).toBeGreaterThan(20);
  });

  it('reads every file conf itself writes at the current layout', () => {
    const folder = directory();
    const conf = createConfSettingsStore(folder);
    conf.set('profiles', {
      prod: { secretId: 'AKIDprod', region: 'ap-guangzhou', endpoint: null, hasToken: false, createdAt: 1 },
      stage: {
        secretId: 'AKIDstage',
        region: 'ap-shanghai',
        endpoint: 'http://127.0.0.1:9000',
        hasToken: true,
        createdAt: 2,
        defaultTemplateId: 7,
      },
    });
    conf.set('defaultProfile', 'stage');
    const text = readFileSync(join(folder, 'settings.json'), 'utf8');
    expect(readCurrentSettings(text)).toEqual(confAnswer(text));
    expect(readCurrentSettings(text)?.defaultProfile).toBe('stage');
  });

  it('declines damaged text, an older layout and a profile the schema refuses', () => {
    const current = { migrations: { version: SETTINGS_VERSION } };
    expect(readCurrentSettings('{"profiles": {')).toBeUndefined();
    expect(readCurrentSettings(JSON.stringify({ profiles: {}, defaultProfile: null }))).toBeUndefined();
    const refused = { profiles: { prod: { region: 'ap-guangzhou' } }, defaultProfile: null, __internal__: current };
    expect(readCurrentSettings(JSON.stringify(refused))).toBeUndefined();
    expect(confAnswer(JSON.stringify(refused))).toBe('refused');
  });
});

describe('the CLI settings store', () => {
  it('reads without conf, opens conf for a write, and reads what conf wrote', async () => {
    const folder = directory();
    const file = join(folder, 'settings.json');
    createConfSettingsStore(folder).set('defaultProfile', 'prod');
    let opened = 0;
    const store = createSettingsStore(file, async () => {
      opened += 1;
      return createConfSettingsStore(folder);
    });
    expect(store.get('defaultProfile')).toBe('prod');
    expect(store.get('profiles')).toEqual({});
    expect(opened).toBe(0);
    expect(() => store.set('defaultProfile', null)).toThrow(/before prepareWrites/);
    await store.prepareWrites?.();
    await store.prepareWrites?.();
    store.set('defaultProfile', null);
    expect(opened).toBe(1);
    expect(store.get('defaultProfile')).toBeNull();
    expect(createConfSettingsStore(folder).get('defaultProfile')).toBeNull();
  });

  it('stops, naming the file, when the file changed into something only conf reads', () => {
    const folder = directory();
    const file = join(folder, 'settings.json');
    createConfSettingsStore(folder).set('defaultProfile', 'prod');
    const store = createSettingsStore(file, async () => createConfSettingsStore(folder));
    writeFileSync(file, '{"profiles": ');
    expect(() => store.get('profiles')).toThrow(`${file} changed while this command read it`);
  });
});
