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
import { join } from 'node:path';
import type { Clock } from '../../../shared/clock.js';
import { unixSeconds } from '../../../shared/clock.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { HistoryEntry, HistoryFilter } from '../../../shared/history.js';
import { err, ok, type AppError, type Result } from '../../../shared/result.js';
import type { HistoryPort } from '../app-services.js';
import { toCsv, toJson } from './history-export.js';
import { toResult } from './history-failure.js';
import { filterEntries } from './history-entry-filter.js';
import { withFileLock } from '../storage/data-file-lock.js';
import { loadForWrite, readHistory } from './history-repair.js';
import { compacted, createEntrySerializer, deepFreeze, type HistoryContext, type State } from './history-state.js';
import { createHistoryIndex } from './history-index.js';
import { commit, COMPACT_EVERY, writeSnapshot } from './history-write.js';

export { COMPACT_EVERY };
export const HISTORY_FILE = 'history.json';
export const JOURNAL_FILE = 'history.journal';

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

export function createHistoryStore(options: HistoryStoreOptions): HistoryStore {
  const { directory, clock } = options;
  // Wrapped, not `?? randomUUID`: reading the export would load node:crypto in commands that only read (the CLI loads
  // built-ins on first use, build/build.mjs).
  const newId = options.newId ?? (() => randomUUID());
  const snapshotPath = join(directory, HISTORY_FILE);
  const journalPath = join(directory, JOURNAL_FILE);
  const lockOptions = { timeoutMs: options.lockTimeoutMs ?? 15_000, staleMs: options.lockStaleMs ?? 10_000 };
  const now = () => unixSeconds(clock);

  const ctx: HistoryContext = {
    directory,
    snapshotPath,
    journalPath,
    clock,
    serialize: createEntrySerializer(),
    afterSnapshotReplaced: options.afterSnapshotReplaced,
    report: (error) => options.onCorrupt?.(error),
    cache: { current: null, version: 0 },
  };

  async function locked<T>(work: (state: State, stillHeld: () => boolean) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await withFileLock(snapshotPath, lockOptions, async (stillHeld) =>
        work(await loadForWrite(ctx, stillHeld), stillHeld),
      );
    } catch (error) {
      return toResult(ctx, error);
    }
  }

  const read = () => readHistory(ctx, lockOptions);

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
        await commit(ctx, state, entry, stillHeld);
        return ok(entry);
      });
    },

    update(id, patch) {
      return locked(async (state, stillHeld) => {
        const existing = state.view.get(id);
        if (!existing) return err(LocalErrorCode.TaskNotFound, `No history entry with id ${id}.`);
        const entry = deepFreeze({ ...existing, ...patch, id, updatedAt: now() });
        await commit(ctx, state, entry, stillHeld);
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
        const keys = await writeSnapshot(ctx, seq, frozen, stillHeld);
        // The files now hold exactly `frozen`: start from it instead of parsing what was just written.
        ctx.cache.current = { view: createHistoryIndex(frozen.slice()), ...compacted(seq, keys) };
        ctx.cache.version += 1;
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
