// The cross-process lock around every write of a data file (history, plans, settings): `<file>.lock`, a file created
// exclusively ('wx') whose content is the owner note. Its mtime is kept fresh while held; it is taken over once stale
// (`staleMs`), or at once when the note names a dead process on this host. Earlier builds used proper-lockfile: a
// DIRECTORY at the same path with the note inside, same staleness rule. Either kind of lock makes the other's create
// fail with EEXIST, so an old and a new Taper still exclude each other, and an old one's lock is read and broken here
// like a new one.
//
// Why not proper-lockfile any more: a take + release cost ~10 async fs round trips (mkdir, stat, note write, then a
// recursive rm: lstat, rmdir ENOTEMPTY, readdir, unlink, rmdir), 1-2 ms of every history write, with rmdir alone
// 0.1-0.4 ms here. A file lock is one create + write and one unlink (~30 µs), made as synchronous calls: each is a few
// µs of kernel work, less than one thread-pool round trip of its async form.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { link, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockOptions {
  /** Give up after this long (the caller reports `Taper.History.Unavailable`). */
  timeoutMs: number;
  /** A lock not refreshed for this long is taken over (crashed holder on another host, or pid unknown). */
  staleMs: number;
}

export class LockTimeoutError extends Error {}
export class LockCompromisedError extends Error {}

interface Owner {
  pid: number;
  host: string;
  token: string;
}

/** The note inside a lock directory left by an earlier (proper-lockfile) build. */
const LEGACY_OWNER_FILE = 'owner.json';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // Exists, owned by someone else.
  }
}

function parseOwner(text: string): Owner | null {
  try {
    const owner = JSON.parse(text) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string'
      ? (owner as Owner)
      : null;
  } catch {
    return null;
  }
}

/** The owner note of a lock (file, or an earlier build's directory); null if none yet (a holder between create and write). */
async function readOwner(lockPath: string): Promise<Owner | null> {
  const text = await readFile(lockPath, 'utf8').catch((error: NodeJS.ErrnoException) =>
    error.code === 'EISDIR' ? readFile(join(lockPath, LEGACY_OWNER_FILE), 'utf8').catch(() => '') : '',
  );
  return parseOwner(text);
}

/** The token in the lock's note right now (null: no lock, no note, or an earlier build's lock). Synchronous: see the header. */
function currentToken(lockPath: string): string | null {
  try {
    return parseOwner(readFileSync(lockPath, 'utf8'))?.token ?? null;
  } catch {
    return null;
  }
}

/** A holder writes its owner note right after the create; a lock still without one after this long was abandoned. */
const NOTELESS_GRACE_MS = 2_000;

interface Seen {
  owner: Owner | null;
  ageMs: number;
}

/** Not refreshed for `staleMs`; or its owner is a dead process on this host; or it never got a note. */
const abandoned = (options: LockOptions) => (seen: Seen) =>
  seen.ageMs > options.staleMs ||
  (seen.owner === null ? seen.ageMs >= NOTELESS_GRACE_MS : seen.owner.host === hostname() && !isAlive(seen.owner.pid));

/**
 * Removes the lock if it is abandoned. It is moved aside first and looked at again there: if its note changed, it is a
 * lock taken meanwhile by a live process, and it is put back, so a fresh lock is never deleted.
 */
async function breakIfAbandoned(lockPath: string, options: LockOptions): Promise<void> {
  const info = await stat(lockPath).catch(() => null);
  if (!info) return;
  const seen: Seen = { owner: await readOwner(lockPath), ageMs: Date.now() - info.mtimeMs };
  if (!abandoned(options)(seen)) return;
  const aside = `${lockPath}.dead-${randomBytes(4).toString('hex')}`;
  if (
    !(await rename(lockPath, aside).then(
      () => true,
      () => false,
    ))
  )
    return; // Someone else broke it first.
  const moved = await readOwner(aside);
  if ((moved?.token ?? null) === (seen.owner?.token ?? null)) {
    await rm(aside, { recursive: true, force: true });
    return;
  }
  // A lock taken meanwhile by a live process: put it back without replacing one taken since then (a rename would
  // replace a file; link fails if the name exists). If that fails, its holder finds it gone at its next stillHeld()
  // and commits nothing.
  const movedInfo = await stat(aside).catch(() => null);
  const back = movedInfo?.isDirectory()
    ? rename(aside, lockPath)
    : link(aside, lockPath).then(() => rm(aside, { force: true }));
  await back.catch(() => rm(aside, { recursive: true, force: true }));
}

/** Creates the lock with our note in it; false if another holder has it. */
function tryTake(lockPath: string, note: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeFileSync(fd, note);
  } catch (error) {
    unlinkSync(lockPath); // Ours, created just now: a noteless lock would hold others up for NOTELESS_GRACE_MS.
    throw error;
  } finally {
    closeSync(fd);
  }
  return true;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding the lock on `file`. `work` receives `stillHeld()`: it must check it right before it
 * commits, so a lock taken over as stale never lets two writers commit.
 */
export async function withFileLock<T>(
  file: string,
  options: LockOptions,
  work: (stillHeld: () => boolean) => Promise<T>,
): Promise<T> {
  const lockPath = `${file}.lock`;
  const deadline = Date.now() + options.timeoutMs;
  const token = randomBytes(8).toString('hex');
  const note = JSON.stringify({ pid: process.pid, host: hostname(), token } satisfies Owner);
  // Bounded: the deadline ends the loop; each round waits a few random ms so waiters do not move in lockstep.
  for (let attempt = 0; !tryTake(lockPath, note); attempt += 1) {
    if (Date.now() >= deadline)
      throw new LockTimeoutError(`${file} is still locked by another Taper process after ${options.timeoutMs} ms`);
    if (attempt % 10 === 0) await breakIfAbandoned(lockPath, options);
    await pause(2 + Math.random() * Math.min(40, 2 + attempt * 2));
  }
  let lost = false;
  // Read from the file itself, not only remembered: a lock broken as stale is noticed before the next commit.
  const ours = () => !lost && currentToken(lockPath) === token;
  // Kept fresh (mtime) for a holder that runs long, as proper-lockfile did; writes take milliseconds, so this rarely
  // fires. A lock found taken over stays lost.
  let refresh: NodeJS.Timeout | undefined;
  const scheduleRefresh = () => {
    refresh = setTimeout(
      () => {
        try {
          if (!ours()) throw new Error('taken over');
          const now = new Date();
          utimesSync(lockPath, now, now);
          scheduleRefresh();
        } catch {
          lost = true;
        }
      },
      Math.max(1_000, options.staleMs / 2),
    );
    refresh.unref();
  };
  scheduleRefresh();
  try {
    return await work(ours);
  } finally {
    clearTimeout(refresh);
    // Only our own lock is removed: one taken over (ours went stale) belongs to someone else now. A failure here must
    // not turn a saved change into an error; a lock left behind is broken as abandoned.
    if (ours()) {
      try {
        unlinkSync(lockPath);
      } catch {
        // Broken by another process meanwhile: nothing of ours is left to remove.
      }
    }
  }
}
