// What the app controller (app-controller.ts) needs from Electron and the process, as narrow structural types: main.ts
// builds these from the real objects, a test from fakes. Nothing here is an Electron value.
import type { IpcMainLike } from '../ipc/validated-ipc-main.js';
import type { Logger } from '../services/logging/logger.js';
import type { appMenuTemplate } from './app-menu.js';
import type { AppShellHookDeps } from './app-shell-hooks.js';
import type { LoginItemDeps } from './login-item.js';
import type { NativeNotifyDeps } from './native-notify.js';
import type { SessionLike } from './security.js';
import type { TrayServiceDeps } from './tray-service.js';
import type { WindowLike } from './window-manager.js';
import type { createWindowOptions } from './window-options.js';

/** The options of the one question the app asks before quitting (`dialog.showMessageBoxSync`). */
export interface QuitDialogOptions {
  type: 'warning';
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}

/** The process the app runs in (`process.*`, `os.*`). */
export interface AppHost {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  argv: readonly string[];
  execPath: string;
  /** `process.defaultApp`: run as `electron .` in development. */
  defaultApp: boolean;
  versions: { node: string; electron?: string; chrome?: string };
  arch: string;
  /** `os.release()`. */
  osRelease: string;
  homedir: string;
}

export interface AppPorts {
  host: AppHost;
  log: Logger;
  /** dist/renderer, dist/electron/preload.cjs, build/icons. */
  paths: { renderer: string; preload: string; icons: string };
  app: {
    version: string;
    locale(): string;
    /** `app.getPath('userData')`. */
    userData(): string;
    /** `app.getPath('downloads')`. */
    downloads(): string;
    /** `app.getAppPath()`. */
    appPath(): string;
    quit(): void;
    /** `app.on` for the events the controller answers. */
    on(event: 'second-instance' | 'activate' | 'window-all-closed', listener: () => void): void;
    onBeforeQuit(listener: (event: { preventDefault(): void }) => void): void;
    setLoginItemSettings: LoginItemDeps['setLoginItemSettings'];
    getLoginItemSettings: LoginItemDeps['getLoginItemSettings'];
  };
  /** `protocol.handle`. */
  handleProtocol(scheme: string, handler: (request: Request) => Promise<Response>): void;
  /** `session.defaultSession`. */
  session: SessionLike & { resolveProxy(url: string): Promise<string> };
  /** `new BrowserWindow(options)`. */
  createWindow(options: ReturnType<typeof createWindowOptions>): WindowLike;
  notifications: Pick<NativeNotifyDeps, 'isSupported' | 'create'>;
  dialogs: {
    showErrorBox(title: string, content: string): void;
    /** On the app's window when there is one. */
    showSaveDialog: AppShellHookDeps['showSaveDialog'];
    /** On the app's window when there is one; answers the button's index. */
    showMessageBoxSync(options: QuitDialogOptions): number;
  };
  writeClipboard(text: string): void | Promise<void>;
  openExternal(url: string): Promise<void>;
  createTray: TrayServiceDeps['createTray'];
  buildMenu: TrayServiceDeps['buildMenu'];
  /** `Menu.setApplicationMenu(Menu.buildFromTemplate(template))`, or no menu for null. */
  setApplicationMenu(template: ReturnType<typeof appMenuTemplate>): void;
  ipcMain: IpcMainLike;
  /** `powerMonitor.on('resume', listener)`. */
  onResume(listener: () => void): void;
}
