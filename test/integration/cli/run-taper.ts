// Drives the real `bin/taper` as a user would: a child process with its own TAPER_HOME, talking to the
// simulator over loopback, with the real keychain of the test session (test/with-keyring.sh).
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const TAPER = resolve('bin/taper');

export interface TaperRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The argv the process was really started with (Node's record of what it passed to exec), for argv searches. */
  argv?: string[];
}

export interface TaperOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  /** Bounded: a hung CLI fails the test instead of hanging the suite. */
  timeoutMs?: number;
}

/** Environment with nothing inherited that could change behaviour (proxies, real credentials). */
export function baseEnv(home: string, endpoint?: string): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
    XDG_DATA_HOME: process.env.XDG_DATA_HOME,
    XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR,
    TZ: 'UTC',
    TAPER_HOME: home,
    // cli.log inside the test's folder: removed with it, and searched by the secrets suite with everything else there.
    TAPER_LOG_DIR: join(home, 'logs'),
    ...(endpoint ? { TAPER_ENDPOINT: endpoint } : {}),
  };
}

export async function freshHome(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'taper-cli-'));
}

export function runTaper(args: readonly string[], options: TaperOptions = {}): Promise<TaperRun> {
  return new Promise((resolvePromise, reject) => {
    const env = Object.fromEntries(
      Object.entries(options.env ?? {}).filter(([, value]) => value !== undefined),
    ) as NodeJS.ProcessEnv;
    const child = spawn(process.execPath, [TAPER, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `taper ${args.join(' ')} did not finish within ${options.timeoutMs ?? 20_000} ms\n${stdout}\n${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr, argv: [...child.spawnargs] });
    });
    child.stdin.end(options.input ?? '');
  });
}

export function parseJson<T = unknown>(run: TaperRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}
