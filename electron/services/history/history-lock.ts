// The cross-process lock around every history write: proper-lockfile (an atomic mkdir of `<file>.lock`, kept fresh
// while held, stale after `staleMs`), plus an owner note inside the lock directory so a lock left by a process that
// was killed on this host is broken at once instead of after `staleMs`.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

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

// proper-lockfile removes its lock with rmdir; the owner note makes the directory non-empty, so remove recursively.
const lockFs = {
  ...fs,
  rmdir: (path: string, callback: (error: NodeJS.ErrnoException | null) => void) => fs.rm(path, { recursive: true }, callback),
  rmdirSync: (path: string) => fs.rmSync(path, { recursive: true }),
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // Exists, owned by someone else.
  }
}

async function readOwner(lockDirectory: string): Promise<Owner | null> {
  try {
    const owner = JSON.parse(await readFile(join(lockDirectory, 'owner.json'), 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string' ? (owner as Owner) : null;
  } catch {
    return null; // No note yet (the holder is between mkdir and writing it): treat as alive.
  }
}

/** Breaks the lock if its owner is a dead process on this host. Moves it aside first so a fresh lock is never deleted. */
async function breakIfDead(lockDirectory: string): Promise<void> {
  const owner = await readOwner(lockDirectory);
  if (!owner) return breakIfNoteless(lockDirectory);
  if (owner.host !== hostname() || isAlive(owner.pid)) return;
  const aside = `${lockDirectory}.dead-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockDirectory, aside);
  } catch {
    return; // Someone else broke it first.
  }
  const moved = await readOwner(aside);
  if (moved?.token === owner.token) {
    await rm(aside, { recursive: true, force: true });
    return;
  }
  // We moved a lock taken meanwhile by a live process: put it back (fails harmlessly if a new one exists).
  await rename(aside, lockDirectory).catch(() => rm(aside, { recursive: true, force: true }));
}

/** A holder writes its owner note right after the mkdir; a lock still without one after this long was abandoned. */
const NOTELESS_GRACE_MS = 2_000;

/** A writer killed between taking the lock and writing its note leaves a lock nobody owns: break it, not after staleMs. */
async function breakIfNoteless(lockDirectory: string): Promise<void> {
  const info = await stat(lockDirectory).catch(() => null);
  if (!info || Date.now() - info.mtimeMs < NOTELESS_GRACE_MS) return;
  const aside = `${lockDirectory}.dead-${randomBytes(4).toString('hex')}`;
  if (!(await rename(lockDirectory, aside).then(() => true, () => false))) return;
  // A note appearing meanwhile means a live holder after all: put its lock back.
  if (await readOwner(aside)) await rename(aside, lockDirectory).catch(() => rm(aside, { recursive: true, force: true }));
  else await rm(aside, { recursive: true, force: true });
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding the lock on `file`. `work` receives `stillHeld()`: it must check it right before it
 * commits, so a lock taken over as stale never lets two writers commit.
 */
export async function withFileLock<T>(file: string, options: LockOptions, work: (stillHeld: () => boolean) => Promise<T>): Promise<T> {
  const lockDirectory = `${file}.lock`;
  const deadline = Date.now() + options.timeoutMs;
  let compromised = false;
  let release: (() => Promise<void>) | undefined;
  // Bounded: the deadline ends the loop; each round waits a few random ms so waiters do not move in lockstep.
  for (let attempt = 0; release === undefined; attempt += 1) {
    try {
      release = await lockfile.lock(file, {
        realpath: false,
        lockfilePath: lockDirectory,
        stale: options.staleMs,
        retries: 0,
        fs: lockFs,
        onCompromised: () => {
          compromised = true;
        },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) throw new LockTimeoutError(`the history is locked by another Taper process (waited ${options.timeoutMs} ms)`);
      if (attempt % 10 === 0) await breakIfDead(lockDirectory);
      await pause(2 + Math.random() * Math.min(40, 2 + attempt * 2));
    }
  }
  const owner: Owner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  try {
    await writeFile(join(lockDirectory, 'owner.json'), JSON.stringify(owner), { mode: 0o600 });
    return await work(() => !compromised);
  } finally {
    await release().catch(() => undefined); // Already taken over: nothing of ours to remove.
  }
}
