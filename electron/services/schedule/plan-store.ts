// plans.json in the data directory: planned links and series. Every change is a read-modify-write under the same
// cross-process lock the history uses, and every write is atomic (tmp + fsync + rename, mode 0600): the tray app and
// a cron `taper sync` may run at once, and a crash must never lose or duplicate a plan.
import { readFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { emptyPlans, type PlansDocument } from '../../../shared/schedule/plans.js';
import { syncDirectory, writeFileAtomic } from '../storage/atomic-write.js';
import { quarantinePath } from '../storage/damaged-file.js';
import { LockCompromisedError, LockTimeoutError, withFileLock } from '../storage/data-file-lock.js';

export const PLANS_FILE = 'plans.json';

export interface PlanStoreOptions {
  /** The data directory (must exist). */
  directory: string;
  /** Lock wait limit (ms); a scheduler run holds the lock while it creates tasks, so allow for a long one. */
  lockTimeoutMs?: number;
  /** A lock not refreshed for this long is taken over. */
  lockStaleMs?: number;
}

/** Persists a draft while the transaction still holds the lock (after each created link, so a crash loses nothing). */
export type SavePlans = (document: PlansDocument) => Promise<void>;

export interface PlanStore {
  /** The current plans (no lock: the file only changes by atomic rename). A missing file is an empty document. */
  read(): Promise<Result<PlansDocument>>;
  /**
   * Runs `work` on the current plans under the lock; the document it returns is written (if it changed), even when its
   * result is an error (a work that undoes part of its draft on failure must have that kept). `work` may call `save`
   * to persist intermediate states. Its result is the answer, as the store's own failures are: one Result to check.
   */
  transact<T>(
    work: (document: PlansDocument, save: SavePlans) => Promise<{ document: PlansDocument; result: Result<T> }>,
  ): Promise<Result<T>>;
}

class PlansFileError extends Error {
  constructor(
    message: string,
    /** Damaged (not JSON, not a plans file), as opposed to a newer Taper's: only a damaged file is moved aside. */
    readonly damaged: boolean,
  ) {
    super(message);
  }
}

function parsePlans(text: string, path: string): PlansDocument {
  // `path` names the file only in the newer-Taper message; a damaged file's message is built where it is moved.
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PlansFileError('not valid JSON', true);
  }
  const document = raw as Partial<PlansDocument> | null;
  if (typeof document !== 'object' || document === null || typeof document.version !== 'number') {
    throw new PlansFileError('not a Taper plans file', true);
  }
  if (document.version > 1)
    throw new PlansFileError(`${path} was written by a newer Taper (format ${document.version}); update Taper.`, false);
  if (!Array.isArray(document.recordings) || !Array.isArray(document.series)) {
    throw new PlansFileError('no recordings or series in it', true);
  }
  return document as PlansDocument;
}

export function createPlanStore(options: PlanStoreOptions): PlanStore {
  const path = join(options.directory, PLANS_FILE);
  const lockOptions = { timeoutMs: options.lockTimeoutMs ?? 120_000, staleMs: options.lockStaleMs ?? 10_000 };

  async function load(): Promise<PlansDocument> {
    let text: string;
    try {
      // Synchronous: a small file, and `taper history` (which lists plans) then never loads fs/promises.
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyPlans();
      throw error;
    }
    return parsePlans(text, path);
  }

  /**
   * A damaged plans.json is moved aside under the lock (after a second look: another process may have replaced it
   * meanwhile), as the app does at start and the history store with its own files. The call that found it fails,
   * naming both paths; the next one starts from an empty document.
   */
  async function moveAside(): Promise<Result<never> | null> {
    return withFileLock(path, lockOptions, async () => {
      try {
        await load();
        return null;
      } catch (error) {
        if (!(error instanceof PlansFileError) || !error.damaged) throw error;
        const target = quarantinePath(path, Date.now);
        await rename(path, target);
        await syncDirectory(options.directory);
        return err(
          LocalErrorCode.DataFileDamaged,
          `The plans file ${path} could not be read (${error.message}). It was moved to ${target}; nothing in it was deleted. ` +
            'The planned recordings and series it held are no longer scheduled: add them again, or restore the file from that copy.',
        );
      }
    });
  }

  function failure<T>(error: unknown): Result<T> {
    if (error instanceof PlansFileError) return err(LocalErrorCode.PlansUnavailable, error.message);
    if (error instanceof LockTimeoutError)
      return err(LocalErrorCode.PlansUnavailable, `The plans could not be changed: ${error.message}.`);
    const reason = error instanceof Error ? error.message : String(error);
    return err(LocalErrorCode.PlansUnavailable, `The plans file ${path} could not be read or written: ${reason}`);
  }

  return {
    async read() {
      try {
        return ok(await load());
      } catch (error) {
        if (!(error instanceof PlansFileError && error.damaged)) return failure(error);
      }
      try {
        return (await moveAside()) ?? ok(await load());
      } catch (error) {
        return failure(error);
      }
    },
    async transact(work) {
      try {
        await load();
      } catch (error) {
        if (error instanceof PlansFileError && error.damaged) {
          try {
            const moved = await moveAside();
            if (moved !== null) return moved;
          } catch (moveError) {
            return failure(moveError);
          }
        }
      }
      try {
        const value = await withFileLock(path, lockOptions, async (stillHeld) => {
          const before = await load();
          // What is on disk, in the form save() writes: an unchanged document is not rewritten.
          let written = JSON.stringify(before, null, 2);
          const save: SavePlans = async (document) => {
            if (!stillHeld()) throw new LockCompromisedError('the plans lock was taken over by another process');
            const text = JSON.stringify(document, null, 2);
            if (text === written) return;
            await writeFileAtomic(path, text);
            written = text;
          };
          const { document, result } = await work(structuredClone(before), save);
          await save(document);
          return result;
        });
        return value;
      } catch (error) {
        return failure(error);
      }
    },
  };
}
