// `app`: ready, paths (userData from XDG_CONFIG_HOME as on Linux), the single-instance lock (a socket in userData, as
// Chromium's SingletonSocket), login items, quit with its preventable before-quit, and exit.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { destroyAllWindows, setAppEvents } from './browser-window.js';
import { closeBrowser } from './chromium.js';
import { emit, onCommand } from './control.js';
import { closeServer, markReady } from './session.js';

/** The folder of the app's package.json: main is dist/electron/main.cjs below it. */
function findAppPath(): string {
  let folder = dirname(process.argv[1] ?? process.cwd());
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

const appPath = findAppPath();
const manifest = JSON.parse(readFileSync(join(appPath, 'package.json'), 'utf8')) as {
  name: string;
  productName?: string;
  version: string;
};

class App extends EventEmitter {
  name = manifest.productName ?? manifest.name;
  readonly isPackaged = false;
  readonly commandLine = { appendSwitch: () => undefined, hasSwitch: () => false, getSwitchValue: () => '' };
  private ready = false;
  private readonly readyPromise: Promise<void>;
  private lockServer: Server | null = null;
  private quitting = false;
  private loginItem = { openAtLogin: false, args: [] as string[] };
  private readonly paths = new Map<string, string>();

  constructor() {
    super();
    // Ready once main's top level has run, as Electron is ready after the first turn of its loop.
    this.readyPromise = new Promise((resolve) =>
      setImmediate(() => {
        this.ready = true;
        markReady();
        this.emit('will-finish-launching');
        this.emit('ready', {}, {});
        resolve();
      }),
    );
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  getName(): string {
    return this.name;
  }

  setName(name: string): void {
    this.name = name;
  }

  getVersion(): string {
    return manifest.version;
  }

  getAppPath(): string {
    return appPath;
  }

  getLocale(): string {
    return process.env['TAPER_STANDIN_LOCALE'] ?? 'en-US';
  }

  getPath(name: string): string {
    const set = this.paths.get(name);
    if (set !== undefined) return set;
    const config = process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config');
    switch (name) {
      case 'home':
        return homedir();
      case 'appData':
        return config;
      case 'userData':
      case 'sessionData':
        return join(config, this.name);
      case 'logs':
        return join(config, this.name, 'logs');
      case 'temp':
        return tmpdir();
      case 'downloads':
        return join(homedir(), 'Downloads');
      case 'documents':
        return join(homedir(), 'Documents');
      case 'desktop':
        return join(homedir(), 'Desktop');
      case 'exe':
        return process.execPath;
      default:
        throw new Error(`stand-in: app.getPath('${name}') is not implemented`);
    }
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  setAppUserModelId(id: string): void {
    emit({ type: 'app-user-model-id', id });
  }

  setLoginItemSettings(settings: { openAtLogin?: boolean; args?: string[] }): void {
    this.loginItem = { openAtLogin: settings.openAtLogin ?? false, args: settings.args ?? [] };
    emit({ type: 'login-item', settings });
  }

  getLoginItemSettings() {
    return {
      ...this.loginItem,
      wasOpenedAtLogin: process.env['TAPER_STANDIN_OPENED_AT_LOGIN'] === '1',
      openAsHidden: false,
      restoreState: false,
      executableWillLaunchAtLogin: this.loginItem.openAtLogin,
      launchItems: [],
    };
  }

  /** Chromium's rule: the first process that owns the socket in userData is the instance; later ones hand it argv. */
  requestSingleInstanceLock(): boolean {
    const socket = join(this.getPath('userData'), 'SingletonSocket');
    mkdirSync(dirname(socket), { recursive: true });
    const owner = join(this.getPath('userData'), 'SingletonLock');
    if (existsSync(owner)) {
      const pid = Number(readFileSync(owner, 'utf8'));
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = pid !== process.pid;
      } catch {
        alive = false;
      }
      if (alive) {
        this.handOver = new Promise((resolve) => {
          const connection = createConnection(socket, () =>
            connection.end(JSON.stringify({ argv: process.argv, cwd: process.cwd() }), () => resolve()),
          );
          connection.on('error', () => resolve());
        });
        return false;
      }
    }
    rmSync(socket, { force: true });
    // The lock file holds our pid (written synchronously, so a racing second start sees it).
    writeFileSync(owner, String(process.pid));
    this.lockServer = createServer((connection) => {
      let data = '';
      connection.on('data', (chunk) => (data += chunk));
      connection.on('end', () => {
        const { argv, cwd } = JSON.parse(data) as { argv: string[]; cwd: string };
        this.emit('second-instance', {}, argv, cwd, {});
      });
    }).listen(socket);
    this.lockServer.unref();
    return true;
  }

  private handOver: Promise<void> = Promise.resolve();

  releaseSingleInstanceLock(): void {
    this.lockServer?.close();
    this.lockServer = null;
    rmSync(join(this.getPath('userData'), 'SingletonLock'), { force: true });
  }

  focus(): void {}

  /** before-quit (preventable), then windows close, will-quit, quit, and the process exits 0. */
  quit(): void {
    if (this.quitting) return;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) {
      emit({ type: 'quit-prevented' });
      return;
    }
    this.quitting = true;
    destroyAllWindows();
    this.emit('will-quit', { preventDefault: () => undefined });
    this.emit('quit', {}, 0);
    void this.exitAfterCleanup(0);
  }

  exit(code = 0): void {
    this.quitting = true;
    void this.exitAfterCleanup(code);
  }

  private async exitAfterCleanup(code: number): Promise<void> {
    await this.handOver;
    if (this.lockServer !== null) this.releaseSingleInstanceLock();
    closeServer();
    await closeBrowser();
    emit({ type: 'exit', code });
    process.exit(code);
  }
}

export const app = new App();
setAppEvents(app);

onCommand('second-launch-argv', ({ argv }) => {
  app.emit('second-instance', {}, argv, process.cwd(), {});
});
onCommand('quit', () => app.quit());
