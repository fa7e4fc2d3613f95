import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirectory, ensureDataDirectory } from '../../../electron/services/storage/data-directory.js';

describe('data directory', () => {
  it('TAPER_HOME wins everywhere', () => {
    expect(dataDirectory({ TAPER_HOME: '/srv/taper' }, 'linux', '/home/u')).toBe('/srv/taper');
  });
  it('matches Electron userData for productName Taper', () => {
    expect(dataDirectory({}, 'linux', '/home/u')).toBe('/home/u/.config/Taper');
    expect(dataDirectory({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/u')).toBe('/x/cfg/Taper');
    expect(dataDirectory({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.config/Taper');
    expect(dataDirectory({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Taper');
    expect(dataDirectory({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\Taper');
  });
  it('creates it with mode 0700', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'taper-dir-'));
    const created = await ensureDataDirectory(join(parent, 'a', 'Taper'));
    expect(created.ok).toBe(true);
    expect((await stat(join(parent, 'a', 'Taper'))).mode & 0o777).toBe(0o700);
    await rm(parent, { recursive: true, force: true });
  });
});
