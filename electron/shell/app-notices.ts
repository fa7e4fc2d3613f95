// The window and everything that tells the user something: the window manager, OS notifications (a banner in the
// window where the OS shows none), the notifier's timed notices, call failures and the diagnostics report.
import { join } from 'node:path';
import type { Clock } from '../../shared/clock.js';
import type { DamagedFile, SettingsLanguage } from '../../shared/ipc/types.js';
import type { AppError, Result } from '../../shared/result.js';
import type { RecordOutcome } from '../services/app-services.js';
import type { AppPorts } from './app-ports.js';
import { createCallFailures } from './call-failures.js';
import { createNativeNotify } from './native-notify.js';
import { Notifier } from './notifier.js';
import { RENDERER_ENTRY } from './renderer-protocol.js';
import { shellText } from './main-text.js';
import type { StartupFiles } from './startup-files.js';
import { WindowManager } from './window-manager.js';
import { createWindowOptions } from './window-options.js';

export interface AppNoticeDeps {
  ports: AppPorts;
  clock: Clock;
  files: StartupFiles;
  damaged: readonly DamagedFile[];
  language(): SettingsLanguage;
  /** True once a quit goes ahead: windows closing then are not the user closing one. */
  quitting(): boolean;
  sandboxRunning(): boolean;
}

export interface AppNotices {
  windows: WindowManager;
  notifier: Notifier;
  callFailed(error: AppError): void;
  /** A record made from the tray: "created" (and the window's countdown), or the failure. */
  reportRecord(outcome: Result<RecordOutcome>): void;
  copyDiagnostics(): Promise<void>;
}

export function createAppNotices(deps: AppNoticeDeps): AppNotices {
  const { ports, clock, files, language } = deps;
  const { log } = ports;
  const notifyNative = createNativeNotify({
    isSupported: () => ports.notifications.isSupported(),
    create: (options) => ports.notifications.create(options),
    fallback: (notice) => windows.send('app:notice', notice),
    open: (view) => windows.open(view ?? null),
    warn: log.warn,
  });
  const windows = new WindowManager({
    createWindow: () =>
      ports.createWindow(
        createWindowOptions({ preloadPath: ports.paths.preload, iconPath: join(ports.paths.icons, 'icon-256.png') }),
      ),
    rendererUrl: RENDERER_ENTRY,
    loadFailed: (reason) => {
      log.warn(`renderer failed to load: ${reason}`);
      const text = shellText(language());
      const report = deps.damaged.length === 0 ? '' : `\n\n${text.damaged(deps.damaged)}`;
      ports.dialogs.showErrorBox(text.startFailedTitle, `${text.windowFailed(reason, log.file)}${report}`);
    },
    closed: () => {
      // The first close ever says once that Taper keeps running (the tray icon may be hidden by the desktop).
      if (deps.quitting() || files.appSettings.hintShown('close-keeps-running')) return;
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
  return {
    windows,
    notifier,
    callFailed,
    reportRecord: (outcome) => reportRecordOutcome(outcome, { notifier, windows, callFailed }),
    copyDiagnostics: async () => {
      const { host } = ports;
      const text = failures.report({
        appVersion: ports.app.version,
        versions: {
          node: host.versions.node,
          ...(host.versions.electron === undefined ? {} : { electron: host.versions.electron }),
          ...(host.versions.chrome === undefined ? {} : { chrome: host.versions.chrome }),
        },
        os: { platform: host.platform, release: host.osRelease, arch: host.arch },
        locale: ports.app.locale(),
        sandboxRunning: deps.sandboxRunning(),
        logFile: log.file,
        logTail: await log.tail(100),
      });
      await ports.writeClipboard(text);
      log.info('diagnostics copied to the clipboard');
    },
  };
}

/** What the user hears of a record made outside the window: "created" and the window's countdown, or the failure. */
export function reportRecordOutcome(
  outcome: Result<RecordOutcome>,
  to: {
    notifier: Pick<Notifier, 'taskCreated'>;
    windows: Pick<WindowManager, 'send'>;
    callFailed(error: AppError): void;
  },
): void {
  if (!outcome.ok) {
    to.callFailed(outcome.error);
    return;
  }
  to.notifier.taskCreated(outcome.value.entry);
  to.windows.send('task:created-countdown', {
    entryId: outcome.value.entry.id,
    taskId: outcome.value.entry.taskId ?? '',
    startTime: outcome.value.entry.startTime,
  });
}
