// Secrets: after a full CLI scenario — profile add via stdin, records, API refusals, a lost answer, a
// 502, sync, exports, profile test, a running `taper sandbox` — the SecretKey appears nowhere: no file under
// TAPER_HOME or in the CLI's code cache, no export, no stdout/stderr, no error text, no argument list we used,
// no /proc/<pid>/cmdline.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';
import { recordFigures } from '../../reliability/figures.js';
import { baseEnv, freshHome, parseJson, runTaper, TAPER, type TaperRun } from '../cli/run-taper.js';
import { secretSearch } from './secret-search.js';

const inSession = process.env['TAPER_KEYRING_SESSION'] === '1';
// A key made for this run only: any match is a leak of *this* key, never a coincidence.
const ACCOUNT = {
  secretId: `AKIDRELIABILITY${randomBytes(8).toString('hex').toUpperCase()}`,
  secretKey: `Rk${randomBytes(15).toString('hex')}`,
};
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [ACCOUNT, DEMO_ACCOUNT] });
});
afterAll(async () => {
  await simulator.close();
});

async function inject(mode: string): Promise<void> {
  await fetch(`${simulator.endpoint}/__simulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode, action: 'CreateRecordTask' }),
  });
}

/** /proc/<pid>/cmdline of a running child, NUL-separated arguments joined with spaces. */
async function commandLineOf(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\u0000').join(' ');
}

/** Starts `taper <args>`, reads its cmdline while it runs, then waits for it; returns both. */
function runWatched(
  args: string[],
  env: Record<string, string | undefined>,
  ready: (stdout: string) => boolean,
): Promise<{ cmdline: string; run: TaperRun }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TAPER, ...args], {
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let cmdline: Promise<string> | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const look = () => {
      if (cmdline === undefined && ready(stdout) && child.pid !== undefined) cmdline = commandLineOf(child.pid);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      look();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('spawn', look);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (cmdline === undefined) return reject(new Error(`never saw ${args.join(' ')} running: ${stdout}${stderr}`));
      void cmdline.then(
        (line) => resolve({ cmdline: line, run: { code, stdout, stderr, argv: [...child.spawnargs] } }),
        reject,
      );
    });
    // A long-running command (sandbox) is ended once its command line was read.
    if (args[0] === 'sandbox') {
      const stop = setInterval(() => {
        if (cmdline !== undefined) {
          clearInterval(stop);
          void cmdline.finally(() => child.kill('SIGTERM'));
        }
      }, 20);
      child.on('close', () => clearInterval(stop));
    }
  });
}

describe('the secret search itself', () => {
  it('finds the key plain and re-encoded (so "0 found" below means something)', () => {
    const control = secretSearch(ACCOUNT.secretKey);
    control.text('plain', `x${ACCOUNT.secretKey}y`);
    control.text('base64', Buffer.from(ACCOUNT.secretKey).toString('base64'));
    control.text('clean', 'nothing here');
    expect(control.findings.map((finding) => finding.place)).toEqual(['plain', 'base64']);
  });
});

describe.skipIf(!inSession)('the SecretKey after a full CLI scenario', () => {
  it('appears in no file, export, output, error text, argv or /proc cmdline', async () => {
    const home = await freshHome();
    // V8's compiled code of the CLI, kept between runs: searched like the data directory.
    const codeCache = await mkdtemp(join(tmpdir(), 'taper-code-cache-'));
    const env = { ...baseEnv(home, simulator.endpoint), TAPER_TIMEOUT_SECONDS: '1', TAPER_COMPILE_CACHE: codeCache };
    const search = secretSearch(ACCOUNT.secretKey);
    const outputs: [string, TaperRun][] = [];
    const taper = async (args: string[], input?: string): Promise<TaperRun> => {
      const run = await runTaper(args, { env, ...(input === undefined ? {} : { input }) });
      outputs.push([`taper ${args.join(' ')}`, run]);
      return run;
    };
    const profile = `rel${Date.now().toString(36)}`;
    const stream = (name: string) => [
      '--domain',
      'push.example.com',
      '--app',
      'live',
      '--stream',
      name,
      '--profile',
      profile,
    ];

    expect(
      (
        await taper(
          ['profile', 'add', profile, '--secret-id', ACCOUNT.secretId, '--region', 'ap-shanghai'],
          `${ACCOUNT.secretKey}\n`,
        )
      ).code,
    ).toBe(0);
    expect((await taper(['profile', 'list', '--json'])).code).toBe(0);
    expect((await taper(['profile', 'test', profile, '--json'])).code).toBe(0);
    expect((await taper(['record', ...stream('ok-now'), '--for', '1h', '--json'])).code).toBe(0);
    expect((await taper(['record', ...stream('ok-later'), '--from', '+1h', '--for', '1h'])).code).toBe(0);
    expect((await taper(['record', ...stream('dry'), '--for', '1h', '--dry-run', '--json'])).code).toBe(0);
    await inject('vod-inactive');
    expect((await taper(['record', ...stream('refused'), '--for', '1h', '--json'])).code).toBe(3);
    await inject('signature-expire');
    expect((await taper(['record', ...stream('expired'), '--for', '1h'])).code).toBe(3);
    await inject('http-502');
    expect((await taper(['record', ...stream('gateway'), '--for', '1h', '--json'])).code).toBe(4);
    expect((await taper(['record', ...stream('bad name!'), '--for', '1h', '--json'])).code).toBe(2);

    // A lost answer, with the command line of the hanging `taper record` read while it waits.
    await inject('create-then-hang');
    const hanging = await runWatched(['record', ...stream('lost'), '--for', '1h', '--json'], env, () => true);
    expect(hanging.run.code).toBe(4);
    search.text('/proc cmdline of a running taper record', hanging.cmdline);
    outputs.push(['taper record (lost answer)', hanging.run]);

    // A wrong key for the same SecretId: the refusal must not echo either key.
    expect(
      (await taper(['profile', 'add', `${profile}w`, '--secret-id', ACCOUNT.secretId], 'wrong-key-for-this-id')).code,
    ).toBe(0);
    expect(
      (
        await taper([
          'record',
          '--domain',
          'push.example.com',
          '--app',
          'live',
          '--stream',
          'wrong',
          '--profile',
          `${profile}w`,
          '--for',
          '1h',
          '--json',
        ])
      ).code,
    ).toBe(3);

    expect((await taper(['sync', '--profile', profile, '--json'])).code).toBe(0);
    expect((await taper(['tasks', '--from', '-1h', '--until', '+3h', '--profile', profile, '--json'])).code).toBe(0);
    expect((await taper(['history', '--json'])).code).toBe(0);
    expect((await taper(['history', 'export', '--format', 'csv', '--out', join(home, 'export.csv')])).code).toBe(0);
    expect((await taper(['history', 'export', '--format', 'json', '--out', join(home, 'export.json')])).code).toBe(0);
    expect((await taper(['history', 'export', '--format', 'json'])).code).toBe(0);

    // `taper sandbox`: a long-running child; its command line read from /proc while it serves.
    const sandbox = await runWatched(['sandbox', '--port', '0'], env, (stdout) => stdout.includes('127.0.0.1'));
    search.text('/proc cmdline of a running taper sandbox', sandbox.cmdline);
    expect(sandbox.cmdline).toContain('sandbox');
    expect(sandbox.cmdline).not.toContain(DEMO_ACCOUNT.secretKey);
    outputs.push(['taper sandbox', sandbox.run]);

    for (const [label, run] of outputs) {
      search.text(`stdout of ${label}`, run.stdout);
      search.text(`stderr of ${label}`, run.stderr);
      // Error texts specifically (also inside stdout above): the JSON documents' messages.
      const error = (() => {
        try {
          return (JSON.parse(run.stdout) as { error?: { message?: string } }).error?.message;
        } catch {
          return undefined;
        }
      })();
      if (error !== undefined) search.text(`error text of ${label}`, error);
    }
    // The argv each process was really started with (spawnargs), every one of them: none may carry the key.
    const argvs = outputs.map(([label, run]) => [label, run.argv] as const);
    expect(argvs.every(([, argv]) => argv !== undefined && argv.length > 2 && argv[1] === TAPER)).toBe(true);
    for (const [label, argv] of argvs) search.text(`argv of ${label}`, (argv ?? []).join('\u0000'));
    await search.directory(home);
    expect((await readdir(codeCache)).length).toBeGreaterThan(0);
    await search.directory(codeCache);
    // The control, on this very key (the one the simulator verified the scenario's signatures with) and through the
    // same search paths: planted in a nested file (base64) and in an argv, it is found, so the zeros above mean something.
    const control = secretSearch(ACCOUNT.secretKey);
    const planted = await mkdtemp(join(tmpdir(), 'taper-secret-control-'));
    await mkdir(join(planted, 'deep'));
    await writeFile(
      join(planted, 'deep', 'settings.json'),
      JSON.stringify({ secret: Buffer.from(ACCOUNT.secretKey).toString('base64') }),
    );
    await control.directory(planted);
    control.text(
      'argv',
      [process.execPath, TAPER, 'profile', 'add', 'x', '--secret-key', ACCOUNT.secretKey].join('\u0000'),
    );
    expect(control.findings.map((finding) => finding.place.replace(planted, 'PLANTED'))).toEqual([
      'PLANTED/deep/settings.json',
      'argv',
    ]);

    // The scenario really ran: the history has what it did, and the exports exist.
    const history = parseJson<{ stream: string }[]>(
      outputs.find(([label]) => label === 'taper history --json')?.[1] as TaperRun,
    );
    expect(history.map((entry) => entry.stream)).toEqual(
      expect.arrayContaining(['ok-now', 'ok-later', 'refused', 'gateway', 'lost']),
    );
    expect(await readFile(join(home, 'export.csv'), 'utf8')).toContain('ok-later');

    recordFigures('secrets-cli', {
      secretsFound: search.findings.length,
      placesSearched: search.searched(),
      note: `${search.searched()} places: files, exports, outputs, error texts, argv, /proc cmdline`,
    });
    expect(search.findings).toEqual([]);
    expect(search.searched()).toBeGreaterThan(40);
  }, 120_000);
});
