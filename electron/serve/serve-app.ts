// Composition root of `taper serve` (what electron/main.ts is for the tray app, without Electron): the same services,
// secret routing, data files, scheduler and IPC handlers as the app, with the window replaced by a browser page over
// loopback HTTP, the tray's timers by the scheduler loop, and notifications by `app:notice` events.
import { watch } from 'node:fs';
import { homedir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { getProxyForUrl } from 'proxy-from-env';
import type { Clock } from '../../shared/clock.js';
import type { DamagedFile } from '../../shared/ipc/contract.js';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { err, type AppError } from '../../shared/result.js';
import { createIpcHandlers } from '../ipc/handlers.js';
import { createMemorySecretStore } from '../services/keychain/memory-secret-store.js';
import { createRoutedSecretStore } from '../services/keychain/routed-secret-store.js';
import { logDirectory, logFile } from '../services/logging/log-directory.js';
import { createLogger, type Logger } from '../services/logging/logger.js';
import { secretKeyAccount, tokenAccount } from '../services/profiles/profile-accounts.js';
import { createImportJobs } from '../services/schedule/import-jobs.js';
import { createLastImportFile } from '../services/schedule/last-import-file.js';
import { dataDirectory, ensureDataDirectory } from '../services/storage/data-directory.js';
import { DEMO_ACCOUNT, startSimulator } from '../simulator/server.js';
import { createSettingsController } from '../shell/app-settings.js';
import { watchDataDirectory } from '../shell/data-watcher.js';
import { Notifier } from '../shell/notifier.js';
import { sendSandboxPush } from '../services/sandbox/sandbox-push.js';
import { createSandboxController, SANDBOX_PROFILE } from '../shell/sandbox.js';
import { openStartupFiles } from '../shell/startup-files.js';
import { createTaperCore } from '../services/taper-core.js';
import { startServeServer } from './http-server.js';
import { createSchedulerLoop } from './scheduler-loop.js';
import { createServeHooks } from './serve-hooks.js';
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
  const log = createLogger({
    file: logFile(logDirectory(env, process.platform, homedir()), 'serve', process.platform),
    clock,
    ...(options.console ? { console: options.console } : {}),
  });
  // As in main: whatever escapes a handler is logged, never lost (a server's console may be the journal or nothing).
  process.on('uncaughtException', (error) => log.error('uncaught exception', error));
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));
  const dataDir = dataDirectory(env, process.platform, homedir());
  const ready = await ensureDataDirectory(dataDir);
  if (!ready.ok) throw new Error(ready.error.message);
  log.info(`taper serve ${options.version} starting (data ${dataDir})`);

  const files = openStartupFiles(dataDir, clock);
  const damaged: DamagedFile[] = [...files.damaged];
  for (const file of damaged)
    log.warn(`damaged data file ${file.file} moved to ${file.movedTo ?? '(left in place)'}: ${file.reason}`);

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
  const { scheduler } = schedule;
  const imports = createImportJobs(createLastImportFile(dataDir), log.warn);
  const events = createEventHub();

  const settings = createSettingsController({
    backend: { read: () => files.appSettings.read(), write: (next) => files.appSettings.write(next) },
    // Never reached: serve-hooks refuses a change of launch at login before the controller sees it.
    setLoginItem: async () => err(LocalErrorCode.LoginItemUnavailable, 'There is no login item under taper serve.'),
    changed: () => undefined,
  });
  const sandbox = createSandboxController({
    startSimulator: () => startSimulator({ clock }),
    account: DEMO_ACCOUNT,
    profiles: services.profiles,
    sendPush: (endpoint, request) => sendSandboxPush(endpoint, request, { clock }),
  });
  await sandbox.forgetLeftover();

  const notifier = new Notifier({
    notify: (notice) => events.send('app:notice', notice),
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    clock,
    language: () => settings.get().language,
  });
  const callFailed = (error: AppError) => {
    log.warn(`call failed: ${error.code}${error.requestId === undefined ? '' : ` (RequestId ${error.requestId})`}`);
    notifier.callFailed(error);
  };
  const rescheduleNotices = async () => {
    const entries = await services.history.list();
    if (entries.ok) notifier.scheduleFromHistory(entries.value);
  };

  const hooks = createServeHooks({
    dataDir,
    version: options.version,
    platform: process.platform,
    clock,
    events,
    sandbox,
    settings,
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

  // As in main: planned links and series occurrences are created once within reach; a missed one is an alert.
  const runDue = async () => {
    const due = await scheduler.runDue();
    if (!due.ok) return callFailed(due.error);
    for (const link of due.value.newAlerts) if (link.error) callFailed(link.error);
    const created = due.value.events.filter((event) => event.kind === 'created').length;
    if (created > 0) log.info(`scheduler: ${created} planned task(s) created`);
    // What it created or missed reaches the pages through the data watcher.
  };
  const resync = async () => {
    const report = await services.sync.run();
    if (!report.ok) log.warn(`sync failed: ${report.error.code}`);
    await runDue();
  };
  const loop = createSchedulerLoop({
    resync,
    runDue,
    wallClock: clock,
    monotonic: () => performance.now(),
    timers: {
      setInterval: (callback, ms) => setInterval(callback, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    },
    jumped: (byMs) =>
      log.info(`the clock jumped by ${Math.round(byMs / 1000)} s (set, or the machine slept): syncing again`),
    failed: (error) => log.error('scheduler run threw', error),
  });
  // Every write to the history or the plans, by this process or another (`taper record`, cron), reaches the pages.
  const dataWatcher = watchDataDirectory({
    directory: dataDir,
    watch: (directory, listener) => watch(directory, { persistent: false }, listener),
    onChange: (changes) => {
      if (changes.has('history')) hooks.historyChanged();
      if (changes.has('plans')) hooks.plansChanged();
    },
    warn: log.warn,
  });
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
