// A data file that cannot be opened at start (not JSON, a schema it breaks, a half-written copy from another tool)
// is moved aside, never deleted, and a fresh one takes its place, so the app comes up with what can be read and
// says which file it was, where the damaged copy went and what to do. Renames only: the bytes stay for the user.
import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Clock } from '../../../shared/clock.js';
import type { DamagedFile } from '../../../shared/ipc/types.js';

export interface DamagedFileDeps {
  clock: Clock;
  exists?: (path: string) => boolean;
  rename?: (from: string, to: string) => void;
}

/** `<name>.corrupt-<ISO time>.<ext>` beside the file, as the history store names its quarantined copies. */
export function quarantinePath(file: string, clock: Clock, exists: (path: string) => boolean = existsSync): string {
  const extension = extname(file);
  const stem = basename(file, extension);
  const stamp = new Date(clock()).toISOString().replace(/[:.]/g, '-');
  let target = join(dirname(file), `${stem}.corrupt-${stamp}${extension}`);
  for (let suffix = 1; exists(target) && suffix < 100; suffix += 1)
    target = join(dirname(file), `${stem}.corrupt-${stamp}-${suffix}${extension}`);
  return target;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `open()` once; if it throws while `file` exists, the file is moved aside and `open()` runs again on a fresh file.
 * Returns what opened and the damage it repaired (null when none). Throws when even a fresh file cannot be opened
 * (the folder itself is unusable): that is a start-up failure for a dialog, not something to paper over.
 */
export function openRepairing<T>(
  file: string,
  open: () => T,
  deps: DamagedFileDeps,
): { value: T; damaged: DamagedFile | null } {
  const exists = deps.exists ?? existsSync;
  const rename = deps.rename ?? renameSync;
  try {
    return { value: open(), damaged: null };
  } catch (error) {
    if (!exists(file)) throw error;
    const movedTo = quarantinePath(file, deps.clock, exists);
    rename(file, movedTo);
    return { value: open(), damaged: { file, movedTo, reason: reasonOf(error) } };
  }
}

/** A data file found damaged and moved aside; the message names it and its copy. Turned into Taper.DataFile.Damaged. */
export class DataFileDamagedError extends Error {}
