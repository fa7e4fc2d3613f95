// The durable task history: history.json (a versioned snapshot) + history.journal (changes since the snapshot).
//
// Why not conf here (it is used for settings.json): conf validates the whole document with ajv and rewrites the whole
// file on every set, has no cross-process lock, and does not fsync. At 20,000 entries (~8 MB) a full rewrite per
// append costs 40-100 ms on this machine; appending one fsync'ed journal line costs ~1-3 ms. The journal is folded
// into the snapshot (atomic tmp + fsync + rename) every COMPACT_EVERY records, on mutate(), and on the first write.
// Every write runs under an exclusive cross-process lock and re-reads both files inside it, so two processes never
// lose each other's entries. Reads need no lock: both files only change by atomic rename or by appending whole lines.
import { randomUUID } from 'node:crypto';
import { open, rename, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../../shared/clock.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { HistoryEntry, HistoryFilter } from '../../../shared/history.js';
import { err, ok, type AppError, type Result } from '../../../shared/result.js';
import type { HistoryPort } from '../app-services.js';
import { syncDirectory, writeFileAtomic } from './atomic-write.js';
import { toCsv, toJson } from './history-export.js';
import { filterEntries, newestFirst } from './history-filter.js';
import { parseJournal, parseSnapshot, serializeJournalRecord, serializeSnapshot, type JournalRecord } from './history-format.js';
import { LockCompromisedError, LockTimeoutError, withFileLock } from './history-lock.js';

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
  /** Lock wait limit (ms) before a write fails with `Taper.History.Unavailable`. */
  lockTimeoutMs?: number;
  /** A lock not refreshed for this long is taken over. */
  lockStaleMs?: number;
}

export type HistoryStore = HistoryPort;

/** The merged view of snapshot + journal. */
interface State {
  /** Insertion order (oldest first), frozen entries. */
  entries: HistoryEntry[];
  byId: Map<string, number>;
  /** Highest sequence number seen (snapshot or journal). */
  seq: number;
  snapshotExists: boolean;
  /** history.json is in an older layout (migrated in memory): the next write rewrites it. */
  snapshotOutdated: boolean;
  journalRecords: number;
  /** Bytes of complete journal lines (a torn tail beyond it is cut off before the next append). */
  journalValidLength: number;
  journalSize: number;
  sorted?: HistoryEntry[];
}

interface FileKey {
  ino: number;
  size: number;
  mtimeMs: number;
}

const sameKey = (a: FileKey | null, b: FileKey | null): boolean =>
  a === b || (a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs);

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

export function createHistoryStore(options: HistoryStoreOptions): HistoryStore {
  const { directory, clock } = options;
  const newId = options.newId ?? randomUUID;
  const snapshotPath = join(directory, HISTORY_FILE);
  const journalPath = join(directory, JOURNAL_FILE);
  const lockOptions = { timeoutMs: options.lockTimeoutMs ?? 15_000, staleMs: options.lockStaleMs ?? 10_000 };
  const now = () => Math.floor(clock() / 1000);

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

  let snapshotCache: { key: FileKey | null; seq: number; outdated: boolean; entries: HistoryEntry[]; byId: Map<string, number> } | null = null;
  let journalCache: { key: FileKey | null; records: JournalRecord[]; validLength: number } | null = null;
  let stateCache: { snapshotKey: FileKey | null; journalKey: FileKey | null; state: State } | null = null;

  async function readIfChanged(path: string, cached: FileKey | null | undefined): Promise<{ key: FileKey | null; text: string | null; changed: boolean }> {
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { key: null, text: null, changed: cached !== null };
      throw error;
    }
    try {
      const info = await handle.stat();
      const key = { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
      if (cached !== undefined && sameKey(cached, key)) return { key, text: null, changed: false };
      return { key, text: await handle.readFile('utf8'), changed: true };
    } finally {
      await handle.close();
    }
  }

  /**
   * The current state. The journal is read BEFORE the snapshot: a compaction renames the new snapshot in before it
   * empties the journal, so whatever interleaving happens, the snapshot read is at least as new as the journal's base
   * and journal records it already holds are skipped by sequence number.
   */
  async function load(): Promise<State> {
    const journal = await readIfChanged(journalPath, journalCache ? journalCache.key : undefined);
    if (journal.changed) {
      if (journal.text === null) journalCache = { key: null, records: [], validLength: 0 };
      else {
        const parsed = parseJournal(journal.text);
        if (parsed.kind !== 'ok') throw new CorruptFileError(journalPath, parsed.kind === 'corrupt' ? parsed.reason : 'unknown layout');
        journalCache = { key: journal.key, records: parsed.value.records, validLength: parsed.value.validLength };
      }
    }
    const snapshot = await readIfChanged(snapshotPath, snapshotCache ? snapshotCache.key : undefined);
    if (snapshot.changed) {
      if (snapshot.text === null) snapshotCache = { key: null, seq: 0, outdated: false, entries: [], byId: new Map() };
      else {
        const parsed = parseSnapshot(snapshot.text);
        if (parsed.kind === 'newer') throw new NewerFileError(`${snapshotPath} was written by a newer Taper (layout version ${parsed.version}); update Taper to read it.`);
        if (parsed.kind === 'corrupt') throw new CorruptFileError(snapshotPath, parsed.reason);
        const entries = parsed.value.entries.map(deepFreeze);
        snapshotCache = { key: snapshot.key, seq: parsed.value.seq, outdated: parsed.value.migratedFrom !== undefined, entries, byId: new Map(entries.map((entry, index) => [entry.id, index])) };
      }
    }
    const snap = snapshotCache as NonNullable<typeof snapshotCache>;
    const jour = journalCache as NonNullable<typeof journalCache>;
    if (stateCache && sameKey(stateCache.snapshotKey, snap.key) && sameKey(stateCache.journalKey, jour.key)) return stateCache.state;

    const pending = jour.records.filter((record) => record.seq > snap.seq);
    let entries = snap.entries;
    let byId = snap.byId;
    if (pending.length > 0) {
      entries = entries.slice();
      byId = new Map(byId);
      for (const { entry } of pending) {
        const frozen = deepFreeze(entry);
        const index = byId.get(frozen.id);
        if (index === undefined) {
          byId.set(frozen.id, entries.length);
          entries.push(frozen);
        } else entries[index] = frozen;
      }
    }
    const lastJournalSeq = jour.records.length > 0 ? (jour.records[jour.records.length - 1]?.seq ?? 0) : 0;
    const state: State = {
      entries,
      byId,
      seq: Math.max(snap.seq, lastJournalSeq),
      snapshotExists: snap.key !== null,
      snapshotOutdated: snap.outdated,
      journalRecords: jour.records.length,
      journalValidLength: jour.validLength,
      journalSize: jour.key?.size ?? 0,
    };
    stateCache = { snapshotKey: snap.key, journalKey: jour.key, state };
    return state;
  }

  /** Moves a corrupt file aside (never deletes or overwrites it) and returns the error that names where it went. */
  async function moveAside(error: CorruptFileError): Promise<AppError> {
    const stamp = new Date(clock()).toISOString().replace(/[:.]/g, '-');
    const extension = error.file === journalPath ? 'journal' : 'json';
    let target = join(directory, `history.corrupt-${stamp}.${extension}`);
    for (let suffix = 1; (await stat(target).catch(() => null)) !== null && suffix < 100; suffix += 1) {
      target = join(directory, `history.corrupt-${stamp}-${suffix}.${extension}`);
    }
    await rename(error.file, target);
    await syncDirectory(directory);
    if (error.file === journalPath) journalCache = null;
    else snapshotCache = null;
    stateCache = null;
    return {
      code: LocalErrorCode.HistoryCorrupt,
      message: `The history file ${error.file} could not be read (${error.reason}). It was moved to ${target}; nothing in it was deleted. A new history starts now.`,
    };
  }

  /** Loads inside the lock, moving corrupt files aside first (a write goes on with a fresh file after the move). */
  async function loadForWrite(): Promise<State> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        return await load();
      } catch (error) {
        if (!(error instanceof CorruptFileError)) throw error;
        options.onCorrupt?.(await moveAside(error));
      }
    }
    return load();
  }

  function toResult<T>(error: unknown): Result<T> {
    if (error instanceof NewerFileError) return err(LocalErrorCode.HistoryUnavailable, error.message);
    if (error instanceof LockTimeoutError || error instanceof LockCompromisedError) {
      return err(LocalErrorCode.HistoryUnavailable, `The history could not be written: ${error.message}.`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return err(LocalErrorCode.HistoryUnavailable, `The history in ${directory} could not be read or written: ${reason}`);
  }

  async function writeSnapshot(seq: number, entries: readonly HistoryEntry[], stillHeld: () => boolean): Promise<void> {
    const text = serializeSnapshot(seq, entries, serialize);
    if (!stillHeld()) throw new LockCompromisedError('the lock was taken over by another process');
    await writeFileAtomic(snapshotPath, text);
    // Only now may the journal go: the snapshot holds everything in it (and seq makes a replay harmless anyway).
    await truncate(journalPath, 0).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async function appendJournal(state: State, record: JournalRecord, stillHeld: () => boolean): Promise<void> {
    const line = serializeJournalRecord(record, serialize);
    if (!stillHeld()) throw new LockCompromisedError('the lock was taken over by another process');
    const handle = await open(journalPath, 'a', 0o600);
    try {
      // A torn line left by a killed writer would swallow this one: cut it off first.
      if (state.journalSize > state.journalValidLength) await handle.truncate(state.journalValidLength);
      await handle.write(line);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (state.journalSize === 0) await syncDirectory(directory);
  }

  /** Saves `changed` entries (new or replaced) as one change: a journal line, or a compaction when due. */
  async function commit(state: State, changed: HistoryEntry, stillHeld: () => boolean): Promise<void> {
    const seq = state.seq + 1;
    if (!state.snapshotExists || state.snapshotOutdated || state.journalRecords + 1 >= COMPACT_EVERY) {
      const entries = state.entries.slice();
      const index = state.byId.get(changed.id);
      if (index === undefined) entries.push(changed);
      else entries[index] = changed;
      await writeSnapshot(seq, entries, stillHeld);
    } else {
      await appendJournal(state, { seq, entry: changed }, stillHeld);
    }
  }

  async function locked<T>(work: (state: State, stillHeld: () => boolean) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await withFileLock(snapshotPath, lockOptions, async (stillHeld) => work(await loadForWrite(), stillHeld));
    } catch (error) {
      return toResult(error);
    }
  }

  async function read(): Promise<Result<State>> {
    try {
      return ok(await load());
    } catch (error) {
      if (!(error instanceof CorruptFileError)) return toResult(error);
    }
    // Corrupt: under the lock, look again (a writer may have fixed it meanwhile), then move it aside and report.
    try {
      return await withFileLock(snapshotPath, lockOptions, async (): Promise<Result<State>> => {
        try {
          return ok(await load());
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
    state.value.sorted ??= newestFirst(state.value.entries);
    return ok(filterEntries(state.value.sorted, filter));
  }

  return {
    list: sortedEntries,

    append(input) {
      return locked(async (state, stillHeld) => {
        const id = input.id ?? newId();
        if (state.byId.has(id)) return err(LocalErrorCode.InvalidInput, `A history entry with id ${id} already exists.`);
        const entry = deepFreeze({ ...input, id, updatedAt: now() } as HistoryEntry);
        await commit(state, entry, stillHeld);
        return ok(entry);
      });
    },

    update(id, patch) {
      return locked(async (state, stillHeld) => {
        const index = state.byId.get(id);
        const current = index === undefined ? undefined : state.entries[index];
        if (!current) return err(LocalErrorCode.TaskNotFound, `No history entry with id ${id}.`);
        const entry = deepFreeze({ ...current, ...patch, id, updatedAt: now() });
        await commit(state, entry, stillHeld);
        return ok(entry);
      });
    },

    async findByTaskId(taskId) {
      const state = await read();
      if (!state.ok) return state;
      // Newest first: sync may have imported a task that an older entry also names.
      let found: HistoryEntry | null = null;
      for (const entry of state.value.entries) if (entry.taskId === taskId && (found === null || entry.createdAt >= found.createdAt)) found = entry;
      return ok(found);
    },

    mutate(change) {
      return locked(async (state, stillHeld) => {
        const { entries, result } = change(state.entries.slice());
        const frozen = entries.map((entry) => (Object.isFrozen(entry) ? entry : deepFreeze({ ...entry })));
        const ids = new Set<string>();
        for (const entry of frozen) {
          if (ids.has(entry.id)) return err(LocalErrorCode.InvalidInput, `mutate() produced two entries with id ${entry.id}.`);
          ids.add(entry.id);
        }
        await writeSnapshot(state.seq + 1, frozen, stillHeld);
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
