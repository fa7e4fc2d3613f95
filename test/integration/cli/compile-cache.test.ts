// The CLI's code cache from the user's side: the real bin/taper, the simulator over loopback. The cache may make
// a command faster, never different: same results with it, without it, and with a damaged one.
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformTasks, useCliSuite } from './cli-suite.js';
import { parseJson, runTaper } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true });

const record = (stream: string) => [
  'record',
  '--domain',
  'push.example.com',
  '--app',
  'live',
  '--stream',
  stream,
  '--for',
  '1h',
  '--json',
];

async function recordIn(cacheEnv: Record<string, string>, stream: string): Promise<string> {
  const run = await runTaper(record(stream), { env: { ...suite.env, ...cacheEnv } });
  expect(run.code, run.stderr).toBe(0);
  return parseJson<{ taskId: string }>(run).taskId;
}

describe('the code cache of taper', () => {
  it('is written after the first record, private, and reused as it is by the next', async () => {
    const cache = join(await mkdtemp(join(tmpdir(), 'taper-cc-')), 'nested');
    await recordIn({ TAPER_COMPILE_CACHE: cache }, 'first');
    const files = await readdir(cache);
    expect(files).toEqual([
      expect.stringMatching(
        new RegExp(`^taper-\\w+\\.cjs\\.${process.version.replace(/\./g, '\\.')}-${process.arch}\\.record\\.v8cache$`),
      ),
    ]);
    const file = join(cache, files[0] as string);
    const written = await stat(file);
    expect(written.mode & 0o777).toBe(0o600);
    expect((await stat(cache)).mode & 0o777).toBe(0o700);

    await recordIn({ TAPER_COMPILE_CACHE: cache }, 'second');
    // A hit is read, never rewritten.
    expect((await stat(file)).mtimeMs).toBe(written.mtimeMs);
    const streams = (await platformTasks(suite.simulator)).map((task) => task.streamName);
    expect(streams).toEqual(expect.arrayContaining(['first', 'second']));
  });

  it('keeps one file per command', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'taper-cc-'));
    await recordIn({ TAPER_COMPILE_CACHE: cache }, 'per-command');
    const history = await runTaper(['history', '--json'], { env: { ...suite.env, TAPER_COMPILE_CACHE: cache } });
    expect(parseJson<{ stream: string }[]>(history).map((entry) => entry.stream)).toEqual(['per-command']);
    expect((await readdir(cache)).map((name) => name.split('.').at(-2)).sort()).toEqual(['history', 'record']);
  });

  it('survives a damaged cache file: the command works and the file is replaced', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'taper-cc-'));
    await recordIn({ TAPER_COMPILE_CACHE: cache }, 'before-damage');
    const file = join(cache, (await readdir(cache))[0] as string);
    await writeFile(file, Buffer.alloc(4096, 7));
    const taskId = await recordIn({ TAPER_COMPILE_CACHE: cache }, 'after-damage');
    expect((await platformTasks(suite.simulator)).map((task) => task.taskId)).toContain(taskId);
    expect((await readFile(file)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('writes nothing with TAPER_DISABLE_COMPILE_CACHE=1', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'taper-cc-'));
    await recordIn({ TAPER_COMPILE_CACHE: cache, TAPER_DISABLE_COMPILE_CACHE: '1' }, 'uncached');
    expect(await readdir(cache)).toEqual([]);
  });
});
