import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appDataDirectory,
  dataDirectory,
  ensureDataDirectory,
} from '../../../../../electron/services/storage/data-directory.js';

describe('data directory', () => {
  it('TAPER_HOME wins everywhere', () => {
    expect(dataDirectory({ TAPER_HOME: '/srv/taper' }, 'linux', '/home/u')).toBe('/srv/taper');
  });
  it('gives the path main.ts resolves: Electron userData (its documented appData + the package productName), TAPER_HOME over it', () => {
    // Electron's rule (docs: app.getPath): userData = appData/<productName>; appData is $XDG_CONFIG_HOME (when absolute)
    // or ~/.config on Linux, ~/Library/Application Support on macOS, %APPDATA% on Windows.
    const { productName } = JSON.parse(readFileSync('package.json', 'utf8')) as { productName: string };
    const electronUserData = (env: Record<string, string>, platform: NodeJS.Platform, home: string) => () => {
      if (platform === 'win32')
        return win32.join(env['APPDATA'] ?? win32.join(home, 'AppData', 'Roaming'), productName);
      if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', productName);
      const xdg = env['XDG_CONFIG_HOME'];
      return posix.join(xdg !== undefined && xdg.startsWith('/') ? xdg : posix.join(home, '.config'), productName);
    };
    const cases: [Record<string, string>, NodeJS.Platform, string][] = [
      [{}, 'linux', '/home/u'],
      [{ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/u'],
      [{ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u'],
      [{ TAPER_HOME: '/srv/taper' }, 'linux', '/home/u'],
      [{ TAPER_HOME: '  ' }, 'linux', '/home/u'],
      [{}, 'darwin', '/Users/u'],
      [{ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u'],
    ];
    for (const [env, platform, home] of cases) {
      expect(dataDirectory(env, platform, home), `${platform} ${JSON.stringify(env)}`).toBe(
        appDataDirectory(env, electronUserData(env, platform, home)),
      );
    }
    expect(dataDirectory({}, 'linux', '/home/u')).toBe(`/home/u/.config/${productName}`);
  });
  it('creates it with mode 0700', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'taper-dir-'));
    const created = await ensureDataDirectory(join(parent, 'a', 'Taper'));
    expect(created.ok).toBe(true);
    expect((await stat(join(parent, 'a', 'Taper'))).mode & 0o777).toBe(0o700);
    await rm(parent, { recursive: true, force: true });
  });
});
