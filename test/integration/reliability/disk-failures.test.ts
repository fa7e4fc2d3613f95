// A data directory that turns read-only, and a disk that fills up, met through bin/taper. Real file systems, not
// chmod (CI runs as root, which ignores modes): a small tmpfs, remounted read-only, or filled to the last byte. Either
// way `taper record` says which it is and that nothing was sent, the platform gets no call it could not record, and
// every entry written before stays readable.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useCliSuite } from '../cli/cli-suite.js';
import { parseJson, runTaper } from '../cli/run-taper.js';

const suite = useCliSuite({ envCredentials: true });
const stream = (name: string) => [
  '--domain',
  'push.example.com',
  '--app',
  'live',
  '--stream',
  name,
  '--from',
  '+1h',
  '--for',
  '1h',
  '--template',
  '1',
];
const mounts: string[] = [];

/** A fresh 256 KiB tmpfs with a data directory inside; unmounted after the test. */
function smallDisk(): { mountPoint: string; home: string } {
  const mountPoint = mkdtempSync(join(tmpdir(), 'taper-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', mountPoint]);
  mounts.push(mountPoint);
  const home = join(mountPoint, 'home');
  mkdirSync(home, { mode: 0o700 });
  return { mountPoint, home };
}

afterEach(() => {
  for (const mountPoint of mounts.splice(0)) {
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }
});

/** Writes zeros until the file system refuses: the disk is then full to the byte. Bounded by its 256 KiB. */
function fill(mountPoint: string): string {
  const file = join(mountPoint, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(4096);
  try {
    for (let written = 0; written < 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // The last partial block too.
  const tail = openSync(file, 'a');
  try {
    for (let byte = 0; byte < 4096; byte += 1) writeSync(tail, Buffer.alloc(1));
  } catch {
    // Full.
  } finally {
    closeSync(tail);
  }
  return file;
}

const creates = () => suite.simulator.requests().filter((request) => request.action === 'CreateRecordTask').length;

async function listed(env: Record<string, string | undefined>): Promise<string[]> {
  const run = await runTaper(['history', '--json'], { env });
  expect(run.code, run.stderr).toBe(0);
  return parseJson<{ stream: string; taskId: string | null }[]>(run).map(
    (row) => `${row.stream}:${row.taskId === null ? 'none' : 'task'}`,
  );
}

describe('a read-only or full data directory', () => {
  it('read-only: record says so and that nothing was sent; no call is made; the earlier entry stays readable', async () => {
    const { mountPoint, home } = smallDisk();
    const env = { ...suite.env, TAPER_HOME: home };
    expect((await runTaper(['record', ...stream('before')], { env })).code).toBe(0);
    const before = creates();
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);

    const refused = await runTaper(['record', ...stream('refused'), '--json'], { env });
    expect(refused.code).toBe(1);
    const { error } = parseJson<{ error: { code: string; message: string } }>(refused);
    expect(error.code).toBe('Taper.History.Unavailable');
    expect(error.message).toMatch(/read-only/);
    expect(error.message).toMatch(/Nothing was sent\./);
    expect(creates()).toBe(before);
    expect(await listed(env)).toEqual(['before:task']);
  });

  it('full: record says the disk is full and that nothing was sent; no call is made; after freeing space all is well', async () => {
    const { mountPoint, home } = smallDisk();
    const env = { ...suite.env, TAPER_HOME: home };
    expect((await runTaper(['record', ...stream('before')], { env })).code).toBe(0);
    const before = creates();
    const filler = fill(mountPoint);

    const refused = await runTaper(['record', ...stream('refused'), '--json'], { env });
    expect(refused.code).toBe(1);
    const { error } = parseJson<{ error: { code: string; message: string } }>(refused);
    expect(error.code).toBe('Taper.History.Unavailable');
    expect(error.message).toMatch(/full/);
    expect(error.message).toMatch(/Nothing was sent\./);
    expect(creates()).toBe(before);
    expect(await listed(env)).toEqual(['before:task']);

    rmSync(filler);
    expect((await runTaper(['record', ...stream('after')], { env })).code).toBe(0);
    expect((await listed(env)).sort()).toEqual(['after:task', 'before:task']);
  });
});
