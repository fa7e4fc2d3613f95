import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStartupFiles, type StartupFiles } from '../../../../electron/shell/startup-files.js';

const clock = () => Date.UTC(2026, 11, 1, 8, 0, 0, 0);
const STAMP = '2026-12-01T08-00-00-000Z';
const PROFILE = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  region: 'ap-guangzhou',
  endpoint: null,
  hasToken: false,
  createdAt: 1_800_000_000,
};

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taper-startup-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const GOOD_FILES: Readonly<Record<string, string>> = {
  'settings.json': JSON.stringify({ profiles: { main: PROFILE }, defaultProfile: 'main' }),
  'app-settings.json': JSON.stringify({ app: { language: 'zh-CN' }, hints: { 'close-keeps-running': true } }),
  'plans.json': JSON.stringify({ version: 1, series: [] }),
};
const NAMES = Object.keys(GOOD_FILES);
const quarantined = (name: string) => name.replace(/\.json$/, `.corrupt-${STAMP}.json`);

function writeGoodFiles(): void {
  for (const [name, text] of Object.entries(GOOD_FILES)) writeFileSync(join(directory, name), text);
}

/** The returned stores read and write (on fresh files after a repair). */
function expectWorkingStores(files: StartupFiles): void {
  files.settings.set('profiles', { main: PROFILE });
  files.settings.set('defaultProfile', 'main');
  expect(files.settings.get('profiles')).toEqual({ main: PROFILE });
  expect(files.settings.get('defaultProfile')).toBe('main');
  files.appSettings.write({ theme: 'dark' });
  expect(files.appSettings.read()).toEqual({ theme: 'dark' });
  files.appSettings.markHintShown('close-keeps-running');
  expect(files.appSettings.hintShown('close-keeps-running')).toBe(true);
}

describe('openStartupFiles', () => {
  it.each(NAMES)('moves a %s that is not JSON aside, says so, keeps the other files and starts', async (name) => {
    writeGoodFiles();
    writeFileSync(join(directory, name), '{ "truncated": ');

    const files = openStartupFiles(directory, clock);

    expect(files.damaged).toEqual([
      { file: join(directory, name), movedTo: join(directory, quarantined(name)), reason: expect.stringMatching(/\S/) },
    ]);
    expect(readFileSync(join(directory, quarantined(name)), 'utf8')).toBe('{ "truncated": ');
    expect((await readdir(directory)).filter((file) => file.includes('.corrupt-'))).toEqual([quarantined(name)]);
    // The good files were opened as they were: their content is what the stores answer.
    expect(files.settings.get('profiles')).toEqual(name === 'settings.json' ? {} : { main: PROFILE });
    expect(files.appSettings.hintShown('close-keeps-running')).toBe(name !== 'app-settings.json');
    if (name === 'plans.json') expect(existsSync(join(directory, 'plans.json'))).toBe(false);
    else expect(readFileSync(join(directory, 'plans.json'), 'utf8')).toBe(GOOD_FILES['plans.json']);
    expectWorkingStores(files);
  });

  it('moves every damaged file aside in one start', () => {
    for (const name of NAMES) writeFileSync(join(directory, name), 'garbage');
    const files = openStartupFiles(directory, clock);
    expect(files.damaged.map((damage) => [damage.file, damage.movedTo])).toEqual(
      NAMES.map((name) => [join(directory, name), join(directory, quarantined(name))]),
    );
    for (const name of NAMES) expect(readFileSync(join(directory, quarantined(name)), 'utf8'), name).toBe('garbage');
    expectWorkingStores(files);
  });

  it('moves a settings.json aside that is JSON but breaks the schema', () => {
    writeFileSync(
      join(directory, 'settings.json'),
      JSON.stringify({ profiles: { main: { secretId: 42 } }, __internal__: { migrations: { version: '1.0.0' } } }),
    );
    const files = openStartupFiles(directory, clock);
    expect(files.damaged.map((damage) => damage.movedTo)).toEqual([join(directory, quarantined('settings.json'))]);
    expect(files.settings.get('profiles')).toEqual({});
  });

  it('reports no damage and reads what good files hold', async () => {
    writeGoodFiles();
    const files = openStartupFiles(directory, clock);
    expect(files.damaged).toEqual([]);
    expect(files.settings.get('profiles')).toEqual({ main: PROFILE });
    expect(files.settings.get('defaultProfile')).toBe('main');
    expect(files.appSettings.read()).toEqual({ language: 'zh-CN' });
    expect(files.appSettings.hintShown('close-keeps-running')).toBe(true);
    expect((await readdir(directory)).sort()).toEqual([...NAMES].sort());
  });

  it('reports no damage and moves nothing in a fresh directory', async () => {
    const files = openStartupFiles(directory, clock);
    expect(files.damaged).toEqual([]);
    expect((await readdir(directory)).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    expect(files.settings.get('profiles')).toEqual({});
    expect(files.appSettings.hintShown('close-keeps-running')).toBe(false);
    expectWorkingStores(files);
  });
});
