// plans.json in the data directory: planned links and series. Every change is a read-modify-write under the same
// cross-process lock the history uses, and every write is atomic (tmp + fsync + rename, mode 0600): the tray app and
// a cron `taper sync` may run at once, and a crash must never lose or duplicate a plan.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { emptyPlans, type PlansDocument } from '../../../shared/schedule/plans.js';
import { writeFileAtomic } from '../history/atomic-write.js';
import { LockCompromisedError, LockTimeoutError, withFileLock } from '../history/history-lock.js';

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
   * Runs `work` on the current plans under the lock; the document it returns is written (if it changed).
   * `work` may call `save` to persist intermediate states. Errors of `work` itself must be values inside T.
   */
  transact<T>(work: (document: PlansDocument, save: SavePlans) => Promise<{ document: PlansDocument; result: T }>): Promise<Result<T>>;
}

class PlansFileError extends Error {}

function parsePlans(text: string, path: string): PlansDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PlansFileError(`${path} is not valid JSON; it was left untouched. Fix or move it aside.`);
  }
  const document = raw as Partial<PlansDocument> | null;
  if (typeof document !== 'object' || document === null || typeof document.version !== 'number') {
    throw new PlansFileError(`${path} is not a Taper plans file; it was left untouched.`);
  }
  if (document.version > 1) throw new PlansFileError(`${path} was written by a newer Taper (format ${document.version}); update Taper.`);
  if (!Array.isArray(document.recordings) || !Array.isArray(document.series)) {
    throw new PlansFileError(`${path} lacks its recordings or series; it was left untouched.`);
  }
  return document as PlansDocument;
}

export function createPlanStore(options: PlanStoreOptions): PlanStore {
  const path = join(options.directory, PLANS_FILE);
  const lockOptions = { timeoutMs: options.lockTimeoutMs ?? 120_000, staleMs: options.lockStaleMs ?? 10_000 };

  async function load(): Promise<PlansDocument> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyPlans();
      throw error;
    }
    return parsePlans(text, path);
  }

  function failure<T>(error: unknown): Result<T> {
    // Not a history file, but the same kind of failure: the data directory's file could not be used.
    if (error instanceof PlansFileError) return err(LocalErrorCode.SettingsUnavailable, error.message);
    if (error instanceof LockTimeoutError) return err(LocalErrorCode.SettingsUnavailable, `The plans could not be changed: ${error.message}.`);
    const reason = error instanceof Error ? error.message : String(error);
    return err(LocalErrorCode.SettingsUnavailable, `The plans file ${path} could not be read or written: ${reason}`);
  }

  return {
    async read() {
      try {
        return ok(await load());
      } catch (error) {
        return failure(error);
      }
    },
    async transact(work) {
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
        return ok(value);
      } catch (error) {
        return failure(error);
      }
    },
  };
}
