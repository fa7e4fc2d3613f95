// Composition root of the app (STYLE.md §9): the only place that creates the real Electron objects, the real
// stores and the real clock, and wires services, IPC, tray, notifications and windows together. Thin on purpose:
// every decision lives in a module that is unit-tested under Node.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, session, shell, Tray } from 'electron';
import ElectronStore from 'electron-store';
import { getProxyForUrl } from 'proxy-from-env';
import type { Clock } from '../shared/clock.js';
import { unixSeconds } from '../shared/clock.js';
import type { Settings } from '../shared/ipc/contract.js';
import { ok, type Result } from '../shared/result.js';
import { systemTimeZone } from '../shared/time/time-zone.js';
import { createIpcHandlers, type ShellHooks } from './ipc/handlers.js';
import { registerIpcHandlers } from './ipc/validated-ipc-main.js';
import type { RecordOutcome } from './services/app-services.js';
import { composeServices } from './services/compose-services.js';
import { DEFAULT_LIVE_HOST } from './services/live-api/endpoint.js';
import { createImportJobs } from './services/schedule/import-jobs.js';
import { createLastImportFile } from './services/schedule/last-import-file.js';
import { createScheduleServices } from './services/schedule/schedule-services.js';
import { ensureDataDirectory } from './services/storage/data-directory.js';
import { createElectronSettingsStore } from './services/storage/electron-store-factory.js';
import { DEMO_ACCOUNT, startSimulator } from './simulator/server.js';
import { appMenuTemplate } from './shell/app-menu.js';
import { createSettingsController, DEFAULT_SETTINGS } from './shell/app-settings.js';
import { Notifier } from './shell/notifier.js';
import { quitQuestion } from './shell/quit-guard.js';
import { createSandboxController } from './shell/sandbox.js';
import { guardWebContents, hardenSession } from './shell/security.js';
import { appProxyFor, resolveSystemProxy } from './shell/system-proxy.js';
import { trayLabels } from './shell/tray-labels.js';
import { SystemTrayService } from './shell/tray-service.js';
import { deriveTrayState } from './shell/tray-state.js';
import { createWindowOptions } from './shell/window-options.js';
import { WindowManager } from './shell/window-manager.js';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/electron → dist/renderer/index.html and build/icons (packaged next to dist). */
const RENDERER_URL = pathToFileURL(join(here, '..', 'renderer', 'index.html')).href;
const PRELOAD_PATH = join(here, 'preload.cjs');
const ICON_DIR = join(here, '..', '..', 'build', 'icons');
/** Re-render the tray (time left) and rebuild notification timers this often. */
const TICK_MS = 30_000;
/** Check planned recordings this often: a link comes within reach 6 days ahead, so a minute is plenty. */
const DUE_MS = 60_000;

const log = {
  warn: (message: string) => console.warn(`[taper] ${message}`),
  // Only the error's name and message: stack frames may quote arguments.
  error: (message: string, error: unknown) => console.error(`[taper] ${message}: ${error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown'}`),
};

async function start(): Promise<void> {
  const clock: Clock = Date.now;
  // TAPER_HOME wins, as in the CLI, so the app and `taper` always share one history and one settings file.
  const dataDir = process.env.TAPER_HOME ?? app.getPath('userData');
  const ready = await ensureDataDirectory(dataDir);
  if (!ready.ok) {
    dialog.showErrorBox('Taper', ready.error.message);
    app.quit();
    return;
  }
  // Asked once per start: a proxy changed while the app runs applies after a restart.
  const systemProxy = await resolveSystemProxy((url) => session.defaultSession.resolveProxy(url), `https://${DEFAULT_LIVE_HOST}/`);
  const proxyFor = appProxyFor(process.env, getProxyForUrl, systemProxy);
  const services = composeServices({ dataDir, settings: createElectronSettingsStore(dataDir), env: process.env, clock, proxyFor });
  const schedule = createScheduleServices(services, { dataDir });
  const { scheduler } = schedule;

  const imports = createImportJobs(createLastImportFile(dataDir), log.warn);
  const settingsStore = new ElectronStore<{ app: Settings }>({ cwd: dataDir, name: 'app-settings', defaults: { app: DEFAULT_SETTINGS }, configFileMode: 0o600 });
  let settings: Settings = DEFAULT_SETTINGS;
  const language = () => settings.language;

  const windows = new WindowManager({
    createWindow: () => new BrowserWindow(createWindowOptions({ preloadPath: PRELOAD_PATH, iconPath: join(ICON_DIR, 'icon-256.png') })),
    rendererUrl: RENDERER_URL,
    warn: log.warn,
  });
  const notifier = new Notifier({
    notify: ({ title, body }) => {
      if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
    },
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    clock,
    language,
  });

  let refreshing: Promise<void> | null = null;
  const refresh = (): Promise<void> =>
    (refreshing ??= (async () => {
      const [entries, plans] = await Promise.all([services.history.list(), scheduler.listPlans()]);
      if (!entries.ok) {
        log.warn(`history unavailable for the tray: ${entries.error.code}`);
        return;
      }
      // Without plans the tray still shows every task; chains then show per link until plans.json can be read.
      if (!plans.ok) log.warn(`plans unavailable for the tray: ${plans.error.code}`);
      const state = deriveTrayState(entries.value, unixSeconds(clock), { plans: plans.ok ? plans.value : [] });
      tray.render(state, trayLabels(language(), settings.defaultTimeZone ?? systemTimeZone(), () => unixSeconds(clock)));
      notifier.scheduleFromHistory(entries.value);
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

  const settingsController = createSettingsController({
    backend: { read: () => settingsStore.get('app'), write: (next) => settingsStore.set('app', next) },
    setLoginItem: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
    changed: (next) => {
      settings = next;
      void refresh();
    },
  });
  settings = settingsController.get();

  const sandbox = createSandboxController({
    startSimulator: () => startSimulator({ clock }),
    account: DEMO_ACCOUNT,
    profiles: services.profiles,
  });

  const iconFile = (status: string) => join(ICON_DIR, 'tray', process.platform === 'darwin' ? `tray-${status}Template.png` : `tray-${status}-24.png`);
  const tray = new SystemTrayService({
    createTray: (icon) => new Tray(icon),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    iconFor: iconFile,
    actions: {
      quickRecord: (stream, profile, minutes) => {
        const request = { ...stream, endTime: unixSeconds(clock) + minutes * 60 };
        void services.recorder.record(request, profile === null ? undefined : { profile }).then((outcome) => {
          historyChanged();
          reportRecord(outcome);
        });
      },
      recordUntil: (stream, profile) => windows.open('record', profile === null ? stream : { ...stream, profile }),
      stop: (id, profile) => {
        void services.recorder.stop(id, profile === null ? undefined : { profile }).then((stopped) => {
          if (stopped.ok) historyChanged();
          else notifier.callFailed(stopped.error);
        });
      },
      stopRecording: (recordingId, profile) => {
        // Every link: the running one stops, later ones are deleted, planned ones cancelled.
        void scheduler.stopRecording(recordingId, profile === null ? undefined : { profile }).then((stopped) => {
          if (!stopped.ok) return notifier.callFailed(stopped.error);
          for (const action of stopped.value) if (action.error) notifier.callFailed(action.error);
          historyChanged();
          plansChanged();
        });
      },
      open: (view) => windows.open(view),
      quit: () => app.quit(),
    },
  });

  const reportRecord = (outcome: Result<RecordOutcome>) => {
    if (outcome.ok) {
      notifier.taskCreated(outcome.value.entry);
      windows.send('task:created-countdown', { entryId: outcome.value.entry.id, taskId: outcome.value.entry.taskId ?? '', startTime: outcome.value.entry.startTime });
    } else {
      notifier.callFailed(outcome.error);
    }
  };

  const hooks: ShellHooks = {
    async saveExport(format, content) {
      const result = await dialog.showSaveDialog({
        defaultPath: join(app.getPath('downloads'), `taper-history.${format}`),
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
      });
      if (result.canceled || result.filePath === undefined) return ok({ path: null });
      await writeFile(result.filePath, content, { encoding: 'utf8', mode: 0o600 });
      return ok({ path: result.filePath });
    },
    startSandbox: () => sandbox.start(),
    appInfo: async () => ({ version: app.getVersion(), sandbox: sandbox.isRunning(), language: language(), platform: process.platform, lastSyncedAt: await services.sync.lastSyncedAt() }),
    getSettings: async () => settingsController.get(),
    setSettings: async (patch) => settingsController.set(patch),
    historyChanged,
    plansChanged,
    importProgress: (progress) => windows.send('import:progress', progress),
    recordAttempted: (outcome) => {
      // The form shows its own outcome; the notification covers a window that is hidden meanwhile.
      if (outcome.ok) notifier.taskCreated(outcome.value.entry);
      else notifier.callFailed(outcome.error);
    },
    logError: (channel, error) => log.error(`IPC ${channel} threw`, error),
  };

  registerIpcHandlers({
    ipcMain,
    handlers: createIpcHandlers(services, hooks, schedule, imports),
    policy: { windowIds: () => windows.windowIds(), rendererUrl: RENDERER_URL },
    warn: log.warn,
  });

  hardenSession(session.defaultSession);
  const template = appMenuTemplate(process.platform);
  Menu.setApplicationMenu(template === null ? null : Menu.buildFromTemplate(template));

  app.on('second-instance', () => windows.open());
  app.on('activate', () => windows.open());
  // Closing the window keeps Taper in the tray; Quit is in the tray menu.
  app.on('window-all-closed', () => undefined);

  // Planned links and series occurrences are created here once within reach (issue 5); a missed one is an alert.
  const runDue = async () => {
    const due = await scheduler.runDue();
    if (!due.ok) return notifier.callFailed(due.error);
    for (const link of due.value.newAlerts) if (link.error) notifier.callFailed(link.error);
    if (due.value.events.length > 0) {
      historyChanged();
      plansChanged();
    }
  };
  const resync = () => {
    void services.sync.run().then(async (report) => {
      if (report.ok) historyChanged();
      await runDue();
    });
  };
  powerMonitor.on('resume', resync);

  await refresh();
  const tick = setInterval(() => void refresh(), TICK_MS);
  const dueTick = setInterval(() => void runDue(), DUE_MS);
  app.on('before-quit', (event) => {
    const question = quitQuestion(imports.running(), language());
    if (question !== null) {
      const choice = dialog.showMessageBoxSync({ type: 'warning', message: question.message, detail: question.detail, buttons: question.buttons, defaultId: 0, cancelId: 0 });
      if (choice === 0) {
        event.preventDefault();
        return;
      }
    }
    clearInterval(tick);
    clearInterval(dueTick);
    notifier.dispose();
    tray.destroy();
  });
  // Taper starts to the tray: the window opens only when asked (tray, second launch, dock click).
  resync();
}

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
  app.whenReady().then(start).catch((error: unknown) => {
    log.error('start-up failed', error);
    app.exit(1);
  });
}
