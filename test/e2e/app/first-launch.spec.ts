// The built app, started as a user starts it: the window opens on a manual launch with the first-run choice, stays
// in the tray when started at login, a second launch brings the first's window back, and closing the window keeps
// Taper running (said once).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { useApps } from '../../app/support/app-steps.js';
import { APP_SCREENSHOTS, saveTrayDump } from '../../app/support/artifacts.js';

const apps = useApps();

test('a first manual launch opens the window with "Add keys / Try the sandbox", hardened, and a tray', async () => {
  const app = await apps.launch();
  const page = await app.window();
  await expect(page.getByRole('heading', { name: 'Welcome to Taper' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add Tencent Cloud keys' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try the sandbox (simulated, nothing is recorded)' })).toBeVisible();
  expect(app.all('window-shown').length).toBeGreaterThan(0);

  const created = app.last('window-created');
  expect(created?.['webPreferences']).toMatchObject({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
  });
  // Served from Taper's own scheme: the page is the renderer entry main's sender check accepts.
  expect(app.last('window-load')?.['url']).toBe('taper://app/index.html');
  const globals = await page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>;
    return {
      require: typeof scope['require'],
      process: typeof scope['process'],
      bindings: Object.keys(scope).filter((key) => key.startsWith('__taper')),
      apiAreas: Object.keys((scope['api'] ?? {}) as object).sort(),
      invoke: typeof (scope['api'] as Record<string, unknown>)['invoke'],
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    bindings: [],
    apiAreas: [
      'alerts',
      'app',
      'events',
      'files',
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
      'templates',
    ],
    invoke: 'undefined',
  });
  // The header CSP travels with the page (Electron sets no header on file:// pages): an inline script does not run.
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);

  expect(app.trayMenu()).toContain('Open Taper');
  await page.screenshot({ path: join(APP_SCREENSHOTS, 'first-launch.png') });
  saveTrayDump('first-launch', app);
  expect(await app.quit()).toBe(0);
});

test('started at login (--hidden) Taper stays in the tray; "Open Taper" opens the window', async () => {
  const app = await apps.launch({ args: ['--hidden'] });
  await app.waitFor('tray-menu');
  // Give a window every chance to appear: the app has finished starting once the first sync ran.
  await new Promise((settle) => setTimeout(settle, 1_000));
  expect(app.all('window-created')).toEqual([]);
  await app.pickTray('Open Taper');
  const page = await app.window();
  await expect(page.getByRole('heading', { name: 'Welcome to Taper' })).toBeVisible();
});

test('a second launch focuses the first window and exits; the first keeps one window', async () => {
  const first = await apps.launch();
  await first.window();
  const before = first.events.length;
  const second = await apps.launch();
  expect(await second.exited).toBe(0);
  expect(second.all('window-created')).toEqual([]);
  await first.waitFor('window-focused', undefined, { from: before });
  expect(first.all('window-created')).toHaveLength(1);
});

test('closing the window keeps Taper in the tray and says so once, not on every close', async () => {
  const app = await apps.launch();
  await app.window();
  await app.command('close-window');
  const hint = await app.waitFor('notification', (event) => event['title'] === 'Taper is still running');
  expect(String(hint['body'])).toContain('tray');
  expect(app.exitCode).toBeNull();
  const reopened = app.events.length;
  await app.pickTray('Open Taper');
  await app.waitFor('window-load', undefined, { from: reopened });
  await app.command('close-window');
  await app.waitFor('window-closed', undefined, { from: reopened });
  expect(app.all('notification').filter((event) => event['title'] === 'Taper is still running')).toHaveLength(1);
  // Said once per user, not once per run: a restart does not say it again.
  expect(await app.quit()).toBe(0);
  const again = await apps.launch();
  await again.window();
  await again.command('close-window');
  await again.waitFor('window-closed');
  await new Promise((settle) => setTimeout(settle, 300));
  expect(again.all('notification')).toEqual([]);
});

test('a data directory that cannot be created is a dialog and exit 1, never a silent exit', async () => {
  const blocker = join(apps.home.root, 'not-a-folder');
  writeFileSync(blocker, 'a file where the data directory should be');
  const app = await apps.launch({ env: { TAPER_HOME: join(blocker, 'Taper') } });
  expect(await app.exited).toBe(1);
  const box = app.last('dialog');
  expect(box).toMatchObject({ kind: 'error-box', title: 'Taper could not start' });
  expect(String(box?.['content'])).toContain(join(blocker, 'Taper'));
  expect(String(box?.['content'])).toMatch(/Details are in the log: .*main\.log/);
});
