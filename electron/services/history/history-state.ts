// The history as this process holds it between calls (snapshot + journal merged, and the file identities it was read
// at), and the context every part of the store shares: paths, clock, test seams and that cached state.
import type { Clock } from '../../../shared/clock.js';
import type { HistoryEntry } from '../../../shared/history.js';
import type { AppError } from '../../../shared/result.js';
import type { FileKey } from './history-files.js';
import type { DamagedLine } from './history-format.js';
import type { HistoryIndex } from './history-index.js';

/**
 * The merged view of snapshot + journal and the file identities it was read at. Kept between calls and brought up to
 * date in place: when only the journal grew, only its new tail is read; after this process's own append, nothing is
 * read at all (the record is applied and the journal's new identity remembered).
 */
export interface State {
  view: HistoryIndex;
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

/** The state's file fields right after a compaction to `seq`: the snapshot holds everything, the journal is empty. */
export const compacted = (
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

/** A file that cannot be parsed: moved aside, never deleted. */
export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}
/** A file written by a newer Taper: left alone, and nothing is written. */
export class NewerFileError extends Error {}

/** Entries are frozen, so the view can hand them out and reuse their JSON. */
export function deepFreeze(entry: HistoryEntry): HistoryEntry {
  if (entry.error) {
    if (entry.error.problems) Object.freeze(entry.error.problems);
    Object.freeze(entry.error);
  }
  return Object.freeze(entry);
}

/** `current` is the last state read or written (null: read everything on next use). */
export interface HistoryCache {
  current: State | null;
  /**
   * Bumped on every in-place change of `current`. Calls of this process interleave at their awaits (a lock-free
   * list() while a write fsyncs): a change is applied only if nothing changed `current` since it was read.
   */
  version: number;
}

/** What the store's parts share; built once by createHistoryStore. */
export interface HistoryContext {
  directory: string;
  snapshotPath: string;
  journalPath: string;
  clock: Clock;
  /** JSON of an entry, reused for unchanged (frozen) entries when the snapshot is rewritten. */
  serialize: (entry: HistoryEntry) => string;
  /** See HistoryStoreOptions.afterSnapshotReplaced. */
  afterSnapshotReplaced: (() => Promise<void>) | undefined;
  /** Tells HistoryStoreOptions.onCorrupt, if any, that a file or lines were moved aside. */
  report: (error: AppError) => void;
  cache: HistoryCache;
}

/** JSON of each entry, kept while the entry lives: entries are frozen, so an unchanged one is never serialized twice. */
export function createEntrySerializer(): (entry: HistoryEntry) => string {
  const serialized = new WeakMap<HistoryEntry, string>();
  return (entry) => {
    let text = serialized.get(entry);
    if (text === undefined) {
      text = JSON.stringify(entry);
      serialized.set(entry, text);
    }
    return text;
  };
}
