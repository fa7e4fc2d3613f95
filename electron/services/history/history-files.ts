// history.json and history.journal as files: their identities (to tell when another process changed them) and the
// reads that take a whole file or only a journal's new tail.
import { statSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

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
 * serving HTTP, makes longer still). Reading and parsing whole files stays async.
 */
export function statKey(path: string): FileKey | null {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? keyOf(info) : null;
}

/** Runs `read` on the file opened for reading, then closes it; null when the file does not exist. */
async function withOpenFile<T>(path: string, read: (handle: FileHandle) => Promise<T | null>): Promise<T | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  try {
    return await read(handle);
  } finally {
    await handle.close();
  }
}

/** A whole file with the identity of what was read (one open file: the two always match). */
export function readWhole(path: string): Promise<{ key: FileKey; text: string } | null> {
  return withOpenFile(path, async (handle) => ({
    key: keyOf(await handle.stat()),
    text: await handle.readFile('utf8'),
  }));
}

/**
 * The journal's complete lines from byte `offset` on, if the file is still the one (same inode) and did not shrink
 * below `offset`; null otherwise (the caller reads everything again). Lines are only ever appended after `offset`.
 */
export function readJournalTail(
  path: string,
  ino: number,
  offset: number,
): Promise<{ key: FileKey; text: string } | null> {
  return withOpenFile(path, async (handle) => {
    const key = keyOf(await handle.stat());
    if (key.ino !== ino || key.size < offset) return null;
    const buffer = Buffer.alloc(key.size - offset);
    let filled = 0;
    // Bounded: each read returns > 0 bytes until the buffer is full or the file ends.
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // Only up to the last newline: a line still being written is read next time, whole.
    const end = buffer.subarray(0, filled).lastIndexOf(0x0a) + 1;
    return { key, text: buffer.toString('utf8', 0, end) };
  });
}
