// The desktop shell around the form: damaged data files at start, the quit guard during an import, calls from frames
// that are not ours, notifications that cannot be shown or are clicked, launch at login on Linux, and diagnostics.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { recordNow, startSandbox, useApps } from '../../app/support/app-steps.js';
import { APP_SCREENSHOTS } from '../../app/support/artifacts.js';
import { DEMO_ACCOUNT, DEMO_PUSH_DOMAIN } from '../../../electron/simulator/demo-account.js';

const apps = useApps();

for (const file of ['settings.json', 'app-settings.json', 'plans.json']) {
  test(`a damaged ${file} is moved aside and named in the window; the app and its tray come up`, async () => {
    writeFileSync(join(apps.home.userData, file), '{"profiles": {"prod": ');
    const app = await apps.launch();
    const page = await app.window();
    const banner = page.getByTestId('damaged-files');
    await expect(banner).toContainText(join(apps.home.userData, file));
    const moved = readdirSync(apps.home.userData).filter((name) =>
      name.startsWith(`${file.replace('.json', '')}.corrupt-`),
    );
    expect(moved).toHaveLength(1);
    await expect(banner).toContainText(`The damaged copy was moved to ${join(apps.home.userData, moved[0] ?? '')}`);
    // Nothing in it was deleted: the damaged bytes are in the copy.
    expect(readFileSync(join(apps.home.userData, moved[0] ?? ''), 'utf8')).toBe('{"profiles": {"prod": ');
    expect(app.trayMenu()).toContain('Open Taper');
    // What can be read still works: the first-run choice and the sandbox.
    await startSandbox(page);
    if (file === 'settings.json') await page.screenshot({ path: join(APP_SCREENSHOTS, 'damaged-settings.png') });
    expect(app.exitCode).toBeNull();
  });
}

test('a damaged history.json still gives a tray and a window that names the file', async () => {
  writeFileSync(join(apps.home.userData, 'history.json'), 'not json at all');
  const app = await apps.launch();
  await app.waitFor('tray-menu');
  const page = await app.window();
  await expect(page.getByTestId('damaged-files')).toContainText(join(apps.home.userData, 'history.json'));
  await expect(page.getByTestId('damaged-files')).toContainText('It stays where it is until Taper next writes it');
});

test('quitting during an import asks first; "Keep importing" keeps it running, "Quit anyway" quits', async () => {
  const app = await apps.launch();
  const page = await app.window();
  await startSandbox(page);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Time zone of times in the file').fill('UTC');
  // 120 rows at the platform's 20 requests/s: a few seconds of sending, long enough to quit in the middle.
  const lines = [
    'domain,app,stream,from,duration',
    ...Array.from({ length: 120 }, (_, index) => `${DEMO_PUSH_DOMAIN},live,bulk-${index},+${1 + (index % 5)}h,30m`),
  ];
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'shows.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
  await page.getByRole('button', { name: 'Import 120 row(s)' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();

  await app.command('queue-dialog-answer', { kind: 'message-box', value: 0 });
  await app.pickTray('Quit');
  const asked = await app.waitFor('dialog', (event) => event['kind'] === 'message-box');
  expect(String(asked['message']), JSON.stringify(asked)).toMatch(
    /^An import is running \(\d+\/120\)\. Quitting now stops it\.$/,
  );
  expect(asked['buttons']).toEqual(['Keep importing', 'Quit anyway']);
  // The question belongs to the window: a dialog with a parent.
  expect(asked['parent']).not.toBeNull();
  await app.waitFor('quit-prevented');
  expect(app.exitCode).toBeNull();

  await app.command('queue-dialog-answer', { kind: 'message-box', value: 1 });
  await app.pickTray('Quit');
  expect(await app.exited).toBe(0);
});

test('a call from a frame that is not ours is refused; a subframe gets no api at all', async () => {
  const app = await apps.launch();
  const page = await app.window();
  // What Electron would deliver for another page, a subframe, another window: Forbidden, and logged.
  for (const [frameUrl, mainFrame, webContentsId] of [
    ['https://evil.example/', true, 1],
    ['file:///opt/Taper/resources/app.asar/dist/renderer/index.html', true, 1],
    ['taper://app/index.html', false, 1],
    ['taper://app/index.html', true, 99],
  ] as const) {
    const answer = await app.command('invoke-as', {
      channel: 'profiles:list',
      args: [],
      frameUrl,
      mainFrame,
      webContentsId,
    });
    expect(answer, `${frameUrl} main=${mainFrame} id=${webContentsId}`).toEqual({
      ok: false,
      error: { code: 'Taper.Ipc.Forbidden', message: 'This window may not call Taper.' },
    });
  }
  // The same call from our own main frame is answered (the refusals above are about the frame, not the channel).
  expect(
    await app.command('invoke-as', {
      channel: 'profiles:list',
      args: [],
      frameUrl: 'taper://app/index.html#/history',
      mainFrame: true,
      webContentsId: 1,
    }),
  ).toEqual({ ok: true, value: [] });
  // A subframe never gets the preload (nodeIntegrationInSubFrames is off), so it cannot even try.
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>child</p>';
    document.body.append(frame);
    return new Promise((done) => frame.addEventListener('load', done));
  });
  const child = page.frames().find((frame) => frame !== page.mainFrame());
  expect(await child?.evaluate(() => typeof (window as unknown as { api?: unknown }).api)).toBe('undefined');
  expect(readFileSync(join(apps.home.config, 'Taper', 'logs', 'main.log'), 'utf8')).toContain(
    'IPC profiles:list refused: not our renderer entry',
  );
});

test('a notification the OS refuses becomes a banner in the window; a click on one opens its view', async () => {
  const app = await apps.launch({ env: { TAPER_STANDIN_NOTIFICATIONS: 'fail' } });
  const page = await app.window();
  await startSandbox(page);
  await recordNow(page, 'evening-show');
  await app.waitFor('notification-failed', (event) => event['title'] === 'Recording task created');
  const notice = page.getByTestId('app-notice').filter({ hasText: 'Recording task created' });
  await expect(notice).toContainText('evening-show');
  await expect(page.getByTestId('app-notice').filter({ hasText: 'Safe to start pushing' })).toBeVisible({
    timeout: 8_000,
  });
  await page.screenshot({ path: join(APP_SCREENSHOTS, 'notification-banner.png') });
  await notice.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
});

test('clicking a notification opens the view it is about', async () => {
  const app = await apps.launch();
  const page = await app.window();
  await startSandbox(page);
  await recordNow(page, 'evening-show');
  const shown = await app.waitFor('notification', (event) => event['title'] === 'Recording task created');
  await app.command('click-notification', { index: shown['index'] });
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
});

test('launch at login on Linux writes an XDG autostart entry with --hidden, and removes it again', async () => {
  const app = await apps.launch();
  const page = await app.window();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const entry = join(apps.home.config, 'autostart', 'taper.desktop');
  expect(existsSync(entry)).toBe(false);
  await page.getByLabel('Start Taper at login').check();
  await expect.poll(() => existsSync(entry)).toBe(true);
  const text = readFileSync(entry, 'utf8');
  expect(text).toContain('[Desktop Entry]');
  expect(text).toMatch(/^Exec=.*--hidden$/m);
  expect(text).toContain('Name=Taper');
  // Electron's own call does nothing on Linux: Taper must not rely on it.
  expect(app.all('login-item')).toEqual([]);

  // Reconciled with the OS at start: the entry removed in the desktop's settings turns the setting off.
  expect(await app.quit()).toBe(0);
  writeFileSync(entry, text.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'));
  const restarted = await apps.launch();
  const again = await restarted.window();
  await again.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(again.getByLabel('Start Taper at login')).not.toBeChecked();
  await again.getByLabel('Start Taper at login').check();
  await expect.poll(() => readFileSync(entry, 'utf8')).toContain('X-GNOME-Autostart-enabled=true');
  await again.getByLabel('Start Taper at login').uncheck();
  await expect.poll(() => existsSync(entry)).toBe(false);
});

test('Copy diagnostics puts versions, recent errors and the log tail on the clipboard, and no key', async () => {
  const app = await apps.launch();
  const page = await app.window();
  await page.getByRole('button', { name: 'Add Tencent Cloud keys' }).click();
  // A profile with a real-looking key: it must appear nowhere in the diagnostics or the log.
  await page.getByLabel('Profile name').fill('prod');
  await page.getByLabel('SecretId').fill('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE');
  await page.getByLabel('SecretKey').fill(DEMO_ACCOUNT.secretKey);
  await page.getByRole('button', { name: 'Save keys' }).click();
  await expect(page.getByText('Saved profile prod.')).toBeVisible();
  await app.pickTray('Copy diagnostics');
  await app.waitFor('clipboard');
  const text = String(await app.command('clipboard'));
  expect(text).toContain('Taper 0.1.0');
  expect(text).toContain(join(apps.home.config, 'Taper', 'logs', 'main.log'));
  expect(text).toContain('starting (linux');
  expect(text).not.toContain(DEMO_ACCOUNT.secretKey);
  expect(text).not.toContain('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE');
  expect(readFileSync(join(apps.home.config, 'Taper', 'logs', 'main.log'), 'utf8')).not.toContain(
    DEMO_ACCOUNT.secretKey,
  );
});

test('"Try the sandbox" works where no keyring runs: its demo key lives in memory, never in the keychain', async () => {
  // No Secret Service on this bus: every keychain call fails, as on a headless box or a desktop without a keyring.
  const app = await apps.launch({ env: { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(apps.home.root, 'no-bus')}` } });
  const page = await app.window();
  await startSandbox(page);
  await recordNow(page, 'evening-show');
  await expect(page.getByRole('heading', { name: 'Recording task created' })).toBeVisible();
  // Nothing about the demo key on disk either: settings.json has the profile's name and endpoint only.
  expect(readFileSync(join(apps.home.userData, 'settings.json'), 'utf8')).not.toContain(DEMO_ACCOUNT.secretKey);
});
