// Real files, real processes: concurrent writers lose nothing, a writer killed mid-append loses nothing it reported.
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../../electron/services/history/history-store.js';
import { bundleHistoryWriter, startHistoryWriter, type WriterBundle } from '../support/history-writer-process.js';

let work: string;
let bundle: WriterBundle;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'taper-history-it-'));
  bundle = await bundleHistoryWriter();
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await bundle.remove();
});

/** A child appending `count` entries; `ids` are those it reported saved, `done` its exit code. */
function writer(directory: string, label: string, count: number) {
  const running = startHistoryWriter(bundle, directory, label, count);
  const done = running.exited.then(({ code, stderr }) => {
    if (code !== 0 && code !== null) process.stderr.write(stderr);
    return code;
  });
  return { child: running.child, ids: running.saved, done };
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
