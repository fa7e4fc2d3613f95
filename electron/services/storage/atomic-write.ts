// Replaces a file so that a crash at any instant leaves either the old or the new content, never a mix:
// write a temp file in the same directory, fsync it, rename over the target, fsync the directory (so the rename
// itself survives a power cut). conf does tmp + rename but not the fsyncs.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations a write needs: node:fs/promises, or a stand-in that fails on purpose in a test. */
export type AtomicWriteFileSystem = Pick<typeof import('node:fs/promises'), 'open' | 'rename' | 'rm'>;

/** Built per write, not at load: the CLI loads fs/promises lazily, and reading its functions here would load it. */
const nodeFs = (): AtomicWriteFileSystem => ({ open, rename, rm });

export async function writeFileAtomic(
  path: string,
  data: string,
  mode = 0o600,
  fs: AtomicWriteFileSystem = nodeFs(),
): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temporary, 'w', mode);
    try {
      await handle.chmod(mode); // The umask may have removed bits from `mode`; the file must be exactly `mode`.
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path), fs);
}

/** fsyncs a directory so a rename or a new file in it is durable (not supported on Windows: skipped there). */
export async function syncDirectory(
  directory: string,
  fs: Pick<AtomicWriteFileSystem, 'open'> = nodeFs(),
): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
