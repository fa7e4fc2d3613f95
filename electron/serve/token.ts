// The access token of `taper serve`: 256 random bits per run, or the one kept in the `--token-file` the user asked
// for (read only when no one else may read it, created 0600 otherwise). The token is printed once, in the URL on
// stdout; it is never logged and never written to the data directory.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../shared/result.js';

/** base64url of at least 16 bytes (128 bits): what a token file may hold. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,512}$/;

/** A fresh token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface TokenFileSystem {
  platform: NodeJS.Platform;
  /** The running user's uid (POSIX), checked against the file's owner. */
  uid: number | undefined;
}

const problem = (path: string, reason: string): Result<string> =>
  err(LocalErrorCode.CredentialsMissing, `The token file ${path} ${reason}`);

/** Reads the token from an existing file; null when there is none. Refuses a file others may read or write. */
async function readTokenFile(path: string, system: TokenFileSystem): Promise<Result<string> | null> {
  let handle;
  try {
    // O_NOFOLLOW: a symlink planted at the path is refused, not followed to someone else's file.
    handle = await open(
      path,
      system.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NOFOLLOW,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') return problem(path, 'is a symbolic link; give the path of the file itself.');
    return problem(path, `cannot be read: ${code ?? 'error'}.`);
  }
  try {
    // Checked on the open file, so what is checked is what is read.
    const info = await handle.stat();
    if (!info.isFile()) return problem(path, 'is not a regular file.');
    // NTFS has ACLs instead of mode bits: the check applies where the mode means something.
    if (system.platform !== 'win32') {
      if ((info.mode & 0o077) !== 0)
        return problem(
          path,
          `may be read or written by others (mode ${(info.mode & 0o777).toString(8)}); run chmod 600 on it.`,
        );
      if (system.uid !== undefined && info.uid !== system.uid) return problem(path, 'belongs to another user.');
    }
    const token = (await handle.readFile('utf8')).trim();
    if (!TOKEN_PATTERN.test(token))
      return problem(
        path,
        'does not hold a token (at least 22 base64url characters, 128 bits); delete it to get a new one.',
      );
    return ok(token);
  } finally {
    await handle.close();
  }
}

/** Creates the file with a fresh token, 0600 in a 0700 parent (never replacing one made meanwhile). */
async function createTokenFile(path: string): Promise<Result<string> | null> {
  const token = newToken();
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(`${token}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    return ok(token);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return null; // Another `taper serve` created it first: read that one.
    return problem(path, `could not be created: ${code ?? 'error'}.`);
  }
}

/** The token kept in `path`: read when the file exists, else created. */
export async function tokenFromFile(path: string, system: TokenFileSystem): Promise<Result<string>> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const existing = await readTokenFile(path, system);
    if (existing !== null) return existing;
    const created = await createTokenFile(path);
    if (created !== null) return created;
  }
  return problem(path, 'appeared and disappeared while it was being created; try again.');
}
