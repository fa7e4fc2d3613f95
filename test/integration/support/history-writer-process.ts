// Builds and starts the history-writer child (see fixtures/history-writer.ts) and collects the ids it reports saved.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface WriterBundle {
  file: string;
  remove(): Promise<void>;
}

export async function bundleHistoryWriter(): Promise<WriterBundle> {
  // Inside the repo, so the bundle's bare imports (if any) resolve from node_modules like the app's do.
  const cache = join(process.cwd(), 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const directory = await mkdtemp(join(cache, 'taper-history-writer-'));
  const file = join(directory, 'history-writer.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/history-writer.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: file,
    logLevel: 'silent',
  });
  return { file, remove: () => rm(directory, { recursive: true, force: true }) };
}

export interface RunningWriter {
  child: ChildProcess;
  /** Ids the child reported saved, in order. */
  saved: string[];
  /** Resolves when `saved` has at least `count` ids or the child ended. */
  reported(count: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Resolves true once the child stops inside its compaction (holdCompaction), false if it ended first. */
  compacting(): Promise<boolean>;
}

/** `holdCompaction`: after its appends the child compacts and stops inside the compaction (see the fixture). */
export function startHistoryWriter(
  bundle: WriterBundle,
  directory: string,
  label: string,
  count: number,
  { holdCompaction = false } = {},
): RunningWriter {
  const env = holdCompaction ? { ...process.env, TAPER_TEST_HOLD_COMPACTION: '1' } : process.env;
  const child = spawn(process.execPath, [bundle.file, directory, label, String(count)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const saved: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let buffered = '';
  let stderr = '';
  let ended = false;
  let inCompaction = false;
  const compactionWaiters: (() => void)[] = [];
  const wake = () => {
    if (inCompaction || ended) for (const resolve of compactionWaiters.splice(0)) resolve();
    for (const waiter of [...waiters]) {
      if (ended || saved.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      if (line === 'compacting') inCompaction = true;
      else saved.push(line);
    }
    wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      ended = true;
      wake();
      resolve({ code, signal, stderr });
    }),
  );
  return {
    child,
    saved,
    exited,
    reported: (target) =>
      new Promise<void>((resolve) => {
        waiters.push({ count: target, resolve });
        wake();
      }),
    compacting: () =>
      new Promise<boolean>((resolve) => {
        compactionWaiters.push(() => resolve(inCompaction));
        wake();
      }),
  };
}
