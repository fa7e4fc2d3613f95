// Whole-process figures: cold start, `taper record` against the loopback simulator, and its peak memory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, round } from './stats.mjs';
import { makeTempDir } from './temp-dirs.mjs';

const TAPER = resolve('bin/taper');
const MINIMAL = resolve('test/bench/minimal-create.mjs');
const PEAK_HOOK = resolve('test/bench/peak-rss-hook.mjs');
const recordArgs = (stream) => ['record', '--domain', 'bench.livepush.example.com', '--app', 'live', '--stream', stream, '--for', '1h', '--template', '1'];

function timeRun(args, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return elapsed;
}

/** Async twin of timeRun: the simulator lives in this process, so its event loop must keep running. */
function timeRunAsync(command, args, env) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${args.join(' ')} failed (${code}): ${stderr}`));
      else resolvePromise({ elapsed, stderr });
    });
  });
}

/** `taper --version` against bare `node -e 0`, interleaved so both see the same machine load. */
export function measureColdStart(runs) {
  const bare = [];
  const taper = [];
  for (let index = 0; index < runs; index += 1) {
    bare.push(timeRun(['-e', '0'], process.env));
    taper.push(timeRun([TAPER, '--version'], process.env));
  }
  const ratio = median(taper) / median(bare);
  return {
    name: '`taper --version` cold start',
    value: round(ratio, 2),
    unit: '× node -e 0',
    goal: '<= 1.3',
    pass: ratio <= 1.3,
    detail: `median ${round(median(taper))} ms vs ${round(median(bare))} ms over ${runs} interleaved runs`,
  };
}

/**
 * `taper record` (whole process) against a hand-written node:http + TC3 script, same simulator, interleaved.
 * Taper runs as installed after its first command: the code cache (electron/cli/launch/) is in a temp folder,
 * written by one run before timing. The same command without the cache (a first run after an upgrade) is timed
 * alongside and reported in the detail.
 */
export async function measureRecordProcess(endpoint, account, runs) {
  const home = makeTempDir('taper-bench-cli-');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'UTC',
    TAPER_HOME: home,
    TAPER_COMPILE_CACHE: makeTempDir('taper-bench-code-cache-'),
    TAPER_ENDPOINT: endpoint,
    TENCENTCLOUD_SECRET_ID: account.secretId,
    TENCENTCLOUD_SECRET_KEY: account.secretKey,
  };
  const uncachedEnv = { ...env, TAPER_DISABLE_COMPILE_CACHE: '1' };
  await timeRunAsync(process.execPath, [TAPER, ...recordArgs('bench-cli-warm-up')], env);
  const taper = [];
  const uncached = [];
  const minimal = [];
  const end = Math.floor(Date.now() / 1000) + 3600;
  for (let index = 0; index < runs; index += 1) {
    minimal.push((await timeRunAsync(process.execPath, [MINIMAL, endpoint, account.secretId, `bench-min-${index}`, String(end)], env)).elapsed);
    taper.push((await timeRunAsync(process.execPath, [TAPER, ...recordArgs(`bench-cli-${index}`)], env)).elapsed);
    uncached.push((await timeRunAsync(process.execPath, [TAPER, ...recordArgs(`bench-cli-uncached-${index}`)], uncachedEnv)).elapsed);
  }
  const ratio = median(taper) / median(minimal);
  return {
    figure: {
      name: '`taper record` whole process',
      value: round(ratio, 2),
      unit: '× minimal script',
      goal: '<= 1.5',
      pass: ratio <= 1.5,
      detail:
        `median ${round(median(taper))} ms vs ${round(median(minimal))} ms (test/bench/minimal-create.mjs: node:http + node:crypto TC3) over ${runs} interleaved runs, ` +
        `fresh stream per run, TAPER_HOME temp, env credentials, code cache written by one earlier run; ` +
        `without the code cache (first run after an install or upgrade): median ${round(median(uncached))} ms (${round(median(uncached) / median(minimal), 2)}×)`,
    },
    env,
  };
}

/** Peak resident memory of `runs` `taper record` processes: GNU time's max RSS, else VmHWM read by an exit hook. */
export async function measureRecordMemory(env, runs = 3) {
  const gnuTime = existsSync('/usr/bin/time');
  const samples = [];
  for (let index = 0; index < runs; index += 1) {
    const stream = `bench-mem-${index}`;
    if (gnuTime) {
      const { stderr } = await timeRunAsync('/usr/bin/time', ['-f', '%M', process.execPath, TAPER, ...recordArgs(stream)], env);
      samples.push(Number(stderr.trim().split('\n').at(-1)) / 1024);
    } else {
      const directory = makeTempDir('taper-bench-rss-');
      const file = join(directory, 'peak');
      await timeRunAsync(process.execPath, ['--import', pathToFileURL(PEAK_HOOK).href, TAPER, ...recordArgs(stream)], { ...env, TAPER_BENCH_PEAK_FILE: file });
      samples.push(Number(readFileSync(file, 'utf8')) / 1024);
    }
  }
  const peak = Math.max(...samples);
  const how = gnuTime ? 'GNU time %M' : '/proc/self/status VmHWM at exit (--import test/bench/peak-rss-hook.mjs)';
  return { name: 'CLI peak memory (`taper record`)', value: round(peak), unit: 'MB RSS', goal: '<= 150', pass: peak <= 150, detail: `max of ${runs} runs (${how}); loopback simulator` };
}
