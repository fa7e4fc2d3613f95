// Where Taper keeps its files. The app (Electron's userData for productName `Taper`) and the CLI must agree on it,
// so the CLI computes the same path Electron would instead of asking Electron.
import { mkdirSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';

/** The app's productName: Electron names the userData folder after it. */
export const PRODUCT_NAME = 'Taper';

/** The environment variables the data directory depends on. */
export type DataDirectoryEnv = Readonly<Record<string, string | undefined>>;

/**
 * `TAPER_HOME` if set, else Electron's `app.getPath('userData')` for productName `Taper`:
 * Linux `$XDG_CONFIG_HOME/Taper` (or `~/.config/Taper`), macOS `~/Library/Application Support/Taper`,
 * Windows `%APPDATA%\Taper`.
 */
export function dataDirectory(env: DataDirectoryEnv, platform: NodeJS.Platform, homedir: string): string {
  const override = env['TAPER_HOME']?.trim();
  if (override) return override;
  if (platform === 'win32') {
    const appData = env['APPDATA']?.trim() || win32.join(homedir, 'AppData', 'Roaming');
    return win32.join(appData, PRODUCT_NAME);
  }
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', PRODUCT_NAME);
  // Electron follows the XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored.
  const xdg = env['XDG_CONFIG_HOME']?.trim();
  const configHome = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.config');
  return posix.join(configHome, PRODUCT_NAME);
}

/**
 * The app's data directory, as main.ts resolves it: TAPER_HOME if set (an empty one is unset, as the CLI reads it),
 * else what Electron answers for userData. The CLI's dataDirectory() must give the same path without Electron.
 */
export function appDataDirectory(env: DataDirectoryEnv, electronUserData: () => string): string {
  return env['TAPER_HOME']?.trim() || electronUserData();
}

/** Creates the directory (and parents) with mode 0700: it holds the history, which names streams and tasks. */
export async function ensureDataDirectory(directory: string): Promise<Result<string>> {
  try {
    // Synchronous: one mkdir, and a command that reads its files synchronously then never loads fs/promises.
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    return ok(directory);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err(LocalErrorCode.SettingsUnavailable, `The data directory ${directory} could not be created: ${reason}`);
  }
}
