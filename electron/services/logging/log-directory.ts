// Where Taper writes its log. The app and the CLI use the same folder, the one Electron's `app.getPath('logs')`
// gives for productName Taper, so "details are in the log" points at one place whichever of them wrote it. Electron:
// `~/Library/Logs/<name>` on macOS, `<userData>/logs` on Linux and Windows (electron.d.ts, `app.setAppLogsPath`).
import { posix, win32 } from 'node:path';
import { dataDirectory, PRODUCT_NAME } from '../storage/data-directory.js';

/** The environment variables the location depends on. */
export type LogDirectoryEnv = Readonly<Record<string, string | undefined>>;

/**
 * `TAPER_LOG_DIR` if set, else Linux `$XDG_CONFIG_HOME/Taper/logs` (or `~/.config/Taper/logs`), macOS
 * `~/Library/Logs/Taper`, Windows `%APPDATA%\Taper\logs`. TAPER_HOME moves the data, not the log: Electron's
 * userData (and so its logs folder) does not follow it either.
 */
export function logDirectory(env: LogDirectoryEnv, platform: NodeJS.Platform, homedir: string): string {
  const override = env['TAPER_LOG_DIR']?.trim();
  if (override) return override;
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Logs', PRODUCT_NAME);
  const userData = dataDirectory({ ...env, TAPER_HOME: undefined }, platform, homedir);
  return (platform === 'win32' ? win32 : posix).join(userData, 'logs');
}

/**
 * Which program writes: each has its own file, so the tray app, `taper serve` and a cron `taper sync` never rotate
 * the same one.
 */
export type LogKind = 'app' | 'cli' | 'serve';

const FILE_NAMES: Record<LogKind, string> = { app: 'main.log', cli: 'cli.log', serve: 'serve.log' };

/** The log file of `kind` in `directory`. */
export function logFile(directory: string, kind: LogKind, platform: NodeJS.Platform): string {
  return (platform === 'win32' ? win32 : posix).join(directory, FILE_NAMES[kind]);
}
