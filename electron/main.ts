// Composition root of the app (docs/style.md §9): the only place that holds the real Electron objects. It wires them
// into ports (electron/shell/app-ports.ts) for the app controller (electron/shell/app-controller.ts), which makes
// every decision of the start-up; what is left here is what must happen before `ready` and the failure dialog.
import { homedir, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  Tray,
} from 'electron';
import { logDirectory, logFile } from './services/logging/log-directory.js';
import { createLogger, type Logger } from './services/logging/logger.js';
import { applyAppIdentity } from './shell/app-identity.js';
import { startApp } from './shell/app-controller.js';
import type { AppPorts } from './shell/app-ports.js';
import { RENDERER_SCHEME_PRIVILEGES } from './shell/renderer-protocol.js';
import { guardWebContents } from './shell/security.js';
import { shellText } from './shell/main-text.js';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/electron → dist/renderer and build/icons (packaged next to dist). */
const PATHS = {
  renderer: join(here, '..', 'renderer'),
  preload: join(here, 'preload.cjs'),
  icons: join(here, '..', '..', 'build', 'icons'),
};

/** The OS's log folder (the CLI writes cli.log beside it); every line is redacted once before it is written. */
const log = createLogger({
  file: logFile(logDirectory(process.env, process.platform, homedir()), 'app', process.platform),
  clock: Date.now,
  // A packaged app has no console; `npm start` mirrors the (redacted) lines to the terminal.
  ...(app.isPackaged
    ? {}
    : { console: (line: string) => process.stderr.write(line.endsWith('\n') ? line : `${line}\n`) }),
});
// Whatever escapes a handler is logged, never lost with the console a packaged app does not have.
process.on('uncaughtException', (error) => log.error('uncaught exception', error));
process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));
app.on('render-process-gone', (_event, _contents, details) =>
  log.error(`renderer process gone: ${details.reason} (exit ${details.exitCode})`),
);
app.on('child-process-gone', (_event, details) =>
  log.error(`${details.type} process gone: ${details.reason} (exit ${details.exitCode})`),
);

/** The window a dialog sits on, when there is one. */
const parentWindow = () => BrowserWindow.getAllWindows().find((window) => !window.isDestroyed());

function electronPorts(logger: Logger): AppPorts {
  return {
    host: {
      platform: process.platform,
      env: process.env,
      argv: process.argv,
      execPath: process.execPath,
      defaultApp: process.defaultApp === true,
      versions: process.versions,
      arch: process.arch,
      osRelease: release(),
      homedir: homedir(),
    },
    log: logger,
    paths: PATHS,
    app: {
      version: app.getVersion(),
      locale: () => app.getLocale(),
      userData: () => app.getPath('userData'),
      downloads: () => app.getPath('downloads'),
      appPath: () => app.getAppPath(),
      quit: () => app.quit(),
      // Each of the three takes a listener that ignores its arguments.
      on: (event, listener) => void app.on(event as 'activate', listener),
      onBeforeQuit: (listener) => void app.on('before-quit', listener),
      setLoginItemSettings: (options) => app.setLoginItemSettings(options),
      getLoginItemSettings: (options) => app.getLoginItemSettings(options),
    },
    handleProtocol: (scheme, handler) => protocol.handle(scheme, handler),
    session: session.defaultSession,
    createWindow: (options) => new BrowserWindow(options),
    notifications: {
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
    },
    dialogs: {
      showErrorBox: (title, content) => dialog.showErrorBox(title, content),
      showSaveDialog: (options) => {
        const parent = parentWindow();
        return parent === undefined ? dialog.showSaveDialog(options) : dialog.showSaveDialog(parent, options);
      },
      showMessageBoxSync: (options) => {
        const parent = parentWindow();
        return parent === undefined ? dialog.showMessageBoxSync(options) : dialog.showMessageBoxSync(parent, options);
      },
    },
    writeClipboard: (text) => clipboard.writeText(text),
    openExternal: (url) => shell.openExternal(url),
    createTray: (icon) => new Tray(icon),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    setApplicationMenu: (template) =>
      Menu.setApplicationMenu(template === null ? null : Menu.buildFromTemplate(template)),
    ipcMain,
    onResume: (listener) => void powerMonitor.on('resume', listener),
  };
}

// Before ready: the renderer's scheme is privileged (standard, secure) and Windows knows the app's identity.
protocol.registerSchemesAsPrivileged([RENDERER_SCHEME_PRIVILEGES]);
applyAppIdentity(process.platform, app);

// Guards apply to every webContents from the very first one.
app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, {
    openExternal: (url) => void shell.openExternal(url),
    warn: log.warn,
  });
});

if (!app.requestSingleInstanceLock()) {
  // A second launch: the first instance gets 'second-instance' and shows its window.
  app.quit();
} else {
  app
    .whenReady()
    .then(() => startApp(electronPorts(log)))
    .catch((error: unknown) => {
      log.error('start-up failed', error);
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(shellText('en').startFailedTitle, shellText('en').startFailed(reason, log.file));
      app.exit(1);
    });
}
