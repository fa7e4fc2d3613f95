import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockTimeoutError, withFileLock } from '../../../../../electron/services/storage/data-file-lock.js';

let directory: string;
let file: string;
const options = { timeoutMs: 5_000, staleMs: 10_000 };

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taper-lock-'));
  file = join(directory, 'history.json');
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const note = (pid: number, host = hostname()) => JSON.stringify({ pid, host, token: 'someone-else' });

describe('history lock', () => {
  it('holds a lock file with an owner note while working and leaves nothing behind', async () => {
    const seen = await withFileLock(file, options, async (stillHeld) => ({
      held: stillHeld(),
      files: await readdir(directory),
    }));
    expect(seen).toEqual({ held: true, files: ['history.json.lock'] });
    expect(await readdir(directory)).toEqual([]);
  });

  it('lets one holder in at a time', async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(file, options, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('breaks at once a lock whose owner is a dead process on this host', async () => {
    await writeFile(`${file}.lock`, note(deadPid()));
    const started = Date.now();
    expect(await withFileLock(file, options, async () => 'in')).toBe('in');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("breaks an earlier build's lock directory (proper-lockfile) whose owner is dead", async () => {
    await mkdir(`${file}.lock`);
    await writeFile(join(`${file}.lock`, 'owner.json'), note(deadPid()));
    expect(await withFileLock(file, options, async () => 'in')).toBe('in');
    expect(await readdir(directory)).toEqual([]);
  });

  it("waits for a live owner's lock and never breaks it", async () => {
    // A live process (this one) under another token: a real holder elsewhere in the app.
    await writeFile(`${file}.lock`, note(process.pid));
    await expect(withFileLock(file, { ...options, timeoutMs: 300 }, async () => 'in')).rejects.toBeInstanceOf(
      LockTimeoutError,
    );
    expect(await readdir(directory)).toEqual(['history.json.lock']);
  });

  it("waits for a live earlier build's lock directory too (old and new builds exclude each other)", async () => {
    await mkdir(`${file}.lock`);
    await writeFile(join(`${file}.lock`, 'owner.json'), note(process.pid));
    await expect(withFileLock(file, { ...options, timeoutMs: 300 }, async () => 'in')).rejects.toBeInstanceOf(
      LockTimeoutError,
    );
    expect(await readdir(join(`${file}.lock`))).toEqual(['owner.json']);
  });

  it('keeps a long-held lock fresh, so a waiter does not take it over as stale', async () => {
    const short = { timeoutMs: 10_000, staleMs: 2_000 };
    const order: string[] = [];
    const long = withFileLock(file, short, async () => {
      order.push('long in');
      await new Promise((resolve) => setTimeout(resolve, 2_600));
      order.push('long out');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await withFileLock(file, short, async () => void order.push('waiter in'));
    await long;
    expect(order).toEqual(['long in', 'long out', 'waiter in']);
  }, 10_000);

  it('takes over a lock not refreshed for staleMs (a holder on another host)', async () => {
    await writeFile(`${file}.lock`, note(process.pid, 'elsewhere.example'));
    const old = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, old, old);
    expect(await withFileLock(file, options, async () => 'in')).toBe('in');
  });

  it('tells the holder its lock was taken over, and then leaves the new lock alone', async () => {
    const result = await withFileLock(file, options, async (stillHeld) => {
      await writeFile(`${file}.lock`, note(process.pid)); // Someone judged ours stale and took it.
      return stillHeld();
    });
    expect(result).toBe(false);
    expect(await readdir(directory)).toEqual(['history.json.lock']);
  });
});
