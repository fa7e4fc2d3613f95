// Writing the history under the lock: one fsync'd journal line per change, or a whole new snapshot when a compaction
// is due (atomic tmp + fsync + rename, then the journal emptied).
import { closeSync, fdatasync as fdatasyncCallback, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { HistoryEntry } from '../../../shared/history.js';
import { syncDirectory, writeFileAtomic } from '../storage/atomic-write.js';
import { keyOf, statKey, type FileKey } from './history-files.js';
import { serializeJournalRecord, serializeSnapshot, type JournalRecord } from './history-format.js';
import { LockCompromisedError } from '../storage/data-file-lock.js';
import { compacted, type HistoryContext, type State } from './history-state.js';

/** Journal records folded into the snapshot at once: bounds load time and the cost of one compaction. */
export const COMPACT_EVERY = 500;

const fdatasync = promisify(fdatasyncCallback);

/** Replaces history.json, then empties the journal; returns both files' new identities. */
export async function writeSnapshot(
  ctx: HistoryContext,
  seq: number,
  entries: readonly HistoryEntry[],
  stillHeld: () => boolean,
): Promise<{ snapshotKey: FileKey | null; journalKey: FileKey | null }> {
  const text = serializeSnapshot(seq, entries, ctx.serialize);
  if (!stillHeld()) throw new LockCompromisedError('the lock was taken over by another process');
  await writeFileAtomic(ctx.snapshotPath, text);
  if (ctx.afterSnapshotReplaced !== undefined) await ctx.afterSnapshotReplaced();
  // Only now may the journal go: the snapshot holds everything in it (and seq makes a replay harmless anyway).
  await truncate(ctx.journalPath, 0).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  // Under the lock nobody else writes: these are the files just written.
  return { snapshotKey: statKey(ctx.snapshotPath), journalKey: statKey(ctx.journalPath) };
}

/** Appends one fsync'd line; returns the journal's new identity, or null if it is not what this line alone explains. */
export async function appendJournal(
  ctx: HistoryContext,
  state: State,
  record: JournalRecord,
  stillHeld: () => boolean,
): Promise<{ key: FileKey; validLength: number } | null> {
  const line = serializeJournalRecord(record, ctx.serialize);
  if (!stillHeld()) throw new LockCompromisedError('the lock was taken over by another process');
  const bytes = Buffer.from(line);
  const validBefore = state.journalValidLength;
  // Synchronous except for the fdatasync (see statKey): open, write and close of one line take microseconds.
  const fd = openSync(ctx.journalPath, 'a', 0o600);
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
  if (state.journalKey === null) await syncDirectory(ctx.directory);
  return written;
}

/** Saves `changed` (new or replaced) as one change: a journal line, or a compaction when due; then applies it here. */
export async function commit(
  ctx: HistoryContext,
  state: State,
  changed: HistoryEntry,
  stillHeld: () => boolean,
): Promise<void> {
  const seq = state.seq + 1;
  const baseVersion = ctx.cache.version;
  // Another call of this process may have read our line already (it is visible before the fsync returns): then it
  // holds the change, and applying it again would count the line twice.
  const untouched = () => ctx.cache.current === state && ctx.cache.version === baseVersion;
  if (state.snapshotKey === null || state.snapshotOutdated || state.journalRecords + 1 >= COMPACT_EVERY) {
    const isNew = state.view.get(changed.id) === undefined;
    const entries = isNew
      ? [...state.view.entries, changed]
      : state.view.entries.map((entry) => (entry.id === changed.id ? changed : entry));
    const keys = await writeSnapshot(ctx, seq, entries, stillHeld);
    if (!untouched()) return;
    state.view.upsert(changed);
    Object.assign(state, compacted(seq, keys));
    ctx.cache.version += 1;
    return;
  }
  const written = await appendJournal(ctx, state, { seq, entry: changed }, stillHeld);
  if (!untouched()) return;
  // Not explained by our line alone (cannot happen under the lock): the next load reads the tail itself.
  if (written === null) return;
  state.view.upsert(changed);
  state.seq = seq;
  state.journalRecords += 1;
  state.journalKey = written.key;
  state.journalValidLength = written.validLength;
  state.journalIsPrefix = true;
  ctx.cache.version += 1;
}
