// Composition root of `taper serve` (what electron/main.ts is for the tray app, without Electron): the same services,
// secret routing, data files, scheduler and IPC handlers as the app, with the window replaced by a browser page over
// loopback HTTP, the tray's timers by the scheduler loop, and notifications by `app:notice` events. The parts are
// built in serve-startup.ts (log, data files), serve-shell.ts (settings, sandbox, notices) and serve-background.ts
// (scheduler loop, data watcher); this file wires them in the app's order and owns shutdown.
import { getProxyForUrl } from 'proxy-from-env';
import type { Clock } from '../../shared/clock.js';
import { createIpcHandlers } from '../ipc/handlers.js';
import { createMemorySecretStore } from '../services/keychain/memory-secret-store.js';
import { createRoutedSecretStore } from '../services/keychain/routed-secret-store.js';
import type { Logger } from '../services/logging/logger.js';
import { secretKeyAccount, tokenAccount } from '../services/profiles/profile-accounts.js';
import { createImportJobs } from '../services/schedule/import-jobs.js';
import { createLastImportFile } from '../services/schedule/last-import-file.js';
import { createTaperCore } from '../services/taper-core.js';
import { SANDBOX_PROFILE } from '../shell/sandbox.js';
import { startServeServer } from './http-server.js';
import { createServeBackground } from './serve-background.js';
import { createServeHooks } from './serve-hooks.js';
import { createServeShell } from './serve-shell.js';
import { openServeStartup } from './serve-startup.js';
import { createEventHub } from './sse.js';
import { createStaticFiles } from './static-files.js';

/** How long shutdown waits for calls and a scheduler run in flight. */
export const SHUTDOWN_WAIT_MS = 30_000;

export interface ServeOptions {
  /** 0: any free port. */
  port: number;
  token: string;
  /** dist/renderer. */
  rendererDir: string;
  version: string;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  /** Where the log's lines are mirrored (stderr: the journal under systemd). Already redacted. */
  console?(line: string): void;
}

export interface RunningServe {
  port: number;
  dataDir: string;
  log: Logger;
  /** Resolves once the start-up sync and scheduler run are done. */
  firstRun: Promise<void>;
  /** Stops the scheduler and the server, waiting for what is in flight; resolves how many calls were cut off. */
  shutdown(): Promise<{ unfinished: number }>;
}

/** Accounts kept in memory, never in the keychain: the sandbox's demo key, as in the app. */
const SANDBOX_ACCOUNTS: ReadonlySet<string> = new Set([
  secretKeyAccount(SANDBOX_PROFILE),
  tokenAccount(SANDBOX_PROFILE),
]);

/** `work`, or nothing once `ms` have passed. */
function within(ms: number, work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work, gaveUp]).finally(() => clearTimeout(timer));
}

export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const { env, clock } = options;
  const { log, dataDir, files, damaged } = await openServeStartup(options);

  const secrets = createRoutedSecretStore(
    (account) => SANDBOX_ACCOUNTS.has(account),
    createMemorySecretStore(),
    async () => (await import('../services/keychain/keyring-secret-store.js')).createKeyringSecretStore(),
  );
  // Proxies as the CLI reads them (HTTPS_PROXY, NO_PROXY, ...): there is no desktop proxy setting to ask here.
  const { services, schedule } = await createTaperCore({
    dataDir,
    settings: files.settings,
    secrets,
    env,
    clock,
    proxyFor: getProxyForUrl,
  });
  const imports = createImportJobs(createLastImportFile(dataDir), log.warn);
  const events = createEventHub();
  const shell = await createServeShell({ services, files, events, clock, log });
  const { notifier, callFailed, rescheduleNotices } = shell;

  const hooks = createServeHooks({
    dataDir,
    version: options.version,
    platform: process.platform,
    clock,
    events,
    sandbox: shell.sandbox,
    settings: shell.settings,
    damagedFiles: damaged,
    logFile: log.file,
    lastSyncedAt: () => services.sync.lastSyncedAt(),
    historyChanged: () => void rescheduleNotices(),
    recordAttempted: (outcome) => {
      if (outcome.ok) notifier.taskCreated(outcome.value.entry);
      else callFailed(outcome.error);
    },
    logError: (channel, error) => log.error(`IPC ${channel} threw`, error),
  });
  const server = await startServeServer({
    port: options.port,
    token: options.token,
    handlers: createIpcHandlers(services, hooks, schedule, imports),
    files: createStaticFiles(options.rendererDir),
    events,
    warn: log.child('http').warn,
  });
  const { loop, dataWatcher } = createServeBackground({ dataDir, services, schedule, hooks, clock, log, callFailed });
  log.info(`listening on http://127.0.0.1:${server.port}/`);
  await rescheduleNotices();
  const firstRun = loop.start().then(() => log.info('scheduler: start-up sync and run done'));

  return {
    port: server.port,
    dataDir,
    log,
    firstRun,
    async shutdown() {
      const inFlight = server.inFlight();
      // Both at once: no new scheduler run starts and no request is taken, while the run and the calls in flight finish.
      const closing = Promise.all([server.close(SHUTDOWN_WAIT_MS), within(SHUTDOWN_WAIT_MS, loop.stop())]);
      log.info(`shutting down: ${inFlight} call(s) in flight`);
      const [closed] = await closing;
      dataWatcher.close();
      notifier.dispose();
      if (closed.unfinished > 0)
        log.warn(`shut down with ${closed.unfinished} call(s) unfinished after ${SHUTDOWN_WAIT_MS / 1000} s`);
      else log.info('shut down');
      return closed;
    },
  };
}
