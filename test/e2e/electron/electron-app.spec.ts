// The real app under Electron: a manual launch opens the window, --hidden stays in the tray, single instance (a
// second launch brings the first's window back), and a hardened renderer (no Node, only `window.api`). Needs an
// Electron runtime: where there is none (these CI machines), every test skips with the printed reason; the same
// behaviour runs here under the stand-in (test/e2e/app/).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const SKIP_REASON = 'skipped: no Electron runtime';

/** The binary electron's install script would have fetched; never `require('electron')` (it tries to download). */
function electronBinary(): string | null {
  const root = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(root, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (binary === null) console.log(SKIP_REASON);

test.describe('Electron app', () => {
  test.skip(binary === null, SKIP_REASON);

  let home: string;
  const running: ElectronApplication[] = [];
  const launch = (extra: string[] = []) =>
    electron
      .launch({
        executablePath: binary ?? undefined,
        args: ['.', ...extra],
        // A private profile: keeps the test's settings and history away from the user's.
        env: { ...process.env, XDG_CONFIG_HOME: home, TAPER_HOME: join(home, 'Taper') },
      })
      .then((app) => {
        running.push(app);
        return app;
      });

  test.beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'taper-electron-'));
  });
  test.afterEach(async () => {
    for (const app of running.splice(0)) await app.close().catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
  });

  test("started --hidden it stays in the tray; a second launch opens the first instance's window and exits", async () => {
    const first = await launch(['--hidden']);
    await first.evaluate(({ app }) => app.whenReady());
    expect(await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);

    const opened = first.waitForEvent('window');
    const second = await launch();
    const exited = new Promise<void>((resolve) => second.process().once('exit', () => resolve()));
    await exited;
    const page = await opened;
    await page.waitForLoadState('domcontentloaded');
    expect(await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('a manual launch opens the window; the renderer has no Node and sees only window.api', async () => {
    const first = await launch();
    const page = await first.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const globals = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      return {
        require: typeof scope['require'],
        process: typeof scope['process'],
        module: typeof scope['module'],
        ipcRenderer: typeof scope['ipcRenderer'],
        apiAreas: Object.keys((scope['api'] ?? {}) as object).sort(),
        hasGenericInvoke: typeof (scope['api'] as Record<string, unknown> | undefined)?.['invoke'],
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
      apiAreas: [
        'alerts',
        'app',
        'events',
        'history',
        'imports',
        'live',
        'plans',
        'profiles',
        'record',
        'recordings',
        'sandbox',
        'series',
        'settings',
        'tasks',
      ],
      hasGenericInvoke: 'undefined',
    });
  });

  test('the app answers api.app.info through the validated IPC', async () => {
    const first = await launch();
    const page = await first.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe('taper://app/index.html');
    const info = await page.evaluate(() =>
      (window as unknown as { api: { app: { info(): Promise<unknown> } } }).api.app.info(),
    );
    expect(info).toMatchObject({ ok: true, value: { sandbox: false } });
  });
});
