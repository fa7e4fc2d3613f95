// The app's ShellHooks (what the IPC handlers need from the Electron shell), built from narrow functions so that it
// is a plain module: main passes in the save dialog, the file write and shell.openExternal.
import { join } from 'node:path';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import type { HistoryEntry } from '../../shared/history.js';
import type { AppInfo, DamagedFile, IpcEvent, IpcEventName } from '../../shared/ipc/contract.js';
import { err, ok, type AppError } from '../../shared/result.js';
import type { ShellHooks } from '../ipc/shell-hooks.js';
import type { SettingsController } from './app-settings.js';
import type { SandboxController } from './sandbox.js';

export interface AppShellHookDeps {
  version: string;
  platform: NodeJS.Platform;
  language(): AppInfo['language'];
  damagedFiles: readonly DamagedFile[];
  /** Settles once start-up has read the history, which adds a damaged history file to `damagedFiles`. */
  startupChecked?: Promise<void>;
  logFile: string;
  lastSyncedAt(): Promise<AppInfo['lastSyncedAt']>;
  sandbox: SandboxController;
  settings: SettingsController;
  /** Electron's downloads folder, where the save dialog starts. */
  downloadsDirectory(): string;
  /** dialog.showSaveDialog, on the app's window when there is one. */
  showSaveDialog(options: {
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  writeFile(path: string, content: string): Promise<void>;
  /** shell.openExternal. */
  openExternal(url: string): Promise<void>;
  send<E extends IpcEventName>(event: E, payload: IpcEvent[E]): void;
  historyChanged(): void;
  plansChanged(): void;
  taskCreated(entry: HistoryEntry): void;
  callFailed(error: AppError): void;
  warn(message: string): void;
  error(message: string, error: unknown): void;
}

export function appShellHooks(deps: AppShellHookDeps): ShellHooks {
  return {
    async saveExport(format, content) {
      const result = await deps.showSaveDialog({
        defaultPath: join(deps.downloadsDirectory(), `taper-history.${format}`),
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
      });
      if (result.canceled || result.filePath === undefined || result.filePath === '') return ok({ path: null });
      await deps.writeFile(result.filePath, content);
      return ok({ path: result.filePath });
    },
    startSandbox: () => deps.sandbox.start(),
    sandboxPush: (request) => deps.sandbox.push(request),
    appInfo: async () => {
      // The window may ask before start-up's read of the history is done: wait, so a damaged file is named.
      await deps.startupChecked;
      return {
        version: deps.version,
        sandbox: deps.sandbox.isRunning(),
        language: deps.language(),
        platform: deps.platform,
        lastSyncedAt: await deps.lastSyncedAt(),
        damagedFiles: deps.damagedFiles as DamagedFile[],
        logFile: deps.logFile,
      };
    },
    getSettings: async () => deps.settings.get(),
    setSettings: async (patch) => deps.settings.set(patch),
    historyChanged: () => deps.historyChanged(),
    plansChanged: () => deps.plansChanged(),
    importProgress: (progress) => deps.send('import:progress', progress),
    recordAttempted: (outcome) => {
      // The form shows its own outcome; the notification covers a window that is hidden meanwhile.
      if (outcome.ok) deps.taskCreated(outcome.value.entry);
      else deps.callFailed(outcome.error);
    },
    openExternal: async (url) => {
      try {
        await deps.openExternal(url);
        return ok(null);
      } catch (error) {
        deps.warn(`a recording file could not be opened: ${error instanceof Error ? error.message : String(error)}`);
        return err(LocalErrorCode.FileOpenFailed, 'No browser could open the file.');
      }
    },
    logError: (channel, error) => deps.error(`IPC ${channel} threw`, error),
  };
}
