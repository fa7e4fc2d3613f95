// Where `taper` keeps V8's compiled code of its bundle between runs. A cache, not data: it lives in the OS's
// per-user cache folder, never in the data directory (TAPER_HOME), and deleting it only costs one slower start.
import { posix, win32 } from 'node:path';

/** The environment variables the location depends on. */
export type CompileCacheEnv = Readonly<Record<string, string | undefined>>;

/**
 * `TAPER_COMPILE_CACHE` if set, else Linux `$XDG_CACHE_HOME/taper` (or `~/.cache/taper`), macOS
 * `~/Library/Caches/Taper`, Windows `%LOCALAPPDATA%\Taper\Cache`; null when `TAPER_DISABLE_COMPILE_CACHE=1`.
 */
export function compileCacheDirectory(env: CompileCacheEnv, platform: NodeJS.Platform, homedir: string): string | null {
  if (env['TAPER_DISABLE_COMPILE_CACHE'] === '1') return null;
  const override = env['TAPER_COMPILE_CACHE']?.trim();
  if (override) return override;
  if (platform === 'win32') {
    const localAppData = env['LOCALAPPDATA']?.trim() || win32.join(homedir, 'AppData', 'Local');
    return win32.join(localAppData, 'Taper', 'Cache');
  }
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Caches', 'Taper');
  // As for the data directory, a relative XDG path is invalid under the spec and ignored.
  const xdg = env['XDG_CACHE_HOME']?.trim();
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.cache'), 'taper');
}

/** Names shared by every cache file of one bundle build on one Node build: files without it are stale. */
export function compileCacheBuildPrefix(bundleFileName: string, nodeVersion: string, arch: string): string {
  return `${bundleFileName}.${nodeVersion}-${arch}.`;
}

/** Every cache file ends so; nothing else in the folder is ever removed. */
export const COMPILE_CACHE_SUFFIX = '.v8cache';

/** One cache file per bundle build, Node build and command: `record` keeps the code `record` ran, and so on. */
export function compileCacheFileName(buildPrefix: string, command: string): string {
  return `${buildPrefix}${command}${COMPILE_CACHE_SUFFIX}`;
}

/** The command a run's cache is named after: the first argument when it looks like a command, else `default`. */
export function compileCacheKey(args: readonly string[]): string {
  const first = args[0];
  return first !== undefined && /^[a-z][a-z0-9-]{0,31}$/.test(first) ? first : 'default';
}
