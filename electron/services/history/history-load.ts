// Reading the history: from scratch, or (when only the journal grew) just its new lines, into the cached state.
import { parseJournal, parseSnapshot, type DamagedLine, type JournalRecord } from './history-format.js';
import { readJournalTail, readWhole, sameKey, statKey, type FileKey } from './history-files.js';
import { CorruptFileError, deepFreeze, NewerFileError, type HistoryContext, type State } from './history-state.js';
import { createHistoryIndex } from './history-index.js';

/** Applies journal records just read; `locked`: read under the write lock. */
export function applyRecords(state: State, records: readonly JournalRecord[], locked: boolean): void {
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

export function parseJournalText(
  ctx: HistoryContext,
  text: string,
): { records: JournalRecord[]; validLength: number; damaged: DamagedLine[] } {
  const parsed = parseJournal(text);
  if (parsed.kind !== 'ok')
    throw new CorruptFileError(ctx.journalPath, parsed.kind === 'corrupt' ? parsed.reason : 'unknown layout');
  return parsed.value;
}

/**
 * Reads both files from scratch. The journal is read BEFORE the snapshot: a compaction renames the new snapshot in
 * before it empties the journal, so whatever interleaving happens, the snapshot read is at least as new as the
 * journal's base and journal records it already holds are skipped by sequence number.
 */
export async function loadAll(ctx: HistoryContext, locked: boolean): Promise<State> {
  const journal = await readWhole(ctx.journalPath);
  const records = journal === null ? { records: [], validLength: 0, damaged: [] } : parseJournalText(ctx, journal.text);
  const snapshot = await readWhole(ctx.snapshotPath);
  let state: State;
  if (snapshot === null) {
    state = {
      view: createHistoryIndex([]),
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
        `${ctx.snapshotPath} was written by a newer Taper (layout ctx.cache.version ${parsed.version}); update Taper to read it.`,
      );
    if (parsed.kind === 'corrupt') throw new CorruptFileError(ctx.snapshotPath, parsed.reason);
    const { seq, entries, migratedFrom } = parsed.value;
    state = {
      view: createHistoryIndex(entries.map(deepFreeze)),
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
  ctx.cache.current = state;
  ctx.cache.version += 1;
  return state;
}

/**
 * The current state: unchanged files cost two stats; a grown journal costs reading its new lines. `locked`: the
 * caller holds the write lock (nobody else writes meanwhile).
 */
export async function load(ctx: HistoryContext, locked: boolean): Promise<State> {
  // Bounded: a retry happens only when another call of this process changed the state meanwhile.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const base = ctx.cache.current;
    const baseVersion = ctx.cache.version;
    if (base === null) break;
    // Journal first, then the snapshot (see loadAll): an unchanged snapshot proves the tail follows what we hold.
    const journalKey = statKey(ctx.journalPath);
    let tail: { key: FileKey; text: string } | null = null;
    if (!sameKey(base.journalKey, journalKey)) {
      if (
        !base.journalIsPrefix ||
        journalKey === null ||
        (base.journalKey !== null && base.journalKey.ino !== journalKey.ino)
      )
        break;
      tail = await readJournalTail(ctx.journalPath, journalKey.ino, base.journalValidLength);
      if (tail === null) break;
    }
    if (!sameKey(base.snapshotKey, statKey(ctx.snapshotPath))) break;
    if (ctx.cache.current !== base || ctx.cache.version !== baseVersion) continue;
    if (tail !== null) {
      const parsed = parseJournalText(ctx, tail.text);
      applyRecords(base, parsed.records, locked);
      base.journalDamaged.push(...parsed.damaged);
      base.journalValidLength += parsed.validLength;
      base.journalKey = tail.key;
      ctx.cache.version += 1;
    }
    return base;
  }
  return loadAll(ctx, locked);
}

/**
 * Loads inside the lock. A file is judged corrupt only by a full read: a tail read past what this process holds is
 * re-done from scratch first, so a wrong idea of the file here can never get a good file moved aside.
 */
export async function loadLocked(ctx: HistoryContext): Promise<State> {
  try {
    return await load(ctx, true);
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    ctx.cache.current = null;
    return load(ctx, true);
  }
}
