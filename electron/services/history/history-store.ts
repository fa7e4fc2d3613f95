// The durable task history: history.json (a versioned snapshot) + history.journal (changes since the snapshot).
//
// Why not conf here (it is used for settings.json): conf validates the whole document with ajv and rewrites the whole
// file on every set, has no cross-process lock, and does not fsync. At 20,000 entries (~8 MB) a full rewrite per
// append costs 40-100 ms on this machine; appending one fsync'ed journal line costs ~1-3 ms. The journal is folded
// into the snapshot (atomic tmp + fsync + rename) every COMPACT_EVERY records, on mutate(), and on the first write.
// Every write runs under an exclusive cross-process lock and checks both files inside it (reading only what another
// process added), so two processes never lose each other's entries. Reads need no lock: both files only change by
// atomic rename or by appending whole lines (or, under the lock, by cutting off a torn line or emptying the journal
// after a compaction).
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fdatasync as fdatasyncCallback,
  fstatSync,
  ftruncateSync,
  openSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { open, rename, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { HistoryEntry, HistoryFilter } from '../../../shared/history.js';
import { err, ok, type AppError, type Result } from '../../../shared/result.js';
import type { HistoryPort } from '../app-services.js';
import { quarantinePath } from '../storage/damaged-file.js';
import { syncDirectory, writeFileAtomic } from './atomic-write.js';
import { toCsv, toJson } from './history-export.js';
import { filterEntries } from './history-filter.js';
import {
  parseJournal,
  parseSnapshot,
  serializeJournalRecord,
  serializeSnapshot,
  type DamagedLine,
  type JournalRecord,
} from './history-format.js';
import { LockCompromisedError, LockTimeoutError, withFileLock } from './history-lock.js';
import { createHistoryView, type HistoryView } from './history-view.js';

export const HISTORY_FILE = 'history.json';
export const JOURNAL_FILE = 'history.journal';
/** Journal records folded into the snapshot at once: bounds load time and the cost of one compaction. */
export const COMPACT_EVERY = 500;

export interface HistoryStoreOptions {
  /** The data directory (must exist). */
  directory: string;
  clock: Clock;
  /** New local ids; default: random UUIDs. */
  newId?: () => string;
  /** Told when a corrupt file was moved aside by a write (a list() returns the error itself). */
  onCorrupt?: (error: AppError) => void;
  /**
   * A test seam: awaited inside a compaction, after the new history.json is in place and before the journal is
   * emptied (the one moment two files hold the same records). The crash-safety suite kills a writer there.
   */
  afterSnapshotReplaced?: () => Promise<void>;
  /** Lock wait limit (ms) before a write fails with `Taper.History.Unavailable`. */
  lockTimeoutMs?: number;
  /** A lock not refreshed for this long is taken over. */
  lockStaleMs?: number;
}

export type HistoryStore = HistoryPort;

/**
 * The merged view of snapshot + journal and the file identities it was read at. Kept between calls and brought up to
 * date in place: when only the journal grew, only its new tail is read; after this process's own append, nothing is
 * read at all (the record is applied and the journal's new identity remembered).
 */
interface State {
  view: HistoryView;
  /** Highest sequence number seen (snapshot or journal). */
  seq: number;
  /** The snapshot's sequence number: journal records at or below it are already in it. */
  snapshotSeq: number;
  snapshotKey: FileKey | null;
  /** history.json is in an older layout (migrated in memory): the next write rewrites it. */
  snapshotOutdated: boolean;
  journalKey: FileKey | null;
  journalRecords: number;
  /** Bytes of complete journal lines read so far (a torn tail beyond it is cut off before the next append). */
  journalValidLength: number;
  /**
   * The journal held is a prefix of the file, so its growth can be read as a tail. Not so when, without the lock, the
   * journal was read just before another process's compaction and the snapshot just after it: every record held is
   * then already in the snapshot and the file is about to be emptied (and may regrow past what we read).
   */
  journalIsPrefix: boolean;
  /** Complete journal lines held that are no record: moved aside, then folded away by a compaction, at the next lock. */
  journalDamaged: DamagedLine[];
}

interface FileKey {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The state's file fields right after a compaction to `seq`: the snapshot holds everything, the journal is empty. */
const compacted = (
  seq: number,
  keys: { snapshotKey: FileKey | null; journalKey: FileKey | null },
): Omit<State, 'view'> => ({
  seq,
  snapshotSeq: seq,
  snapshotOutdated: false,
  journalRecords: 0,
  journalValidLength: 0,
  journalIsPrefix: true,
  journalDamaged: [],
  ...keys,
});

const sameKey = (a: FileKey | null, b: FileKey | null): boolean =>
  a === b || (a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs);

const keyOf = (info: Stats): FileKey => ({ ino: info.ino, size: info.size, mtimeMs: info.mtimeMs });

class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}
class NewerFileError extends Error {}

function deepFreeze(entry: HistoryEntry): HistoryEntry {
  if (entry.error) {
    if (entry.error.problems) Object.freeze(entry.error.problems);
    Object.freeze(entry.error);
  }
  return Object.freeze(entry);
}

const fdatasync = promisify(fdatasyncCallback);

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The identity of a file, null when it does not exist. Synchronous, like the journal's small writes below: a stat is
 * a few µs of kernel work, less than one thread-pool round trip of the async form (which a busy event loop, e.g. one
 * serving HTTP, makes longer still). Reading and parsing whole files stays async.
 */
function statKey(path: string): FileKey | null {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? keyOf(info) : null;
}

/** Runs `read` on the file opened for reading, then closes it; null when the file does not exist. */
async function withOpenFile<T>(path: string, read: (handle: FileHandle) => Promise<T | null>): Promise<T | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  try {
    return await read(handle);
  } finally {
    await handle.close();
  }
}

/** A whole file with the identity of what was read (one open file: the two always match). */
function readWhole(path: string): Promise<{ key: FileKey; text: string } | null> {
  return withOpenFile(path, async (handle) => ({
    key: keyOf(await handle.stat()),
    text: await handle.readFile('utf8'),
  }));
}

/**
 * The journal's complete lines from byte `offset` on, if the file is still the one (same inode) and did not shrink
 * below `offset`; null otherwise (the caller reads everything again). Lines are only ever appended after `offset`.
 */
function readJournalTail(path: string, ino: number, offset: number): Promise<{ key: FileKey; text: string } | null> {
  return withOpenFile(path, async (handle) => {
    const key = keyOf(await handle.stat());
    if (key.ino !== ino || key.size < offset) return null;
    const buffer = Buffer.alloc(key.size - offset);
    let filled = 0;
    // Bounded: each read returns > 0 bytes until the buffer is full or the file ends.
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // Only up to the last newline: a line still being written is read next time, whole.
    const end = buffer.subarray(0, filled).lastIndexOf(0x0a) + 1;
    return { key, text: buffer.toString('utf8', 0, end) };
  });
}

export function createHistoryStore(options: HistoryStoreOptions): HistoryStore {
  const { directory, clock } = options;
  // Wrapped, not `?? randomUUID`: reading the export would load node:crypto in commands that only read (the CLI loads
  // built-ins on first use, build/build.mjs).
  const newId = options.newId ?? (() => randomUUID());
  const snapshotPath = join(directory, HISTORY_FILE);
  const journalPath = join(directory, JOURNAL_FILE);
  const lockOptions = { timeoutMs: options.lockTimeoutMs ?? 15_000, staleMs: options.lockStaleMs ?? 10_000 };
  const now = () => unixSeconds(clock);

  // Entries are frozen, so the JSON of an unchanged entry can be reused when the snapshot is rewritten.
  const serialized = new WeakMap<HistoryEntry, string>();
  const serialize = (entry: HistoryEntry): string => {
    let text = serialized.get(entry);
    if (text === undefined) {
      text = JSON.stringify(entry);
      serialized.set(entry, text);
    }
    return text;
  };

  /** The last state read or written; null: read everything on next use. */
  let current: State | null = null;
  /**
   * Bumped on every in-place change of `current`. Calls of this process interleave at their awaits (a lock-free
   * list() while a write fsyncs): a change is applied only if nothing changed `current` since it was read.
   */
  let version = 0;

  /** Applies journal records just read; `locked`: read under the write lock. */
  function applyRecords(state: State, records: readonly JournalRecord[], locked: boolean): void {
    for (const { seq, entry } of records) {
      if (seq > state.snapshotSeq) state.view.upsert(deepFreeze(entry));
      state.seq = Math.max(state.seq, seq);
    }
    state.journalRecords += records.length;
    // A last record newer than the snapshot was written after it: only a later compaction, which replaces the
    // snapshot first, can empty the file. Under the lock no compaction is half done (a killed one's leftover stays).
    const lastSeq = records.at(-1)?.seq;
    if (lastSeq !== undefined) state.journalIsPrefix = locked || lastSeq > state.snapshotSeq;
  }

  function parseJournalText(text: string): { records: JournalRecord[]; validLength: number; damaged: DamagedLine[] } {
    const parsed = parseJournal(text);
    if (parsed.kind !== 'ok')
      throw new CorruptFileError(journalPath, parsed.kind === 'corrupt' ? parsed.reason : 'unknown layout');
    return parsed.value;
  }

  /**
   * Reads both files from scratch. The journal is read BEFORE the snapshot: a compaction renames the new snapshot in
   * before it empties the journal, so whatever interleaving happens, the snapshot read is at least as new as the
   * journal's base and journal records it already holds are skipped by sequence number.
   */
  async function loadAll(locked: boolean): Promise<State> {
    const journal = await readWhole(journalPath);
    const records = journal === null ? { records: [], validLength: 0, damaged: [] } : parseJournalText(journal.text);
    const snapshot = await readWhole(snapshotPath);
    let state: State;
    if (snapshot === null) {
      state = {
        view: createHistoryView([]),
        seq: 0,
        snapshotSeq: 0,
        snapshotKey: null,
        snapshotOutdated: false,
        journalKey: null,
        journalRecords: 0,
        journalValidLength: 0,
        journalIsPrefix: true,
        journalDamaged: [],
      };
    } else {
      const parsed = parseSnapshot(snapshot.text);
      if (parsed.kind === 'newer')
        throw new NewerFileError(
          `${snapshotPath} was written by a newer Taper (layout version ${parsed.version}); update Taper to read it.`,
        );
      if (parsed.kind === 'corrupt') throw new CorruptFileError(snapshotPath, parsed.reason);
      const { seq, entries, migratedFrom } = parsed.value;
      state = {
        view: createHistoryView(entries.map(deepFreeze)),
        seq,
        snapshotSeq: seq,
        snapshotKey: snapshot.key,
        snapshotOutdated: migratedFrom !== undefined,
        journalKey: null,
        journalRecords: 0,
        journalValidLength: 0,
        journalIsPrefix: true,
        journalDamaged: [],
      };
    }
    applyRecords(state, records.records, locked);
    state.journalKey = journal?.key ?? null;
    state.journalValidLength = records.validLength;
    state.journalDamaged = records.damaged;
    current = state;
    version += 1;
    return state;
  }

  /**
   * The current state: unchanged files cost two stats; a grown journal costs reading its new lines. `locked`: the
   * caller holds the write lock (nobody else writes meanwhile).
   */
  async function load(locked: boolean): Promise<State> {
    // Bounded: a retry happens only when another call of this process changed the state meanwhile.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const base = current;
      const baseVersion = version;
      if (base === null) break;
      // Journal first, then the snapshot (see loadAll): an unchanged snapshot proves the tail follows what we hold.
      const journalKey = statKey(journalPath);
      let tail: { key: FileKey; text: string } | null = null;
      if (!sameKey(base.journalKey, journalKey)) {
        if (
          !base.journalIsPrefix ||
          journalKey === null ||
          (base.journalKey !== null && base.journalKey.ino !== journalKey.ino)
        )
          break;
        tail = await readJournalTail(journalPath, journalKey.ino, base.journalValidLength);
        if (tail === null) break;
      }
      if (!sameKey(base.snapshotKey, statKey(snapshotPath))) break;
      if (current !== base || version !== baseVersion) continue;
      if (tail !== null) {
        const parsed = parseJournalText(tail.text);
        applyRecords(base, parsed.records, locked);
        base.journalDamaged.push(...parsed.damaged);
        base.journalValidLength += parsed.validLength;
        base.journalKey = tail.key;
        version += 1;
      }
      return base;
    }
    return loadAll(locked);
  }

  /** Moves a corrupt file aside (never deletes or overwrites it) and returns the error that names where it went. */
  async function moveAside(error: CorruptFileError): Promise<AppError> {
    const target = quarantinePath(error.file, clock);
    await rename(error.file, target);
    await syncDirectory(directory);
    current = null;
    return {
      code: LocalErrorCode.HistoryCorrupt,
      message: `The history file ${error.file} could not be read (${error.reason}). It was moved to ${target}; nothing in it was deleted. A new history starts now.`,
    };
  }

  /**
   * Moves the journal's damaged lines (and only them) to `history.corrupt-<time>.journal-lines`, then compacts, so
   * that the journal holds whole records again and every entry before and after the damage stays in the history.
   * Under the lock. The lines are written and fsync'd before the compaction drops them from the journal.
   */
  async function quarantineDamagedLines(state: State, stillHeld: () => boolean): Promise<AppError> {
    // history.corrupt-<time>.journal-lines, named as every quarantined copy is.
    const target = quarantinePath(join(directory, 'history.journal-lines'), clock);
    const lines = state.journalDamaged;
    await writeFileAtomic(target, lines.map((damaged) => `${damaged.text}\n`).join(''));
    Object.assign(state, compacted(state.seq, await writeSnapshot(state.seq, state.view.entries, stillHeld)));
    version += 1;
    const where = lines.map((damaged) => `line ${damaged.line} (${damaged.reason})`).join(', ');
    return {
      code: LocalErrorCode.HistoryCorrupt,
      message: `${lines.length} damaged line(s) of ${journalPath} (${where}) were moved to ${target}; every other entry is kept.`,
    };
  }

  /**
   * Loads inside the lock. A file is judged corrupt only by a full read: a tail read past what this process holds is
   * re-done from scratch first, so a wrong idea of the file here can never get a good file moved aside.
   */
  async function loadLocked(): Promise<State> {
    try {
      return await load(true);
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      current = null;
      return load(true);
    }
  }

  const report = (error: AppError): void => options.onCorrupt?.(error);

  /**
   * Loads inside the lock, moving corrupt files aside first (a write goes on with a fresh file after the move), and
   * damaged journal lines too (the rest of the journal stays).
   */
  async function loadForWrite(stillHeld: () => boolean): Promise<State> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const state = await loadLocked();
        // Not `onCorrupt?.(await …)`: optional chaining would skip the argument, and the move, without a listener.
        if (state.journalDamaged.length > 0) report(await quarantineDamagedLines(state, stillHeld));
        return state;
      } catch (error) {
        if (!(error instanceof CorruptFileError)) throw error;
        report(await moveAside(error));
      }
    }
    return loadLocked();
  }

  function toResult<T>(error: unknown): Result<T> {
    if (error instanceof NewerFileError) return err(LocalErrorCode.HistoryUnavailable, error.message);
    if (error instanceof LockTimeoutError || error instanceof LockCompromisedError) {
      return err(LocalErrorCode.HistoryUnavailable, `The history could not be written: ${error.message}.`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    // The two a user can act on at once, said plainly (the raw reason stays for the log).
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EROFS')
      return err(
        LocalErrorCode.HistoryUnavailable,
        `The history in ${directory} could not be written: the disk holding it is read-only (${reason}).`,
      );
    if (code === 'ENOSPC' || code === 'EDQUOT')
      return err(
        LocalErrorCode.HistoryUnavailable,
        `The history in ${directory} could not be written: the disk holding it is full (${reason}).`,
      );
    return err(
      LocalErrorCode.HistoryUnavailable,
      `The history in ${directory} could not be read or written: ${reason}`,
    );
  }

  /** Replaces history.json, then empties the journal; returns both files' new identities. */
  async function writeSnapshot(
    seq: number,
    entries: readonly HistoryEntry[],
    stillHeld: () => boolean,
  ): Promise<{ snapshotKey: FileKey | null; journalKey: FileKey | null }> {
    const text = serializeSnapshot(seq, entries, serialize);
    if (!stillHeld()) throw new LockCompromisedError('the lock was taken over by another process');
    await writeFileAtomic(snapshotPath, text);
    if (options.afterSnapshotReplaced !== undefined) await options.afterSnapshotReplaced();
    // Only now may the journal go: the snapshot holds everything in it (and seq makes a replay harmless anyway).
    await truncate(journalPath, 0).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    // Under the lock nobody else writes: these are the files just written.
    return { snapshotKey: statKey(snapshotPath), journalKey: statKey(journalPath) };
  }

  /** Appends one fsync'd line; returns the journal's new identity, or null if it is not what this line alone explains. */
  async function appendJournal(
    state: State,
    record: JournalRecord,
    stillHeld: () => boolean,
  ): Promise<{ key: FileKey; validLength: number } | null> {
    const line = serializeJournalRecord(record, serialize);
    if (!stillHeld()) throw new LockCompromisedError('the lock was taken over by another process');
    const bytes = Buffer.from(line);
    const validBefore = state.journalValidLength;
    // Synchronous except for the fdatasync (see statKey): open, write and close of one line take microseconds.
    const fd = openSync(journalPath, 'a', 0o600);
    let written: { key: FileKey; validLength: number } | null;
    try {
      // A torn line left by a killed writer would swallow this one: cut it off first.
      if ((state.journalKey?.size ?? 0) > validBefore) ftruncateSync(fd, validBefore);
      // Bounded: every round writes at least one byte or throws.
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
      // fdatasync: the data and the size it needs, without the timestamps fsync would also flush.
      await fdatasync(fd);
      const key = keyOf(fstatSync(fd));
      const validLength = validBefore + bytes.length;
      written = key.size === validLength ? { key, validLength } : null;
    } finally {
      closeSync(fd);
    }
    // The directory entry is new only when the file was: only then must the directory be fsync'd too.
    if (state.journalKey === null) await syncDirectory(directory);
    return written;
  }

  /** Saves `changed` (new or replaced) as one change: a journal line, or a compaction when due; then applies it here. */
  async function commit(state: State, changed: HistoryEntry, stillHeld: () => boolean): Promise<void> {
    const seq = state.seq + 1;
    const baseVersion = version;
    // Another call of this process may have read our line already (it is visible before the fsync returns): then it
    // holds the change, and applying it again would count the line twice.
    const untouched = () => current === state && version === baseVersion;
    if (state.snapshotKey === null || state.snapshotOutdated || state.journalRecords + 1 >= COMPACT_EVERY) {
      const isNew = state.view.get(changed.id) === undefined;
      const entries = isNew
        ? [...state.view.entries, changed]
        : state.view.entries.map((entry) => (entry.id === changed.id ? changed : entry));
      const keys = await writeSnapshot(seq, entries, stillHeld);
      if (!untouched()) return;
      state.view.upsert(changed);
      Object.assign(state, compacted(seq, keys));
      version += 1;
      return;
    }
    const written = await appendJournal(state, { seq, entry: changed }, stillHeld);
    if (!untouched()) return;
    // Not explained by our line alone (cannot happen under the lock): the next load reads the tail itself.
    if (written === null) return;
    state.view.upsert(changed);
    state.seq = seq;
    state.journalRecords += 1;
    state.journalKey = written.key;
    state.journalValidLength = written.validLength;
    state.journalIsPrefix = true;
    version += 1;
  }

  async function locked<T>(work: (state: State, stillHeld: () => boolean) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await withFileLock(snapshotPath, lockOptions, async (stillHeld) =>
        work(await loadForWrite(stillHeld), stillHeld),
      );
    } catch (error) {
      return toResult(error);
    }
  }

  async function read(): Promise<Result<State>> {
    try {
      const state = await load(false);
      if (state.journalDamaged.length === 0) return ok(state);
      // Damaged lines are skipped by the read already; under the lock they are moved aside so the journal is whole again.
      return await withFileLock(snapshotPath, lockOptions, async (stillHeld) => ok(await loadForWrite(stillHeld)));
    } catch (error) {
      if (!(error instanceof CorruptFileError)) return toResult(error);
    }
    // Corrupt: under the lock, look again (a writer may have fixed it meanwhile), then move it aside and report.
    try {
      return await withFileLock(snapshotPath, lockOptions, async (): Promise<Result<State>> => {
        try {
          return ok(await loadLocked());
        } catch (error) {
          if (!(error instanceof CorruptFileError)) throw error;
          const reported = await moveAside(error);
          return err(reported.code, reported.message);
        }
      });
    } catch (error) {
      return toResult(error);
    }
  }

  async function sortedEntries(filter?: HistoryFilter): Promise<Result<HistoryEntry[]>> {
    const state = await read();
    if (!state.ok) return state;
    return ok(filterEntries(state.value.view.sorted(), filter));
  }

  return {
    list: sortedEntries,

    async listStream(key) {
      const state = await read();
      return state.ok ? ok(state.value.view.ofStream(key)) : state;
    },

    append(input) {
      return locked(async (state, stillHeld) => {
        const id = input.id ?? newId();
        if (state.view.get(id) !== undefined)
          return err(LocalErrorCode.InvalidInput, `A history entry with id ${id} already exists.`);
        const entry = deepFreeze({ ...input, id, updatedAt: now() } as HistoryEntry);
        await commit(state, entry, stillHeld);
        return ok(entry);
      });
    },

    update(id, patch) {
      return locked(async (state, stillHeld) => {
        const existing = state.view.get(id);
        if (!existing) return err(LocalErrorCode.TaskNotFound, `No history entry with id ${id}.`);
        const entry = deepFreeze({ ...existing, ...patch, id, updatedAt: now() });
        await commit(state, entry, stillHeld);
        return ok(entry);
      });
    },

    async findByTaskId(taskId) {
      const state = await read();
      if (!state.ok) return state;
      // Newest first: sync may have imported a task that an older entry also names.
      let found: HistoryEntry | null = null;
      for (const entry of state.value.view.entries)
        if (entry.taskId === taskId && (found === null || entry.createdAt >= found.createdAt)) found = entry;
      return ok(found);
    },

    mutate(change) {
      return locked(async (state, stillHeld) => {
        const { entries, result } = change(state.view.entries.slice());
        const frozen = entries.map((entry) => (Object.isFrozen(entry) ? entry : deepFreeze({ ...entry })));
        const ids = new Set<string>();
        for (const entry of frozen) {
          if (ids.has(entry.id))
            return err(LocalErrorCode.InvalidInput, `mutate() produced two entries with id ${entry.id}.`);
          ids.add(entry.id);
        }
        const seq = state.seq + 1;
        const keys = await writeSnapshot(seq, frozen, stillHeld);
        // The files now hold exactly `frozen`: start from it instead of parsing what was just written.
        current = { view: createHistoryView(frozen.slice()), ...compacted(seq, keys) };
        version += 1;
        return ok(result);
      });
    },

    async exportCsv(filter) {
      const listed = await sortedEntries(filter);
      return listed.ok ? ok(toCsv(listed.value)) : listed;
    },

    async exportJson(filter) {
      const listed = await sortedEntries(filter);
      return listed.ok ? ok(toJson(listed.value)) : listed;
    },
  };
}
