// What `taper serve` opens before any service reads a file, in the app's order: the log first (so everything after it
// is recorded, including what escapes a handler), then the data directory and its start-up files, a damaged one
// moved aside and named in the log.
import { homedir } from 'node:os';
import type { Clock } from '../../shared/clock.js';
import type { DamagedFile } from '../../shared/ipc/contract.js';
import { logDirectory, logFile } from '../services/logging/log-directory.js';
import { createLogger, type Logger } from '../services/logging/logger.js';
import { dataDirectory, ensureDataDirectory } from '../services/storage/data-directory.js';
import { openStartupFiles, type StartupFiles } from '../shell/startup-files.js';

export interface ServeStartupOptions {
  version: string;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  /** Where the log's lines are mirrored (stderr: the journal under systemd). Already redacted. */
  console?(line: string): void;
}

export interface ServeStartup {
  log: Logger;
  dataDir: string;
  files: StartupFiles;
  /** The files found damaged and moved aside (the page shows them, as the app's window does). */
  damaged: DamagedFile[];
}

export async function openServeStartup(options: ServeStartupOptions): Promise<ServeStartup> {
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
  return { log, dataDir, files, damaged };
}
