import { describe, expect, it } from 'vitest';
import {
  compileCacheBuildPrefix,
  compileCacheDirectory,
  compileCacheFileName,
  compileCacheKey,
} from '../../../../../electron/cli/launch/compile-cache-location.js';

describe('compileCacheDirectory', () => {
  it("is the OS's per-user cache folder, never the data directory", () => {
    expect(compileCacheDirectory({ TAPER_HOME: '/data' }, 'linux', '/home/ana')).toBe('/home/ana/.cache/taper');
    expect(compileCacheDirectory({ XDG_CACHE_HOME: '/var/cache/ana' }, 'linux', '/home/ana')).toBe(
      '/var/cache/ana/taper',
    );
    expect(compileCacheDirectory({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Caches/Taper');
    expect(compileCacheDirectory({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Local\\Taper\\Cache',
    );
    expect(compileCacheDirectory({}, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Local\\Taper\\Cache');
  });

  it('ignores a relative XDG_CACHE_HOME, as the XDG spec says', () => {
    expect(compileCacheDirectory({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/ana')).toBe('/home/ana/.cache/taper');
  });

  it('follows TAPER_COMPILE_CACHE, and TAPER_DISABLE_COMPILE_CACHE=1 turns the cache off', () => {
    expect(compileCacheDirectory({ TAPER_COMPILE_CACHE: ' /tmp/cc ' }, 'linux', '/home/ana')).toBe('/tmp/cc');
    expect(
      compileCacheDirectory({ TAPER_COMPILE_CACHE: '/tmp/cc', TAPER_DISABLE_COMPILE_CACHE: '1' }, 'linux', '/home/ana'),
    ).toBeNull();
    expect(compileCacheDirectory({ TAPER_DISABLE_COMPILE_CACHE: '0' }, 'linux', '/home/ana')).toBe(
      '/home/ana/.cache/taper',
    );
  });
});

describe('compile cache file names', () => {
  it('separate bundle builds, Node builds and commands', () => {
    const prefix = compileCacheBuildPrefix('taper-AB12.cjs', 'v20.20.2', 'x64');
    expect(compileCacheFileName(prefix, 'record')).toBe('taper-AB12.cjs.v20.20.2-x64.record.v8cache');
    expect(
      compileCacheFileName(prefix, 'record').startsWith(compileCacheBuildPrefix('taper-AB12.cjs', 'v22.1.0', 'x64')),
    ).toBe(false);
    expect(
      compileCacheFileName(prefix, 'record').startsWith(compileCacheBuildPrefix('taper-CD34.cjs', 'v20.20.2', 'x64')),
    ).toBe(false);
  });

  it('name a run after its command, and anything that is not a plain command word `default`', () => {
    expect(compileCacheKey(['record', '--for', '1h'])).toBe('record');
    expect(compileCacheKey(['series', 'add'])).toBe('series');
    expect(compileCacheKey([])).toBe('default');
    expect(compileCacheKey(['--help'])).toBe('default');
    expect(compileCacheKey(['../../etc/passwd'])).toBe('default');
    expect(compileCacheKey(['Record'])).toBe('default');
    expect(compileCacheKey(['x'.repeat(40)])).toBe('default');
  });
});
