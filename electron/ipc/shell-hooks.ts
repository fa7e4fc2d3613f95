// What the IPC handlers need from the shell that runs them (the Electron app, `taper serve`, the e2e bridge): its own
// module, so the handler kit and every feature module import it without importing each other.
import type { HistoryEntry } from '../../shared/history.js';
import type {
  AppInfo,
  ExportResult,
  ImportProgress,
  IpcChannel,
  SandboxInfo,
  SandboxPushInfo,
  SandboxPushRequest,
  Settings,
} from '../../shared/ipc/contract.js';
import type { Result } from '../../shared/result.js';

/** Things only the shell can do; the e2e bridge supplies its own. */
export interface ShellHooks {
  /** Asks where to save an export (save dialog) and writes it; `path: null` when the user cancelled. */
  saveExport(format: 'csv' | 'json', content: string): Promise<Result<ExportResult>>;
  /** Starts the in-process Live API simulator and makes the sandbox profile the active one. */
  startSandbox(): Promise<Result<SandboxInfo>>;
  /** A simulated push in the sandbox this shell started; `Taper.Sandbox.NotRunning` when it runs none. */
  sandboxPush(request: SandboxPushRequest): Promise<Result<SandboxPushInfo>>;
  /** Version, platform, language, sandbox flag. */
  appInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  /** Stores the patch and applies what it changes (login item, language of tray and notifications). */
  setSettings(patch: Partial<Settings>): Promise<Result<Settings>>;
  /** Called after anything that changed the history (tray re-render, `history:changed` push). */
  historyChanged(): void;
  /** Called after anything that changed the plans or their alerts (tray re-render, `plans:changed` push). */
  plansChanged(): void;
  /** A bulk import made progress (`import:progress` push); one call per row handled. */
  importProgress(progress: ImportProgress): void;
  /** Called after a create attempt, for the notifications. */
  recordAttempted(outcome: Result<{ entry: HistoryEntry }>): void;
  /** Opens a URL main has already checked (the recording-file allowlist) in the user's browser. */
  openExternal(url: string): Promise<Result<null>>;
  /** Logs a bug (a throw where a value was expected). Never receives a payload. */
  logError(channel: IpcChannel, error: unknown): void;
}
