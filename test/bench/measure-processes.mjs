// Whole-process figures: cold start, `taper record` against the loopback simulator, and its peak memory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, round } from './stats.mjs';

const TAPER = resolve('bin/taper');
const MINIMAL = resolve('test/bench/minimal-create.mjs');

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

/** `taper record` (whole process) against a hand-written node:http + TC3 script, same simulator, interleaved. */
export async function measureRecordProcess(endpoint, account, runs) {
  const home = mkdtempSync(join(tmpdir(), 'taper-bench-cli-'));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'UTC',
    TAPER_HOME: home,
    TAPER_ENDPOINT: endpoint,
    TENCENTCLOUD_SECRET_ID: account.secretId,
    TENCENTCLOUD_SECRET_KEY: account.secretKey,
  };
  const taper = [];
  const minimal = [];
  const end = Math.floor(Date.now() / 1000) + 3600;
  for (let index = 0; index < runs; index += 1) {
    minimal.push((await timeRunAsync(process.execPath, [MINIMAL, endpoint, account.secretId, `bench-min-${index}`, String(end)], env)).elapsed);
    taper.push((await timeRunAsync(process.execPath, [TAPER, 'record', '--domain', 'bench.livepush.example.com', '--app', 'live', '--stream', `bench-cli-${index}`, '--for', '1h', '--template', '1'], env)).elapsed);
  }
  const ratio = median(taper) / median(minimal);
  return {
    figure: {
      name: '`taper record` whole process',
      value: round(ratio, 2),
      unit: '× minimal script',
      goal: '<= 1.5',
      pass: ratio <= 1.5,
      detail: `median ${round(median(taper))} ms vs ${round(median(minimal))} ms (node:http + node:crypto TC3) over ${runs} interleaved runs`,
    },
    env,
  };
}

/** Peak resident memory of one `taper record`, from GNU time (max RSS in KB). */
export async function measureRecordMemory(env) {
  if (!existsSync('/usr/bin/time')) {
    return { name: 'CLI peak memory (`taper record`)', value: null, unit: 'MB RSS', goal: '<= 150', pass: false, detail: 'not measured: /usr/bin/time (Debian package `time`) is missing' };
  }
  const samples = [];
  for (let index = 0; index < 3; index += 1) {
    const { stderr } = await timeRunAsync('/usr/bin/time', ['-f', '%M', process.execPath, TAPER, 'record', '--domain', 'bench.livepush.example.com', '--app', 'live', '--stream', `bench-mem-${index}`, '--for', '1h', '--template', '1'], env);
    samples.push(Number(stderr.trim().split('\n').at(-1)) / 1024);
  }
  const peak = Math.max(...samples);
  return { name: 'CLI peak memory (`taper record`)', value: round(peak), unit: 'MB RSS', goal: '<= 150', pass: peak <= 150, detail: `max of ${samples.length} runs (GNU time %M)` };
}
