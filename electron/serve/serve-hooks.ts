// The ShellHooks of `taper serve`: what main does with Electron (dialogs, windows, notifications, the login item), done
// for a browser page on another machine. Exports are written under the data directory (the contract answers a path;
// the page is shown where the file is), pushes go out as server-sent events, notifications become `app:notice`
// banners (main's fallback where the OS shows none), and launch at login is refused with a value: under serve it is
// the systemd user unit's job (docs/serve.md).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import type { AppInfo, DamagedFile, Settings } from '../../shared/ipc/contract.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { ShellHooks } from '../ipc/handlers.js';
import type { SandboxController } from '../shell/sandbox.js';
import type { SettingsController } from '../shell/app-settings.js';
import type { EventHub } from './sse.js';

/** Exports land here, under the data directory. */
export const EXPORTS_FOLDER = 'exports';

export interface ServeHooksDeps {
  dataDir: string;
  version: string;
  platform: string;
  clock: () => number;
  events: EventHub;
  sandbox: SandboxController;
  settings: SettingsController;
  damagedFiles: readonly DamagedFile[];
  logFile: string;
  lastSyncedAt(): Promise<number | null>;
  /** After any history change (the notification schedule is rebuilt from it). */
  historyChanged(): void;
  /** A create went through (notification) or failed (logged, notified). */
  recordAttempted: ShellHooks['recordAttempted'];
  logError: ShellHooks['logError'];
}

/** `taper-history-2026-12-01T20-00-00-000Z.csv`: sortable, no characters a file system refuses. */
export function exportFileName(format: 'csv' | 'json', at: number): string {
  return `taper-history-${new Date(at).toISOString().replace(/[:.]/g, '-')}.${format}`;
}

/** The patch `settings:set` may apply under serve; a change of launch at login is refused before anything is stored. */
export function settingsRefusal(current: Settings, patch: Partial<Settings>): Result<never> | null {
  if (patch.launchAtLogin === undefined || patch.launchAtLogin === current.launchAtLogin) return null;
  return err(
    LocalErrorCode.LoginItemUnavailable,
    "Launch at login is the desktop app's setting. Under `taper serve`, start Taper with the systemd user unit instead (docs/serve.md).",
  );
}

export function createServeHooks(deps: ServeHooksDeps): ShellHooks {
  return {
    async saveExport(format, content) {
      const folder = join(deps.dataDir, EXPORTS_FOLDER);
      const path = join(folder, exportFileName(format, deps.clock()));
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        // 'wx': two exports in the same millisecond never overwrite each other.
        await writeFile(path, content, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
      } catch (error) {
        return err(
          LocalErrorCode.SettingsUnavailable,
          `The export could not be written to ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`,
        );
      }
      return ok({ path });
    },
    startSandbox: () => deps.sandbox.start(),
    sandboxPush: (request) => deps.sandbox.push(request),
    appInfo: async (): Promise<AppInfo> => ({
      version: deps.version,
      sandbox: deps.sandbox.isRunning(),
      language: deps.settings.get().language,
      platform: deps.platform,
      lastSyncedAt: await deps.lastSyncedAt(),
      damagedFiles: [...deps.damagedFiles],
      logFile: deps.logFile,
    }),
    getSettings: async () => deps.settings.get(),
    async setSettings(patch) {
      return settingsRefusal(deps.settings.get(), patch) ?? deps.settings.set(patch);
    },
    historyChanged: () => {
      deps.events.send('history:changed', null);
      deps.historyChanged();
    },
    plansChanged: () => deps.events.send('plans:changed', null),
    importProgress: (progress) => deps.events.send('import:progress', progress),
    recordAttempted: (outcome) => deps.recordAttempted(outcome),
    // The page may be on another machine (an SSH tunnel): opening a browser here would open it on the server.
    openExternal: async () =>
      err(LocalErrorCode.FileOpenFailed, 'Under `taper serve` Taper opens nothing on the server: copy the URL.'),
    logError: (channel, error) => deps.logError(channel, error),
  };
}
