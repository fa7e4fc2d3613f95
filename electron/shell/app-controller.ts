// The app's start-up, on injected ports (app-ports.ts): main.ts hands it the real Electron objects, a test fakes. The
// order is the one docs/architecture.md gives: protocol, data directory, start-up files, services, settings, sandbox,
// tray, IPC, background timers, then the window unless started hidden.
import { watch } from 'node:fs';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock.js';
import { unixSeconds } from '../../shared/clock.js';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { systemTimeZone } from '../../shared/time/time-zone.js';
import { createIpcHandlers } from '../ipc/handlers.js';
import { registerIpcHandlers } from '../ipc/validated-ipc-main.js';
import { createImportJobs } from '../services/schedule/import-jobs.js';
import { createLastImportFile } from '../services/schedule/last-import-file.js';
import { setupBackground } from './app-background.js';
import { openAppData, type AppData } from './app-data.js';
import { appMenuTemplate } from './app-menu.js';
import { createAppNotices, type AppNotices } from './app-notices.js';
import type { AppPorts } from './app-ports.js';
import { createSettingsController, DEFAULT_SETTINGS, type SettingsController } from './app-settings.js';
import { appShellHooks } from './app-shell-hooks.js';
import { watchDataDirectory } from './data-watcher.js';
import { createLoginItem, wasStartedHidden } from './login-item.js';
import { beforeQuitHandler } from './quit-flow.js';
import { isRendererEntry } from './renderer-protocol.js';
import { openSandbox } from './open-sandbox.js';
import type { SandboxController } from './sandbox.js';
import { hardenSession } from './security.js';
import { trayActions } from './tray-actions.js';
import { trayLabels } from './tray-labels.js';
import { createTrayRefresh } from './tray-refresh.js';
import { SystemTrayService } from './tray-service.js';

export async function startApp(ports: AppPorts, clock: Clock = Date.now): Promise<void> {
  const { host, log } = ports;
  const data = await openAppData(ports, clock);
  const { services, schedule } = data.core;
  const imports = createImportJobs(createLastImportFile(data.dataDir), log.warn);
  let settings = DEFAULT_SETTINGS;
  /** Set once a quit goes ahead: windows closing then are not the user closing one. */
  let quitting = false;
  const language = () => settings.language;
  const notices = createAppNotices({
    ports,
    clock,
    files: data.files,
    damaged: data.damaged,
    language,
    quitting: () => quitting,
    sandboxRunning: () => sandbox.isRunning(),
  });
  const { windows, notifier } = notices;

  const refresh = createTrayRefresh({
    clock,
    listHistory: () => services.history.list(),
    listPlans: () => schedule.scheduler.listPlans(),
    labels: () => trayLabels(language(), settings.defaultTimeZone ?? systemTimeZone(), () => unixSeconds(clock)),
    render: (state, labels) => tray.render(state, labels),
    scheduleFromHistory: (entries) => notifier.scheduleFromHistory(entries),
    warn: log.warn,
  });
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
    directory: data.dataDir,
    watch: (directory, listener) => watch(directory, { persistent: false }, listener),
    onChange: (changes) => {
      if (changes.has('history')) historyChanged();
      if (changes.has('plans')) plansChanged();
    },
    warn: log.warn,
  });

  const settingsController = await openSettings(ports, data, (next) => {
    settings = next;
    void refresh();
  });
  settings = settingsController.get();

  const sandbox = await openSandbox(services.profiles, clock);

  // The history's first read starts now and the window opens before it ends: it used to open after the read and the
  // tray's first render, ~0.8 s of a 20,000-entry start (npm run bench, "app start → form interactive"). The read is
  // the store's: the window's own first list then finds it done. A damaged history is named to the window still, as
  // app:info waits for this check.
  const historyChecked = checkHistory(services, data);
  const tray = createTray(ports, data, notices, clock);
  wireWindowSide(ports, {
    startupChecked: historyChecked,
    data,
    notices,
    imports,
    sandbox,
    settingsController,
    language,
    historyChanged,
    plansChanged,
  });

  const background = setupBackground({
    services,
    schedule,
    proxyFor: data.proxyFor,
    clock,
    timers: {
      setInterval: (callback, ms) => setInterval(callback, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    },
    callFailed: notices.callFailed,
    outcomeSettled: (entry) => notifier.outcomeSettled(entry),
    refresh: () => void refresh(),
  });
  ports.onResume(background.resync);

  // A launch by the user opens the window (the tray icon may be hidden by the desktop); a start at login stays in
  // the tray.
  if (!wasStartedHidden(host.argv, () => ports.app.getLoginItemSettings(), host.platform)) windows.open();
  await historyChecked;
  await refresh();
  background.start();
  ports.app.onBeforeQuit(
    beforeQuitHandler({
      runningImport: () => imports.running(),
      language,
      ask: (options) => ports.dialogs.showMessageBoxSync(options),
      teardown: () => {
        quitting = true;
        background.stop();
        dataWatcher.close();
        notifier.dispose();
        tray.destroy();
      },
    }),
  );
  background.resync();
}

/** Start-up's first read of the history: a damaged history file, moved aside at the next write, is named till then. */
async function checkHistory(services: AppData['core']['services'], data: AppData): Promise<void> {
  const history = await services.history.list();
  if (!history.ok && history.error.code === LocalErrorCode.HistoryCorrupt)
    data.damaged.push({ file: join(data.dataDir, 'history.json'), movedTo: null, reason: history.error.message });
}

/** The app's settings, with launch at login as the OS has it. */
async function openSettings(
  ports: AppPorts,
  data: AppData,
  changed: (next: ReturnType<SettingsController['get']>) => void,
): Promise<SettingsController> {
  const { host } = ports;
  const loginItem = createLoginItem({
    platform: host.platform,
    env: host.env,
    homedir: host.homedir,
    execPath: host.execPath,
    // `electron .` in development: the app's folder comes before --hidden.
    launchArgs: host.defaultApp ? [ports.app.appPath()] : [],
    fs,
    setLoginItemSettings: (options) => ports.app.setLoginItemSettings(options),
    getLoginItemSettings: (options) => ports.app.getLoginItemSettings(options),
  });
  const controller = createSettingsController({
    backend: { read: () => data.files.appSettings.read(), write: (next) => data.files.appSettings.write(next) },
    setLoginItem: (openAtLogin) => loginItem.setEnabled(openAtLogin),
    changed,
  });
  // The OS decides: an entry removed in the desktop's settings turns the setting off; a stale one is rewritten.
  controller.adoptLoginItem(await loginItem.reconcile(controller.get().launchAtLogin));
  return controller;
}

function createTray(ports: AppPorts, data: AppData, notices: AppNotices, clock: Clock): SystemTrayService {
  const { platform } = ports.host;
  const iconFile = (status: string) =>
    join(ports.paths.icons, 'tray', platform === 'darwin' ? `tray-${status}Template.png` : `tray-${status}-24.png`);
  return new SystemTrayService({
    createTray: ports.createTray,
    buildMenu: ports.buildMenu,
    iconFor: iconFile,
    openOnClick: platform !== 'darwin',
    actions: trayActions({
      services: data.core.services,
      schedule: data.core.schedule,
      clock,
      openWindow: (view, prefill) => notices.windows.open(view, prefill),
      reportRecord: notices.reportRecord,
      callFailed: notices.callFailed,
      copyDiagnostics: () => void notices.copyDiagnostics(),
      quit: () => ports.app.quit(),
    }),
  });
}

interface WindowSide {
  data: AppData;
  startupChecked: Promise<void>;
  notices: AppNotices;
  imports: ReturnType<typeof createImportJobs>;
  sandbox: SandboxController;
  settingsController: SettingsController;
  language(): ReturnType<SettingsController['get']>['language'];
  historyChanged(): void;
  plansChanged(): void;
}

/** Everything the window reaches: the IPC handlers behind the sender check, the session's guards, the app's events. */
function wireWindowSide(ports: AppPorts, side: WindowSide): void {
  const { log } = ports;
  const { data, notices } = side;
  const { services } = data.core;
  const { windows } = notices;
  const hooks = appShellHooks({
    version: ports.app.version,
    platform: ports.host.platform,
    language: side.language,
    damagedFiles: data.damaged,
    startupChecked: side.startupChecked,
    logFile: log.file,
    lastSyncedAt: () => services.sync.lastSyncedAt(),
    sandbox: side.sandbox,
    settings: side.settingsController,
    downloadsDirectory: () => ports.app.downloads(),
    showSaveDialog: (options) => ports.dialogs.showSaveDialog(options),
    writeFile: (path, content) => fs.writeFile(path, content, { encoding: 'utf8', mode: 0o600 }),
    openExternal: (url) => ports.openExternal(url),
    send: (event, payload) => windows.send(event, payload),
    historyChanged: side.historyChanged,
    plansChanged: side.plansChanged,
    taskCreated: (entry) => notices.notifier.taskCreated(entry),
    callFailed: notices.callFailed,
    warn: log.warn,
    error: log.error,
  });
  registerIpcHandlers({
    ipcMain: ports.ipcMain,
    handlers: createIpcHandlers(services, hooks, data.core.schedule, side.imports),
    policy: { windowIds: () => windows.windowIds() },
    warn: log.warn,
  });

  // The Copy buttons may write the clipboard from our own page's main frame; every other permission is denied.
  hardenSession(
    ports.session,
    (contents, details) =>
      windows.windowIds().has((contents as { id?: number }).id ?? -1) &&
      details.isMainFrame === true &&
      isRendererEntry(details.requestingUrl ?? ''),
  );
  ports.setApplicationMenu(appMenuTemplate(ports.host.platform));

  ports.app.on('second-instance', () => windows.open());
  ports.app.on('activate', () => windows.open());
  // Closing the window keeps Taper in the tray; Quit is in the tray menu.
  ports.app.on('window-all-closed', () => undefined);
}
