// Whole-process figures: cold start (`--version` and a real command, `taper history`), `taper history` with 20,000
// entries, `taper record` against the loopback simulator (environment credentials and a keychain profile), and its
// peak memory. Both sides of every ratio run with one and the same environment, built here from nothing: an inherited
// NODE_EXTRA_CA_CERTS or NODE_OPTIONS would add the same constant to both and pull every ratio toward 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchEntry, writeHistory } from './bench-history.mjs';
import { median, round } from './stats.mjs';
import { makeTempDir } from './temp-dirs.mjs';

const TAPER = resolve('bin/taper');
const MINIMAL = resolve('test/bench/minimal-create.mjs');
const HISTORY_FLOOR = resolve('test/bench/history-floor.mjs');
/** The zone of the operators the figures are for; a named zone, so times are formatted as they are for them. */
const ZONE = 'Asia/Shanghai';
const PEAK_HOOK = resolve('test/bench/peak-rss-hook.mjs');
const recordArgs = (stream) => [
  'record',
  '--domain',
  'bench.livepush.example.com',
  '--app',
  'live',
  '--stream',
  stream,
  '--for',
  '1h',
  '--template',
  '1',
];

function timeRun(args, env) {
  const started = process.hrtime.bigint();
  // stdout to /dev/null for both sides: 20,000 lines would overflow a captured pipe's buffer.
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
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

/** The environment of both sides of a ratio: only what a shell gives a command, plus Taper's folders. */
export function benchEnv(extra = {}) {
  // The session bus is where the Secret Service of with-keyring.sh is found (for --profile).
  const bus =
    process.env.DBUS_SESSION_BUS_ADDRESS === undefined
      ? {}
      : { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS };
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    TZ: ZONE,
    TAPER_COMPILE_CACHE: makeTempDir('taper-bench-code-cache-'),
    ...bus,
    ...extra,
  };
}

/** A data folder holding `count` finished entries, written through the history store as Taper writes them. */
async function seededHistory(count) {
  const home = makeTempDir('taper-bench-history-');
  const now = Math.floor(Date.now() / 1000);
  await writeHistory(
    home,
    Array.from({ length: count }, (_, index) => benchEntry(index, now, { spacing: 600 })),
  );
  return home;
}

/** Medians of `runs` interleaved runs of each command, so every side sees the same machine load. */
function interleaved(runs, commands, env) {
  const samples = commands.map(() => []);
  for (let index = 0; index < runs; index += 1) commands.forEach((args, at) => samples[at].push(timeRun(args, env)));
  return samples.map(median);
}

/**
 * Cold start against bare `node -e 0`, the same environment on both sides: `taper --version` (answered by bin/taper
 * before the CLI loads, for scripts that probe for taper) and a real command, `taper history` with 300 entries
 * formatted in Asia/Shanghai. The code cache is written by one run before timing, as after an install's first command.
 */
export async function measureColdStart(runs) {
  const env = benchEnv({ TAPER_HOME: await seededHistory(300) });
  timeRun([TAPER, 'history'], env);
  const [bare, version, history] = interleaved(
    runs,
    [
      ['-e', '0'],
      [TAPER, '--version'],
      [TAPER, 'history'],
    ],
    env,
  );
  const versionRatio = version / bare;
  const historyRatio = history / bare;
  return [
    {
      name: '`taper --version` cold start',
      value: round(versionRatio, 2),
      unit: '× node -e 0',
      goal: '<= 1.3',
      pass: versionRatio <= 1.3,
      detail: `median ${round(version)} ms vs ${round(bare)} ms over ${runs} interleaved runs, same environment (no NODE_EXTRA_CA_CERTS)`,
    },
    {
      name: '`taper history` cold start, 300 entries, TZ=Asia/Shanghai',
      value: round(historyRatio, 2),
      unit: '× node -e 0',
      goal: '<= 1.6',
      pass: historyRatio <= 1.6,
      detail:
        `median ${round(history)} ms vs ${round(bare)} ms over ${runs} interleaved runs, same environment; one earlier run wrote the code cache and the zone days it learned (beside it), as after an install's first command. ` +
        'What is left over node: reading the CLI bundle and its code cache, module set-up, the history file',
    },
  ];
}

/** `taper history` with 20,000 entries against test/bench/history-floor.mjs on the same files, same environment. */
export async function measureHistoryProcess(runs, count = 20_000) {
  const env = benchEnv({ TAPER_HOME: await seededHistory(count) });
  timeRun([TAPER, 'history'], env);
  const [floor, taper] = interleaved(runs, [[HISTORY_FLOOR], [TAPER, 'history']], env);
  const ratio = taper / floor;
  return {
    name: `\`taper history\`, ${count} entries, TZ=Asia/Shanghai`,
    value: round(ratio, 2),
    unit: '× floor script',
    goal: '<= 1.5',
    pass: ratio <= 1.5,
    detail: `median ${round(taper)} ms vs ${round(floor)} ms over ${runs} interleaved runs; floor: test/bench/history-floor.mjs reads the same files and prints one line per entry with one Intl.DateTimeFormat`,
  };
}

/**
 * `taper record` (whole process) against a hand-written node:http + TC3 script, same simulator, same environment
 * (TZ=Asia/Shanghai: the confirmation is formatted in a named zone, as for the operators), interleaved. Twice: with
 * environment credentials, and with `--profile` whose key is in the Secret Service (run under test/with-keyring.sh;
 * without one that line says so and fails). Taper runs as installed after its first command: the code cache is written
 * by one run before timing; the same command without it (a first run after an upgrade) is in the detail.
 */
export async function measureRecordProcess(endpoint, account, runs) {
  const env = benchEnv({
    TAPER_HOME: makeTempDir('taper-bench-cli-'),
    TAPER_ENDPOINT: endpoint,
    TENCENTCLOUD_SECRET_ID: account.secretId,
    TENCENTCLOUD_SECRET_KEY: account.secretKey,
  });
  const { TENCENTCLOUD_SECRET_ID: _id, TENCENTCLOUD_SECRET_KEY: _key, ...profileEnv } = env;
  const profile = await addBenchProfile(profileEnv, account);
  const uncachedEnv = { ...env, TAPER_DISABLE_COMPILE_CACHE: '1' };
  await timeRunAsync(process.execPath, [TAPER, ...recordArgs('bench-cli-warm-up')], env);
  if (profile.ok)
    await timeRunAsync(
      process.execPath,
      [TAPER, ...recordArgs('bench-cli-profile-warm-up'), '--profile', 'bench'],
      profileEnv,
    );
  const taper = [];
  const withProfile = [];
  const uncached = [];
  const minimal = [];
  const end = Math.floor(Date.now() / 1000) + 3600;
  for (let index = 0; index < runs; index += 1) {
    minimal.push(
      (
        await timeRunAsync(
          process.execPath,
          [MINIMAL, endpoint, account.secretId, `bench-min-${index}`, String(end)],
          env,
        )
      ).elapsed,
    );
    taper.push((await timeRunAsync(process.execPath, [TAPER, ...recordArgs(`bench-cli-${index}`)], env)).elapsed);
    if (profile.ok)
      withProfile.push(
        (
          await timeRunAsync(
            process.execPath,
            [TAPER, ...recordArgs(`bench-cli-profile-${index}`), '--profile', 'bench'],
            profileEnv,
          )
        ).elapsed,
      );
    uncached.push(
      (await timeRunAsync(process.execPath, [TAPER, ...recordArgs(`bench-cli-uncached-${index}`)], uncachedEnv))
        .elapsed,
    );
  }
  const ratio = median(taper) / median(minimal);
  const profileRatio = profile.ok ? median(withProfile) / median(minimal) : null;
  const same = `over ${runs} interleaved runs, same environment (TZ=${ZONE}, no NODE_EXTRA_CA_CERTS), fresh stream per run, TAPER_HOME temp, code cache written by one earlier run`;
  return {
    figures: [
      {
        name: '`taper record` whole process, env credentials',
        value: round(ratio, 2),
        unit: '× minimal script',
        goal: '<= 1.5',
        pass: ratio <= 1.5,
        detail:
          `median ${round(median(taper))} ms vs ${round(median(minimal))} ms (test/bench/minimal-create.mjs: node:http + node:crypto TC3) ${same}; ` +
          `without the code cache (first run after an install or upgrade): median ${round(median(uncached))} ms (${round(median(uncached) / median(minimal), 2)}×)`,
      },
      {
        name: '`taper record --profile` (key in the Secret Service)',
        value: profileRatio === null ? null : round(profileRatio, 2),
        unit: '× minimal script',
        goal: '<= 1.5',
        pass: profileRatio !== null && profileRatio <= 1.5,
        detail: profile.ok
          ? `median ${round(median(withProfile))} ms vs ${round(median(minimal))} ms ${same}; the SecretKey read from a real Secret Service (gnome-keyring) on every run`
          : `not measured: ${profile.why}`,
      },
    ],
    env,
  };
}

/** `taper profile add bench` with the key on stdin, into the Secret Service of this session. */
async function addBenchProfile(env, account) {
  if (process.env.TAPER_KEYRING_SESSION !== '1')
    return { ok: false, why: 'no Secret Service in this session (npm run bench runs under test/with-keyring.sh)' };
  const added = spawnSync(process.execPath, [TAPER, 'profile', 'add', 'bench', '--secret-id', account.secretId], {
    env,
    input: `${account.secretKey}\n`,
    encoding: 'utf8',
  });
  return added.status === 0
    ? { ok: true }
    : { ok: false, why: `taper profile add failed (${added.status}): ${added.stderr.trim()}` };
}

/** Peak resident memory of `runs` `taper record` processes: GNU time's max RSS, else VmHWM read by an exit hook. */
export async function measureRecordMemory(env, runs = 3) {
  const gnuTime = existsSync('/usr/bin/time');
  const samples = [];
  for (let index = 0; index < runs; index += 1) {
    const stream = `bench-mem-${index}`;
    if (gnuTime) {
      const { stderr } = await timeRunAsync(
        '/usr/bin/time',
        ['-f', '%M', process.execPath, TAPER, ...recordArgs(stream)],
        env,
      );
      samples.push(Number(stderr.trim().split('\n').at(-1)) / 1024);
    } else {
      const directory = makeTempDir('taper-bench-rss-');
      const file = join(directory, 'peak');
      await timeRunAsync(process.execPath, ['--import', pathToFileURL(PEAK_HOOK).href, TAPER, ...recordArgs(stream)], {
        ...env,
        TAPER_BENCH_PEAK_FILE: file,
      });
      samples.push(Number(readFileSync(file, 'utf8')) / 1024);
    }
  }
  const peak = Math.max(...samples);
  const how = gnuTime ? 'GNU time %M' : '/proc/self/status VmHWM at exit (--import test/bench/peak-rss-hook.mjs)';
  return {
    name: 'CLI peak memory (`taper record`)',
    value: round(peak),
    unit: 'MB RSS',
    goal: '<= 150',
    pass: peak <= 150,
    detail: `max of ${runs} runs (${how}); loopback simulator`,
  };
}
