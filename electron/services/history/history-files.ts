// history.json and history.journal as files: their identities (to tell when another process changed them) and the
// reads that take a whole file or only a journal's new tail.
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';

/** What tells one version of a file from another without reading it. */
export interface FileKey {
  ino: number;
  size: number;
  mtimeMs: number;
}

export const sameKey = (a: FileKey | null, b: FileKey | null): boolean =>
  a === b || (a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs);

export const keyOf = (info: Stats): FileKey => ({ ino: info.ino, size: info.size, mtimeMs: info.mtimeMs });

export const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The identity of a file, null when it does not exist. Synchronous, like the journal's small writes below: a stat is
 * a few µs of kernel work, less than one thread-pool round trip of the async form (which a busy event loop, e.g. one
 * serving HTTP, makes longer still).
 */
export function statKey(path: string): FileKey | null {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? keyOf(info) : null;
}

/**
 * Runs `read` on the file opened for reading, then closes it; null when the file does not exist. Synchronous, like
 * the stat above: the parse that follows is synchronous anyway (~60 ms for 20,000 entries, a read of their file ~3 ms),
 * and a command that reads only history files never loads fs/promises (~2 ms of `taper history`, docs/performance.md).
 */
function withOpenFile<T>(path: string, read: (fd: number) => T | null): T | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  try {
    return read(fd);
  } finally {
    closeSync(fd);
  }
}

/** A whole file with the identity of what was read (one open file: the two always match). */
export async function readWhole(path: string): Promise<{ key: FileKey; text: string } | null> {
  return withOpenFile(path, (fd) => ({ key: keyOf(fstatSync(fd)), text: readFileSync(fd, 'utf8') }));
}

/**
 * The journal's complete lines from byte `offset` on, if the file is still the one (same inode) and did not shrink
 * below `offset`; null otherwise (the caller reads everything again). Lines are only ever appended after `offset`.
 */
export async function readJournalTail(
  path: string,
  ino: number,
  offset: number,
): Promise<{ key: FileKey; text: string } | null> {
  return withOpenFile(path, (fd) => {
    const key = keyOf(fstatSync(fd));
    if (key.ino !== ino || key.size < offset) return null;
    const buffer = Buffer.alloc(key.size - offset);
    let filled = 0;
    // Bounded: each read returns > 0 bytes until the buffer is full or the file ends.
    while (filled < buffer.length) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // Only up to the last newline: a line still being written is read next time, whole.
    const end = buffer.subarray(0, filled).lastIndexOf(0x0a) + 1;
    return { key, text: buffer.toString('utf8', 0, end) };
  });
}
