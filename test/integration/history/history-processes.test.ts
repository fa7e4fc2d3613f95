// Real files, real processes: concurrent writers lose nothing, a writer killed mid-append loses nothing it reported.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../../electron/services/history/history-store.js';

let work: string;
let bundle: string;
let bundleDirectory: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'taper-history-it-'));
  // Inside the repo, so the bundle's bare imports (proper-lockfile) resolve from node_modules like the app's do.
  const cache = join(process.cwd(), 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  bundleDirectory = await mkdtemp(join(cache, 'taper-history-it-'));
  bundle = join(bundleDirectory, 'history-writer.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/history-writer.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'silent',
  });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(bundleDirectory, { recursive: true, force: true });
});

function writer(directory: string, label: string, count: number): { child: ChildProcess; ids: string[]; done: Promise<number | null> } {
  const child = spawn(process.execPath, [bundle, directory, label, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ids: string[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    ids.push(...lines.filter(Boolean));
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(stderr);
      resolve(code);
    }),
  );
  return { child, ids, done };
}

const entry = (id: string, createdAt: number) => ({
  id,
  taskId: null,
  requestId: null,
  status: 'unknown' as const,
  domain: 'd.example.com',
  app: 'live',
  stream: 'parent-stream',
  startTime: null,
  endTime: 2_000_000_000,
  templateId: null,
  streamType: 0 as const,
  profile: null,
  region: 'ap-guangzhou',
  createdAt,
  error: null,
  source: 'taper' as const,
  extension: null,
});

describe('history across processes', () => {
  it('two child processes and the parent each append 200 entries at once: 600 entries, none lost', async () => {
    const directory = await mkdtemp(join(work, 'concurrent-'));
    const a = writer(directory, 'a', 200);
    const b = writer(directory, 'b', 200);
    const parent = createHistoryStore({ directory, clock: Date.now, lockTimeoutMs: 60_000 });
    for (let index = 0; index < 200; index += 1) {
      const saved = await parent.append(entry(`p-${index}`, 1_800_000_000 + index));
      expect(saved.ok).toBe(true);
    }
    expect(await a.done).toBe(0);
    expect(await b.done).toBe(0);
    const listed = await createHistoryStore({ directory, clock: Date.now }).list();
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    const ids = new Set(listed.value.map((e) => e.id));
    expect(ids.size).toBe(600);
    for (const id of [...a.ids, ...b.ids]) expect(ids.has(id)).toBe(true);
    expect((await stat(join(directory, 'history.json'))).mode & 0o777).toBe(0o600);
  }, 120_000);

  it('a writer killed with SIGKILL at random points never leaves an unreadable file or loses a reported entry', async () => {
    const directory = await mkdtemp(join(work, 'killed-'));
    const reported: string[] = [];
    const rounds = 20;
    for (let round = 0; round < rounds; round += 1) {
      const child = writer(directory, `r${round}`, 10_000);
      // Kill after a random number of reported appends (0-40): the kill lands anywhere inside an append.
      const killAfter = Math.floor(Math.random() * 40);
      await new Promise<void>((resolve) => {
        const check = () => {
          if (child.ids.length >= killAfter) {
            child.child.kill('SIGKILL');
            resolve();
          }
        };
        child.child.stdout?.on('data', check);
        void child.done.then(() => resolve()); // A writer that died on its own ends the wait too.
        check();
      });
      await child.done;
      reported.push(...child.ids);

      const text = await readFile(join(directory, 'history.json'), 'utf8').catch(() => null);
      if (text !== null) expect(() => JSON.parse(text)).not.toThrow();
      const listed = await createHistoryStore({ directory, clock: Date.now }).list();
      expect(listed.ok).toBe(true);
      if (!listed.ok) return;
      const ids = new Set(listed.value.map((e) => e.id));
      const lost = reported.filter((id) => !ids.has(id));
      expect(lost).toEqual([]);
    }
    expect((await readdir(directory)).filter((name) => name.startsWith('history.corrupt-'))).toEqual([]);
  }, 240_000);
});
