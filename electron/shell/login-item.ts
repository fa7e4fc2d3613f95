// Launch at login. Electron's login item settings exist on macOS and Windows only: on Linux
// `app.setLoginItemSettings` does nothing, so Taper writes an XDG autostart entry itself
// (https://specifications.freedesktop.org/autostart-spec/latest/). The OS is the truth: what the user changed in
// System Settings, Task Manager or GNOME's Startup Applications wins over Taper's own setting.
import { posix } from 'node:path';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../shared/result.js';
import { writeFileAtomic, type AtomicWriteFileSystem } from '../services/storage/atomic-write.js';

/** The flag the tray app is started with at login: no window, just the tray. */
export const HIDDEN_FLAG = '--hidden';

/** The file operations the Linux entry needs (node:fs/promises fits): reads, and the storage layer's atomic write. */
export interface LoginItemFileSystem extends AtomicWriteFileSystem {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

/** The part of Electron's `Settings` Taper passes to `app.setLoginItemSettings`. */
export interface LoginItemSettingsInput {
  openAtLogin: boolean;
  /** Windows only: the arguments the Run key starts the app with. */
  args?: string[];
}

/** The part of Electron's `LoginItemSettings` Taper reads. */
export interface LoginItemState {
  openAtLogin: boolean;
  /** macOS: started by the login item. */
  wasOpenedAtLogin?: boolean;
  /** macOS 13+: `requires-approval` when the user must allow the item in System Settings. */
  status?: string;
}

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homedir: string;
  /** `process.execPath`. */
  execPath: string;
  /** Arguments before `--hidden`: the app's folder when run as `electron .` (`process.defaultApp`), else none. */
  launchArgs?: readonly string[];
  fs: LoginItemFileSystem;
  /** `app.setLoginItemSettings`. */
  setLoginItemSettings(settings: LoginItemSettingsInput): void;
  /** `app.getLoginItemSettings`: on Windows it compares the Run key with the `args` given. */
  getLoginItemSettings(options?: { args?: string[] }): LoginItemState;
}

export interface LoginItem {
  /** Whether the OS starts Taper at login now. */
  isEnabled(): Promise<boolean>;
  /** Turns launch at login on or off; an error when the OS did not take it. */
  setEnabled(on: boolean): Promise<Result<void>>;
  /**
   * At start: what the OS really has (the setting follows it), after rewriting an entry that is there but stale
   * (the app or its AppImage moved, an older Taper registered it without `--hidden`). An entry is only ever
   * rewritten when `wanted`; one the user removed or disabled elsewhere is left alone and reported as off.
   */
  reconcile(wanted: boolean): Promise<boolean>;
}

/** True when this run should start in the tray without a window: `--hidden`, or macOS started it at login. */
export function wasStartedHidden(
  argv: readonly string[],
  getLoginItemSettings: () => LoginItemState,
  platform: NodeJS.Platform,
): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  if (platform !== 'darwin') return false;
  try {
    return getLoginItemSettings().wasOpenedAtLogin === true;
  } catch {
    return false;
  }
}

export function createLoginItem(deps: LoginItemDeps): LoginItem {
  return deps.platform === 'linux' ? createXdgLoginItem(deps) : createElectronLoginItem(deps);
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// --- macOS and Windows: Electron's login item -------------------------------------------------------------------

/** Windows wants paths in its Run key quoted (electron.d.ts, `Settings.args`). */
const windowsArgument = (arg: string): string => (/\s/.test(arg) && !/^".*"$/.test(arg) ? `"${arg}"` : arg);

function createElectronLoginItem({
  platform,
  launchArgs = [],
  setLoginItemSettings,
  getLoginItemSettings,
}: LoginItemDeps): LoginItem {
  const windows = platform === 'win32';
  // macOS has no arguments for a login item (`openAsHidden` is gone from Electron's Settings): a run started at
  // login is recognised by `wasOpenedAtLogin` instead (wasStartedHidden).
  const args = [...launchArgs.map(windowsArgument), HIDDEN_FLAG];
  const current = (): boolean =>
    (windows ? getLoginItemSettings({ args }) : getLoginItemSettings()).openAtLogin === true;
  /** Windows: a Run key without `--hidden`, as Taper 0.1 registered it (same value name, no arguments). */
  const legacy = (): boolean =>
    windows && getLoginItemSettings({ args: launchArgs.map(windowsArgument) }).openAtLogin === true;
  const apply = (on: boolean) => setLoginItemSettings(windows ? { openAtLogin: on, args } : { openAtLogin: on });

  const isEnabled = async (): Promise<boolean> => {
    try {
      return current() || legacy();
    } catch {
      return false;
    }
  };

  return {
    isEnabled,
    async setEnabled(on) {
      try {
        apply(on);
        const now = current() || (!on && legacy());
        if (now === on) return ok(undefined);
        const approval = !windows && getLoginItemSettings().status === 'requires-approval';
        return err(
          LocalErrorCode.LoginItemUnavailable,
          approval
            ? 'macOS asks you to allow Taper in System Settings → General → Login Items.'
            : `The system did not ${on ? 'add' : 'remove'} Taper's login item.`,
        );
      } catch (error) {
        return err(LocalErrorCode.LoginItemUnavailable, `The login item could not be changed: ${reason(error)}`);
      }
    },
    async reconcile(wanted) {
      try {
        if (current()) return true;
        if (!legacy()) return false;
        if (wanted) apply(true);
        return true;
      } catch {
        return isEnabled();
      }
    },
  };
}

// --- Linux: an XDG autostart entry ------------------------------------------------------------------------------

/** Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key"). */
const EXEC_RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** One Exec argument: `%` doubled (it starts a field code), quoted with `"`, `` ` ``, `$` and `\` escaped if needed. */
export function quoteExecArgument(arg: string): string {
  const percent = arg.replace(/%/g, '%%');
  if (arg !== '' && !EXEC_RESERVED.test(arg)) return percent;
  return `"${percent.replace(/["`$\\]/g, '\\$&')}"`;
}

/**
 * The Exec value as it is written in the file. Exec is a `string` value, whose own escapes (`\\`, `\n`, `\t`,
 * `\r`, `\s`) are undone before the quoting is read: a backslash inside quotes ends up as four.
 */
export function execLine(argv: readonly string[]): string {
  return argv
    .map(quoteExecArgument)
    .join(' ')
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r');
}

/** The whole autostart entry. */
export function desktopEntry(argv: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    'Name=Taper',
    'Comment=Schedule Tencent Cloud Live recordings from the tray',
    `Exec=${execLine(argv)}`,
    'Icon=taper',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** The keys of the `[Desktop Entry]` group (raw values; comments, other groups and localised keys skipped). */
export function desktopEntryKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let inEntry = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      inEntry = line === '[Desktop Entry]';
      continue;
    }
    const equals = line.indexOf('=');
    if (!inEntry || equals <= 0) continue;
    const key = line.slice(0, equals).trim();
    if (!keys.has(key)) keys.set(key, line.slice(equals + 1).trim());
  }
  return keys;
}

/** Whether a session starts an entry: it is not `Hidden=true` (KDE, the spec) or `X-GNOME-Autostart-enabled=false`. */
export function desktopEntryEnabled(keys: ReadonlyMap<string, string>): boolean {
  return (
    keys.get('Hidden')?.toLowerCase() !== 'true' && keys.get('X-GNOME-Autostart-enabled')?.toLowerCase() !== 'false'
  );
}

/** `$XDG_CONFIG_HOME/autostart` (a relative value is invalid under the spec and ignored), else `~/.config/autostart`. */
export function autostartDirectory(env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  const xdg = env['XDG_CONFIG_HOME']?.trim();
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.config'), 'autostart');
}

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

function createXdgLoginItem({ env, homedir, execPath, launchArgs = [], fs }: LoginItemDeps): LoginItem {
  const directory = autostartDirectory(env, homedir);
  const file = posix.join(directory, 'taper.desktop');
  // An AppImage runs from a temporary mount that changes every start: only $APPIMAGE names the file to start again.
  const program = env['APPIMAGE']?.trim() || execPath;
  const wanted = desktopEntry([program, ...launchArgs, HIDDEN_FLAG]);
  const wantedExec = desktopEntryKeys(wanted).get('Exec');

  /** The entry's keys; null when there is none (or it cannot be read, which the session cannot either). */
  const read = async (): Promise<Map<string, string> | null> => {
    try {
      return desktopEntryKeys(await fs.readFile(file, 'utf8'));
    } catch {
      return null;
    }
  };

  /** Written beside the entry and renamed over it: a session starting meanwhile never reads half a file. */
  const write = async (): Promise<Result<void>> => {
    try {
      await fs.mkdir(directory, { recursive: true });
      await writeFileAtomic(file, wanted, 0o644, fs);
      return ok(undefined);
    } catch (error) {
      return err(
        LocalErrorCode.LoginItemUnavailable,
        `The autostart entry ${file} could not be written: ${reason(error)}`,
      );
    }
  };

  const isEnabled = async (): Promise<boolean> => {
    const keys = await read();
    return keys !== null && desktopEntryEnabled(keys);
  };

  return {
    isEnabled,
    async setEnabled(on) {
      if (on) return write();
      try {
        await fs.rm(file, { force: true });
        return ok(undefined);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return ok(undefined);
        return err(
          LocalErrorCode.LoginItemUnavailable,
          `The autostart entry ${file} could not be removed: ${reason(error)}`,
        );
      }
    },
    async reconcile(wantedOn) {
      const keys = await read();
      if (keys === null || !desktopEntryEnabled(keys)) return false;
      // Still there but starting an old path (the AppImage was moved or replaced by a newer file name).
      if (wantedOn && keys.get('Exec') !== wantedExec) await write();
      return true;
    },
  };
}
