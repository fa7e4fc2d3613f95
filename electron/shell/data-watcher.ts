// Watches the data directory, so that a change made by another process (`taper record`, `taper sync` from cron, a
// second `taper serve`) reaches an open window without any in-app action. The directory is watched, not the files:
// every store writes a temporary file and renames it over the old one, which replaces the file a per-file watch
// would follow. Bursts (a snapshot and its journal, a lock released, several links) are debounced into one call.
// fs.watch and the timers are passed in, so the module is unit-tested with fakes.

/** Which part of the data a file holds; the shell maps each to its push (`history:changed`, `plans:changed`). */
export type DataChange = 'history' | 'plans';

/** The files watched, by name in the data directory (see history-store.ts and plan-store.ts). */
export const WATCHED_FILES: Readonly<Record<string, DataChange>> = {
  'history.json': 'history',
  'history.journal': 'history',
  'plans.json': 'plans',
};

/** The part of an fs.FSWatcher used here. */
export interface DirectoryWatcher {
  close(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** fs.watch(directory, listener) as used here; a `null` file name means "something in the directory changed". */
export type WatchDirectory = (
  directory: string,
  listener: (eventType: string, filename: string | null) => void,
) => DirectoryWatcher;

export interface DataWatcherTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DataWatcherOptions {
  directory: string;
  watch: WatchDirectory;
  /** Called once per burst, at least `debounceMs` after its last event, with every part that changed in it. */
  onChange(changes: ReadonlySet<DataChange>): void;
  /** The watcher could not start or failed: changes from other processes then show at the next in-app action. */
  warn(message: string): void;
  timers?: DataWatcherTimers;
  /** Default 100 ms: well under a user's notice, long enough to gather a write's rename and its journal. */
  debounceMs?: number;
}

export interface DataWatcher {
  /** Stops watching; a pending call is dropped. Idempotent. */
  close(): void;
}

const EVERYTHING: ReadonlySet<DataChange> = new Set(Object.values(WATCHED_FILES));

export function watchDataDirectory(options: DataWatcherOptions): DataWatcher {
  const timers: DataWatcherTimers = options.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const debounceMs = options.debounceMs ?? 100;
  let pending = new Set<DataChange>();
  let timer: unknown = null;
  let closed = false;

  const flush = () => {
    timer = null;
    const changes = pending;
    pending = new Set();
    if (!closed && changes.size > 0) options.onChange(changes);
  };

  const noticed = (_eventType: string, filename: string | null) => {
    if (closed) return;
    const kinds = filename === null ? EVERYTHING : single(WATCHED_FILES[filename]);
    if (kinds.size === 0) return;
    for (const kind of kinds) pending.add(kind);
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(flush, debounceMs);
  };

  let watcher: DirectoryWatcher | null = null;
  try {
    watcher = options.watch(options.directory, noticed);
    watcher.on('error', (error) => {
      options.warn(`stopped watching ${options.directory}: ${error.message}`);
      close();
    });
  } catch (error) {
    options.warn(`cannot watch ${options.directory}: ${error instanceof Error ? error.message : String(error)}`);
  }

  function close() {
    if (closed) return;
    closed = true;
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    watcher?.close();
  }
  return { close };
}

function single(kind: DataChange | undefined): ReadonlySet<DataChange> {
  return kind === undefined ? new Set() : new Set([kind]);
}
