// Damage, moved aside and never deleted (docs/style.md §22): a corrupt file as a whole, damaged journal lines alone.
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type AppError, type Result } from '../../../shared/result.js';
import { quarantinePath } from '../storage/damaged-file.js';
import { syncDirectory, writeFileAtomic } from '../storage/atomic-write.js';
import { toResult } from './history-failure.js';
import { load, loadLocked } from './history-load.js';
import { withFileLock, type LockOptions } from '../storage/data-file-lock.js';
import { compacted, CorruptFileError, type HistoryContext, type State } from './history-state.js';
import { writeSnapshot } from './history-write.js';

/** Moves a corrupt file aside (never deletes or overwrites it) and returns the error that names where it went. */
export async function moveAside(ctx: HistoryContext, error: CorruptFileError): Promise<AppError> {
  const target = quarantinePath(error.file, ctx.clock);
  await rename(error.file, target);
  await syncDirectory(ctx.directory);
  ctx.cache.current = null;
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
export async function quarantineDamagedLines(
  ctx: HistoryContext,
  state: State,
  stillHeld: () => boolean,
): Promise<AppError> {
  // history.corrupt-<time>.journal-lines, named as every quarantined copy is.
  const target = quarantinePath(join(ctx.directory, 'history.journal-lines'), ctx.clock);
  const lines = state.journalDamaged;
  await writeFileAtomic(target, lines.map((damaged) => `${damaged.text}\n`).join(''));
  Object.assign(state, compacted(state.seq, await writeSnapshot(ctx, state.seq, state.view.entries, stillHeld)));
  ctx.cache.version += 1;
  const where = lines.map((damaged) => `line ${damaged.line} (${damaged.reason})`).join(', ');
  return {
    code: LocalErrorCode.HistoryCorrupt,
    message: `${lines.length} damaged line(s) of ${ctx.journalPath} (${where}) were moved to ${target}; every other entry is kept.`,
  };
}

/**
 * Loads inside the lock, moving corrupt files aside first (a write goes on with a fresh file after the move), and
 * damaged journal lines too (the rest of the journal stays).
 */
export async function loadForWrite(ctx: HistoryContext, stillHeld: () => boolean): Promise<State> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const state = await loadLocked(ctx);
      // Not `onCorrupt?.(await …)`: optional chaining would skip the argument, and the move, without a listener.
      if (state.journalDamaged.length > 0) ctx.report(await quarantineDamagedLines(ctx, state, stillHeld));
      return state;
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      ctx.report(await moveAside(ctx, error));
    }
  }
  return loadLocked(ctx);
}

/**
 * A read without the lock, unless there is damage to move aside: then under it (looking again first, as a writer may
 * have fixed it meanwhile). A corrupt file is answered as the error that names where it went.
 */
export async function readHistory(ctx: HistoryContext, lockOptions: LockOptions): Promise<Result<State>> {
  try {
    const state = await load(ctx, false);
    if (state.journalDamaged.length === 0) return ok(state);
    // Damaged lines are skipped by the read already; under the lock they are moved aside so the journal is whole again.
    return await withFileLock(ctx.snapshotPath, lockOptions, async (stillHeld) =>
      ok(await loadForWrite(ctx, stillHeld)),
    );
  } catch (error) {
    if (!(error instanceof CorruptFileError)) return toResult(ctx, error);
  }
  // Corrupt: under the lock, look again (a writer may have fixed it meanwhile), then move it aside and report.
  try {
    return await withFileLock(ctx.snapshotPath, lockOptions, async (): Promise<Result<State>> => {
      try {
        return ok(await loadLocked(ctx));
      } catch (error) {
        if (!(error instanceof CorruptFileError)) throw error;
        const reported = await moveAside(ctx, error);
        return err(reported.code, reported.message);
      }
    });
  } catch (error) {
    return toResult(ctx, error);
  }
}
