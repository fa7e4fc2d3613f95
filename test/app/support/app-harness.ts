// Starts the built app (package.json `main`) in Node with `electron` resolved to the stand-in, and gives a test what
// a user has: the window (a Chromium page, driven through CDP), the tray menu, notifications, dialogs, and the
// process's exit. Every wait is bounded; a failed test kills what it started.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { buildStandIn, STAND_IN_BUNDLE } from '../build-stand-in.mjs';

export type StandInEvent = { type: string } & Record<string, unknown>;

const MAIN = resolve(JSON.parse(readFileSync('package.json', 'utf8')).main as string);
const REGISTER = resolve('test/app/stand-in/register.cjs');
let standInBuilt: Promise<void> | null = null;

export interface AppHome {
  /** A private HOME with XDG_CONFIG_HOME inside: the app's userData is `config/Taper`. */
  root: string;
  config: string;
  userData: string;
  remove(): void;
}

export function makeHome(): AppHome {
  const root = mkdtempSync(join(tmpdir(), 'taper-app-'));
  const config = join(root, 'config');
  const userData = join(config, 'Taper');
  mkdirSync(userData, { recursive: true });
  return { root, config, userData, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface LaunchOptions {
  args?: string[];
  env?: Record<string, string | undefined>;
}

export class RunningApp {
  readonly events: StandInEvent[] = [];
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly waiters = new Set<() => void>();
  private nextCommand = 1;
  private browser: Browser | null = null;

  constructor(readonly child: ChildProcess) {
    child.on('message', (event: StandInEvent) => {
      this.events.push(event);
      for (const wake of [...this.waiters]) wake();
    });
    const keep = (chunk: Buffer) => this.output.push(chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((done) =>
      child.once('exit', (code) => {
        for (const wake of [...this.waiters]) wake();
        done(code);
      }),
    );
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /** The first event (from `from` on) of `type` that matches; fails after `timeoutMs` naming what it saw. */
  waitFor(
    type: string,
    match: (event: StandInEvent) => boolean = () => true,
    { timeoutMs = 15_000, from = 0 } = {},
  ): Promise<StandInEvent> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const found = this.events.slice(from).find((event) => event.type === type && match(event));
        if (found !== undefined) {
          cleanup();
          resolvePromise(found);
        } else if (this.child.exitCode !== null || this.child.signalCode !== null) {
          cleanup();
          reject(
            new Error(
              `the app exited (${this.child.exitCode ?? this.child.signalCode}) before ${type}; output:\n${this.output.join('')}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `no ${type} event within ${timeoutMs} ms; events: ${this.events.map((event) => event.type).join(', ')}\noutput:\n${this.output.join('')}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  all(type: string): StandInEvent[] {
    return this.events.filter((event) => event.type === type);
  }

  last(type: string): StandInEvent | undefined {
    return this.all(type).at(-1);
  }

  /** Sends a command to the stand-in and waits for its answer. */
  async command<T = unknown>(type: string, fields: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextCommand++;
    const from = this.events.length;
    this.child.send({ ...fields, type, id });
    const reply = await this.waitFor('reply', (event) => event['id'] === id, { from });
    if (reply['ok'] !== true) throw new Error(String(reply['message']));
    return reply['value'] as T;
  }

  /** The tray menu as a user reads it, one line per item. */
  trayMenu(): string[] {
    return (this.last('tray-menu')?.['lines'] as string[] | undefined) ?? [];
  }

  /**
   * Moves the app's clock (`Date.now()`, `new Date()` in its process: the app and its in-process simulator) forward by
   * `seconds`; answers the app's "now" afterwards, Unix ms. Timers keep real time: what runs on a tick runs on its tick.
   */
  advanceClock(seconds: number): Promise<number> {
    return this.command<number>('clock', { advanceMs: seconds * 1_000 });
  }

  pickTray(...path: string[]): Promise<void> {
    return this.command('tray-pick', { path });
  }

  /** The page of the (newest) window, once it has loaded our renderer. */
  async window({ timeoutMs = 15_000 } = {}): Promise<Page> {
    const browserEvent = await this.waitFor('browser', undefined, { timeoutMs });
    await this.waitFor('window-load', undefined, { timeoutMs });
    this.browser ??= await chromium.connectOverCDP(String(browserEvent['cdp']));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const pages = this.browser
        .contexts()
        .flatMap((context) => context.pages())
        .filter((page) => /\/index\.html/.test(page.url()));
      const page = pages.at(-1);
      if (page !== undefined) {
        await page.waitForLoadState('load');
        return page;
      }
      await new Promise((wait) => setTimeout(wait, 50));
    }
    throw new Error('the window has no page with the renderer');
  }

  /** Quits as the tray's Quit does; resolves with the exit code. */
  async quit(): Promise<number | null> {
    if (this.child.exitCode === null) await this.command('quit').catch(() => undefined);
    return this.exited;
  }

  async dispose(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    this.browser = null;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Starts the app as built, in `home`; Chromium windows, stand-in OS. */
export async function launchApp(home: AppHome, options: LaunchOptions = {}): Promise<RunningApp> {
  await (standInBuilt ??= buildStandIn());
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOME: home.root,
    XDG_CONFIG_HOME: home.config,
    TAPER_STANDIN_BUNDLE: resolve(STAND_IN_BUNDLE),
    // The app reads the real variables; a test sets its own.
    TAPER_HOME: undefined,
    TAPER_ENDPOINT: undefined,
    ...options.env,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = fork(MAIN, options.args ?? [], {
    execArgv: ['--require', REGISTER],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  return new RunningApp(child);
}
