// The CLI's cache files (V8's compiled code, the zone days it learned) are read into a process that holds the
// SecretKey, and what they say is run or shown as fact. So only a file nobody else could have written is read, and
// each is written privately and renamed into place.
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';

/** What became of a read: only `hit` has data. */
export type PrivateReadState = 'hit' | 'missing' | 'untrusted';

/**
 * A regular file (not a link) whose folder and itself belong to `uid` and are writable by nobody else. The folder may
 * be reached through a link (a cache folder moved to another disk): its target is what is checked.
 */
export function readPrivateFile(
  file: string,
  uid: number | undefined,
): { data: Buffer | undefined; state: PrivateReadState } {
  let stats: Stats;
  try {
    stats = lstatSync(file);
  } catch {
    return { data: undefined, state: 'missing' };
  }
  try {
    if (!stats.isFile() || !ownedPrivately(stats, uid) || !ownedPrivately(statSync(dirname(file)), uid)) {
      return { data: undefined, state: 'untrusted' };
    }
    return { data: readFileSync(file), state: 'hit' };
  } catch {
    return { data: undefined, state: 'missing' };
  }
}

/** POSIX owner check; `uid` undefined on Windows, where mode bits mean nothing. */
export function ownedPrivately(stats: Stats, uid: number | undefined): boolean {
  if (uid === undefined) return true;
  return stats.uid === uid && (stats.mode & 0o022) === 0;
}

/**
 * Writes `data` as `file` through a private temporary name and a rename: a concurrent `taper` reads the old file or
 * the new one, never half of one. An untrusted file is replaced, not reused. False when the folder is not private.
 * Throws on I/O errors; callers of a cache ignore them.
 */
export function writePrivateFile(file: string, data: Buffer | string, uid: number | undefined): boolean {
  const directory = dirname(file);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  if (!ownedPrivately(statSync(directory), uid)) return false;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data, { mode: 0o600, flag: 'wx' });
  renameSync(temporary, file);
  return true;
}
