// Composition root of the app (docs/style.md, "composition"): the only place that creates the real Electron objects,
// the real stores and the real clock, and wires services, IPC, tray, notifications and windows together. Thin on
// purpose: every decision lives in a module that is unit-tested under Node, and the whole runs in the app suite.
import { watch } from 'node:fs';
import * as fs from 'node:fs/promises';
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
import { getProxyForUrl } from 'proxy-from-env';
import type { Clock } from '../shared/clock.js';
import { unixSeconds } from '../shared/clock.js';
import { LocalErrorCode } from '../shared/errors/local-codes.js';
import type { DamagedFile } from '../shared/ipc/types.js';
import type { AppError, Result } from '../shared/result.js';
import { systemTimeZone } from '../shared/time/time-zone.js';
import { createIpcHandlers } from './ipc/handlers.js';
import { registerIpcHandlers } from './ipc/validated-ipc-main.js';
import type { RecordOutcome } from './services/app-services.js';
import { createMemorySecretStore } from './services/keychain/memory-secret-store.js';
import { createRoutedSecretStore } from './services/keychain/routed-secret-store.js';
import { DEFAULT_LIVE_HOST } from './services/live-api/endpoint.js';
import { secretKeyAccount, tokenAccount } from './services/profiles/profile-accounts.js';
import { createImportJobs } from './services/schedule/import-jobs.js';
import { createLastImportFile } from './services/schedule/last-import-file.js';
import { logDirectory, logFile } from './services/logging/log-directory.js';
import { createLogger } from './services/logging/logger.js';
import { appDataDirectory, ensureDataDirectory } from './services/storage/data-directory.js';
import { DEMO_ACCOUNT, startSimulator } from './simulator/server.js';
import { createTaperCore } from './services/taper-core.js';
import { setupBackground } from './shell/app-background.js';
import { appShellHooks } from './shell/app-shell-hooks.js';
import { createCallFailures } from './shell/call-failures.js';
import { applyAppIdentity } from './shell/app-identity.js';
import { appMenuTemplate } from './shell/app-menu.js';
import { createSettingsController, DEFAULT_SETTINGS } from './shell/app-settings.js';
import { watchDataDirectory } from './shell/data-watcher.js';
import { createLoginItem, wasStartedHidden } from './shell/login-item.js';
import { createNativeNotify } from './shell/native-notify.js';
import { Notifier } from './shell/notifier.js';
import { quitQuestion } from './shell/quit-guard.js';
import {
  createRendererHandler,
  isRendererEntry,
  RENDERER_ENTRY,
  RENDERER_SCHEME,
  RENDERER_SCHEME_PRIVILEGES,
} from './shell/renderer-protocol.js';
import { sendSandboxPush } from './services/sandbox/sandbox-push.js';
import { createSandboxController, SANDBOX_PROFILE } from './shell/sandbox.js';
import { guardWebContents, hardenSession } from './shell/security.js';
import { shellText } from './shell/shell-text.js';
import { openStartupFiles } from './shell/startup-files.js';
import { appProxyFor, resolveSystemProxy } from './shell/system-proxy.js';
import { trayActions } from './shell/tray-actions.js';
import { trayLabels } from './shell/tray-labels.js';
import { SystemTrayService } from './shell/tray-service.js';
import { deriveTrayState } from './shell/tray-state.js';
import { createWindowOptions } from './shell/window-options.js';
import { WindowManager } from './shell/window-manager.js';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/electron → dist/renderer and build/icons (packaged next to dist). */
const RENDERER_DIR = join(here, '..', 'renderer');
const PRELOAD_PATH = join(here, 'preload.cjs');
const ICON_DIR = join(here, '..', '..', 'build', 'icons');

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

/** A start-up failure the user must read: shown in a dialog, then the app exits 1 (never silently). */
class StartupError extends Error {}

/** Accounts that live in memory, never in the keychain: the sandbox's demo key works where no keyring runs. */
const SANDBOX_ACCOUNTS: ReadonlySet<string> = new Set([
  secretKeyAccount(SANDBOX_PROFILE),
  tokenAccount(SANDBOX_PROFILE),
]);

async function start(): Promise<void> {
  const clock: Clock = Date.now;
  // TAPER_HOME wins, as in the CLI, so the app and `taper` always share one history and one settings file.
  const dataDir = appDataDirectory(process.env, () => app.getPath('userData'));
  const ready = await ensureDataDirectory(dataDir);
  if (!ready.ok) throw new StartupError(ready.error.message);
  protocol.handle(
    RENDERER_SCHEME,
    createRendererHandler({ root: RENDERER_DIR, readFile: (path) => fs.readFile(path) }),
  );
  log.info(`Taper ${app.getVersion()} starting (${process.platform} ${release()}, data ${dataDir})`);

  const files = openStartupFiles(dataDir, clock);
  const damaged: DamagedFile[] = [...files.damaged];
  for (const file of damaged)
    log.warn(`damaged data file ${file.file} moved to ${file.movedTo ?? '(left in place)'}: ${file.reason}`);

  // Asked once per start: a proxy changed while the app runs applies after a restart.
  const systemProxy = await resolveSystemProxy(
    (url) => session.defaultSession.resolveProxy(url),
    `https://${DEFAULT_LIVE_HOST}/`,
  );
  const proxyFor = appProxyFor(process.env, getProxyForUrl, systemProxy);
  const secrets = createRoutedSecretStore(
    (account) => SANDBOX_ACCOUNTS.has(account),
    createMemorySecretStore(),
    async () => (await import('./services/keychain/keyring-secret-store.js')).createKeyringSecretStore(),
  );
  const { services, schedule } = await createTaperCore({
    dataDir,
    settings: files.settings,
    secrets,
    env: process.env,
    clock,
    proxyFor,
  });
  const { scheduler } = schedule;

  const imports = createImportJobs(createLastImportFile(dataDir), log.warn);
  let settings = DEFAULT_SETTINGS;
  /** Set once a quit goes ahead: windows closing then are not the user closing one. */
  let quitting = false;
  const language = () => settings.language;
  const parentWindow = () => BrowserWindow.getAllWindows().find((window) => !window.isDestroyed());

  const notifyNative = createNativeNotify({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    fallback: (notice) => windows.send('app:notice', notice),
    open: (view) => windows.open(view ?? null),
    warn: log.warn,
  });
  const windows = new WindowManager({
    createWindow: () =>
      new BrowserWindow(createWindowOptions({ preloadPath: PRELOAD_PATH, iconPath: join(ICON_DIR, 'icon-256.png') })),
    rendererUrl: RENDERER_ENTRY,
    loadFailed: (reason) => {
      log.warn(`renderer failed to load: ${reason}`);
      const text = shellText(language());
      const report = damaged.length === 0 ? '' : `\n\n${text.damaged(damaged)}`;
      dialog.showErrorBox(text.startFailedTitle, `${text.windowFailed(reason, log.file)}${report}`);
    },
    closed: () => {
      // The first close ever says once that Taper keeps running (the tray icon may be hidden by the desktop).
      if (quitting || files.appSettings.hintShown('close-keeps-running')) return;
      files.appSettings.markHintShown('close-keeps-running');
      const text = shellText(language());
      notifyNative({ title: text.closeHintTitle, body: text.closeHintBody });
    },
  });
  const notifier = new Notifier({
    notify: notifyNative,
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    clock,
    language,
  });
  const failures = createCallFailures({ clock, warn: log.warn, notify: (error) => notifier.callFailed(error) });
  const callFailed = (error: AppError) => failures.failed(error);
  const copyDiagnostics = async () => {
    const text = failures.report({
      appVersion: app.getVersion(),
      versions: {
        node: process.versions.node,
        ...(process.versions.electron === undefined ? {} : { electron: process.versions.electron }),
        ...(process.versions.chrome === undefined ? {} : { chrome: process.versions.chrome }),
      },
      os: { platform: process.platform, release: release(), arch: process.arch },
      locale: app.getLocale(),
      sandboxRunning: sandbox.isRunning(),
      logFile: log.file,
      logTail: await log.tail(100),
    });
    await clipboard.writeText(text);
    log.info('diagnostics copied to the clipboard');
  };

  let refreshing: Promise<void> | null = null;
  const refresh = (): Promise<void> =>
    (refreshing ??= (async () => {
      const [entries, plans] = await Promise.all([services.history.list(), scheduler.listPlans()]);
      // Whatever cannot be read, the tray still comes up: with no tasks, and the window says why.
      if (!entries.ok) log.warn(`history unavailable for the tray: ${entries.error.code}`);
      // Without plans the tray still shows every task; chains then show per link until plans.json can be read.
      if (!plans.ok) log.warn(`plans unavailable for the tray: ${plans.error.code}`);
      const state = deriveTrayState(entries.ok ? entries.value : [], unixSeconds(clock), {
        plans: plans.ok ? plans.value : [],
      });
      tray.render(
        state,
        trayLabels(language(), settings.defaultTimeZone ?? systemTimeZone(), () => unixSeconds(clock)),
      );
      if (entries.ok) notifier.scheduleFromHistory(entries.value);
    })().finally(() => {
      refreshing = null;
    }));
  const historyChanged = () => {
    windows.send('history:changed', null);
    void refresh();
  };
  const plansChanged = () => {
    windows.send('plans:changed', null);
    void refresh();
  };
  // Every write to the history or the plans, by this process or another (the CLI, cron), reaches the windows and the
  // tray from here; the IPC handlers still announce their own changes at once.
  const dataWatcher = watchDataDirectory({
    directory: dataDir,
    watch: (directory, listener) => watch(directory, { persistent: false }, listener),
    onChange: (changes) => {
      if (changes.has('history')) historyChanged();
      if (changes.has('plans')) plansChanged();
    },
    warn: log.warn,
  });

  const loginItem = createLoginItem({
    platform: process.platform,
    env: process.env,
    homedir: homedir(),
    execPath: process.execPath,
    // `electron .` in development: the app's folder comes before --hidden.
    launchArgs: process.defaultApp === true ? [app.getAppPath()] : [],
    fs,
    setLoginItemSettings: (options) => app.setLoginItemSettings(options),
    getLoginItemSettings: (options) => app.getLoginItemSettings(options),
  });
  const settingsController = createSettingsController({
    backend: { read: () => files.appSettings.read(), write: (next) => files.appSettings.write(next) },
    setLoginItem: (openAtLogin) => loginItem.setEnabled(openAtLogin),
    changed: (next) => {
      settings = next;
      void refresh();
    },
  });
  settings = settingsController.get();
  // The OS decides: an entry removed in the desktop's settings turns the setting off; a stale one is rewritten.
  settingsController.adoptLoginItem(await loginItem.reconcile(settings.launchAtLogin));

  const sandbox = createSandboxController({
    startSimulator: () => startSimulator({ clock }),
    account: DEMO_ACCOUNT,
    profiles: services.profiles,
    sendPush: (endpoint, request) => sendSandboxPush(endpoint, request, { clock }),
  });
  // A sandbox profile left by an earlier run has no key (it lived in memory) and a dead endpoint: forget it, so the
  // first-run choice shows again instead of a default profile that cannot work.
  await sandbox.forgetLeftover();

  const iconFile = (status: string) =>
    join(ICON_DIR, 'tray', process.platform === 'darwin' ? `tray-${status}Template.png` : `tray-${status}-24.png`);
  const tray = new SystemTrayService({
    createTray: (icon) => new Tray(icon),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    iconFor: iconFile,
    openOnClick: process.platform !== 'darwin',
    actions: trayActions({
      services,
      schedule,
      clock,
      openWindow: (view, prefill) => windows.open(view, prefill),
      reportRecord: (outcome) => reportRecord(outcome),
      callFailed,
      copyDiagnostics: () => void copyDiagnostics(),
      quit: () => app.quit(),
    }),
  });

  const reportRecord = (outcome: Result<RecordOutcome>) => {
    if (outcome.ok) {
      notifier.taskCreated(outcome.value.entry);
      windows.send('task:created-countdown', {
        entryId: outcome.value.entry.id,
        taskId: outcome.value.entry.taskId ?? '',
        startTime: outcome.value.entry.startTime,
      });
    } else {
      callFailed(outcome.error);
    }
  };

  const hooks = appShellHooks({
    version: app.getVersion(),
    platform: process.platform,
    language,
    damagedFiles: damaged,
    logFile: log.file,
    lastSyncedAt: () => services.sync.lastSyncedAt(),
    sandbox,
    settings: settingsController,
    downloadsDirectory: () => app.getPath('downloads'),
    showSaveDialog: (options) => {
      const parent = parentWindow();
      return parent === undefined ? dialog.showSaveDialog(options) : dialog.showSaveDialog(parent, options);
    },
    writeFile: (path, content) => fs.writeFile(path, content, { encoding: 'utf8', mode: 0o600 }),
    openExternal: (url) => shell.openExternal(url),
    send: (event, payload) => windows.send(event, payload),
    historyChanged,
    plansChanged,
    taskCreated: (entry) => notifier.taskCreated(entry),
    callFailed,
    warn: log.warn,
    error: log.error,
  });

  registerIpcHandlers({
    ipcMain,
    handlers: createIpcHandlers(services, hooks, schedule, imports),
    policy: { windowIds: () => windows.windowIds() },
    warn: log.warn,
  });

  // The Copy buttons may write the clipboard from our own page's main frame; every other permission is denied.
  hardenSession(
    session.defaultSession,
    (contents, details) =>
      windows.windowIds().has((contents as { id?: number }).id ?? -1) &&
      details.isMainFrame === true &&
      isRendererEntry(details.requestingUrl ?? ''),
  );
  const template = appMenuTemplate(process.platform);
  Menu.setApplicationMenu(template === null ? null : Menu.buildFromTemplate(template));

  app.on('second-instance', () => windows.open());
  app.on('activate', () => windows.open());
  // Closing the window keeps Taper in the tray; Quit is in the tray menu.
  app.on('window-all-closed', () => undefined);

  const background = setupBackground({
    services,
    schedule,
    proxyFor,
    clock,
    timers: {
      setInterval: (callback, ms) => setInterval(callback, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    },
    callFailed,
    outcomeSettled: (entry) => notifier.outcomeSettled(entry),
    refresh: () => void refresh(),
  });
  powerMonitor.on('resume', background.resync);

  // The history store moves a damaged file aside at its next write; until then the window names it.
  const history = await services.history.list();
  if (!history.ok && history.error.code === LocalErrorCode.HistoryCorrupt)
    damaged.push({ file: join(dataDir, 'history.json'), movedTo: null, reason: history.error.message });

  await refresh();
  background.start();
  app.on('before-quit', (event) => {
    const question = quitQuestion(imports.running(), language());
    if (question !== null) {
      const options = {
        type: 'warning' as const,
        message: question.message,
        detail: question.detail,
        buttons: question.buttons,
        defaultId: 0,
        cancelId: 0,
      };
      const parent = parentWindow();
      const choice =
        parent === undefined ? dialog.showMessageBoxSync(options) : dialog.showMessageBoxSync(parent, options);
      if (choice === 0) {
        event.preventDefault();
        return;
      }
    }
    quitting = true;
    background.stop();
    dataWatcher.close();
    notifier.dispose();
    tray.destroy();
  });
  // A launch by the user opens the window (the tray icon may be hidden by the desktop); a start at login stays in
  // the tray.
  if (!wasStartedHidden(process.argv, () => app.getLoginItemSettings(), process.platform)) windows.open();
  background.resync();
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
    .then(start)
    .catch((error: unknown) => {
      log.error('start-up failed', error);
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(shellText('en').startFailedTitle, shellText('en').startFailed(reason, log.file));
      app.exit(1);
    });
}
