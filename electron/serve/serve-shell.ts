// The parts of the app shell `taper serve` keeps, wired for a server: the app's settings (no login item to set), the
// sandbox (its simulator started on demand, a leftover profile forgotten at start) and the notifier, whose
// notifications become `app:notice` events for the pages.
import type { Clock } from '../../shared/clock.js';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { err, type AppError } from '../../shared/result.js';
import type { AppServices } from '../services/app-services.js';
import type { Logger } from '../services/logging/logger.js';
import { createSettingsController, type SettingsController } from '../shell/app-settings.js';
import { Notifier } from '../shell/notifier.js';
import { openSandbox } from '../shell/open-sandbox.js';
import type { SandboxController } from '../shell/sandbox.js';
import type { StartupFiles } from '../shell/startup-files.js';
import type { EventHub } from './sse.js';

export interface ServeShellDeps {
  services: AppServices;
  files: StartupFiles;
  events: EventHub;
  clock: Clock;
  log: Logger;
}

export interface ServeShell {
  settings: SettingsController;
  sandbox: SandboxController;
  notifier: Notifier;
  /** A failed call: logged (code and RequestId, never a secret) and announced to the pages. */
  callFailed(error: AppError): void;
  /** The notifier's upcoming notices, computed again from the history. */
  rescheduleNotices(): Promise<void>;
}

export async function createServeShell(deps: ServeShellDeps): Promise<ServeShell> {
  const { services, files, events, clock, log } = deps;
  const settings = createSettingsController({
    backend: { read: () => files.appSettings.read(), write: (next) => files.appSettings.write(next) },
    // Never reached: serve-hooks refuses a change of launch at login before the controller sees it.
    setLoginItem: async () => err(LocalErrorCode.LoginItemUnavailable, 'There is no login item under taper serve.'),
    changed: () => undefined,
  });
  const sandbox = await openSandbox(services.profiles, clock);

  const notifier = new Notifier({
    notify: (notice) => events.send('app:notice', notice),
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    clock,
    language: () => settings.get().language,
  });
  return {
    settings,
    sandbox,
    notifier,
    callFailed(error) {
      log.warn(`call failed: ${error.code}${error.requestId === undefined ? '' : ` (RequestId ${error.requestId})`}`);
      notifier.callFailed(error);
    },
    async rescheduleNotices() {
      const entries = await services.history.list();
      if (entries.ok) notifier.scheduleFromHistory(entries.value);
    },
  };
}
