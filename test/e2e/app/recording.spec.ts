// A broadcaster's path through the built app: sandbox, record from the form, the tray shows it, "safe to push" 3 s
// later, copy the TaskId, stop from the tray, quick-record again from the tray; the machine wakes and Taper resyncs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { StandInEvent } from '../../app/support/app-harness.js';
import { recordNow, startSandbox, useApps } from '../../app/support/app-steps.js';
import { APP_SCREENSHOTS, saveTrayDump } from '../../app/support/artifacts.js';
import { DEMO_ACCOUNT, DEMO_PUSH_DOMAIN } from '../../../electron/simulator/demo-account.js';

const STREAM_LABEL = `live/evening-show · ${DEMO_PUSH_DOMAIN}`;
const apps = useApps();

async function recordInSandbox(page: Page, stream: string): Promise<void> {
  await startSandbox(page);
  await recordNow(page, stream);
  await expect(page.getByRole('heading', { name: 'Recording task created' })).toBeVisible();
}

/** Whether the menu has an item with this label (at any depth, enabled or not). */
const hasLine = (line: string | RegExp) => (event: StandInEvent) =>
  (event['lines'] as string[])
    .map((item) => item.replace(/ {2}\(disabled\)$/, '').trim())
    .some((item) => (typeof line === 'string' ? item === line : line.test(item)));

test('sandbox → record from the form → the tray shows it → "safe to push" 3 s later → Stop from the tray', async () => {
  const app = await apps.launch();
  const page = await app.window();
  await recordInSandbox(page, 'evening-show');

  await app.waitFor('tray-menu', hasLine('Now recording'));
  expect(app.trayMenu()).toContain(`${STREAM_LABEL} — 1 h left  (disabled)`);
  expect(app.last('tray-tooltip')?.['text']).toBe('Taper — recording 1 task');
  saveTrayDump('recording', app);
  await page.screenshot({ path: join(APP_SCREENSHOTS, 'recording-created.png') });

  const created = await app.waitFor('notification', (event) => event['title'] === 'Recording task created');
  const safe = await app.waitFor('notification', (event) => event['title'] === 'Safe to start pushing', {
    timeoutMs: 8_000,
  });
  expect(String(safe['body'])).toContain('evening-show');
  // The platform needs 3 s after creating before a push is recorded (PUSH_DELAY_SECONDS).
  expect(Number(safe['at']) - Number(created['at'])).toBeGreaterThanOrEqual(2_900);

  // The Copy button beside the TaskId: granted to our main frame, and the TaskId is what lands on the clipboard.
  const taskId = (await page.getByTestId('task-id').textContent())?.trim() ?? '';
  expect(taskId).not.toBe('');
  await page.getByRole('button', { name: 'Copy TaskId' }).click();
  await expect(page.getByRole('button', { name: 'Copy TaskId' })).toHaveText('Copied');
  expect(await app.command('clipboard')).toBe(taskId);
  expect(app.last('permission')).toMatchObject({ permission: 'clipboard-sanitized-write', granted: true });

  const from = app.events.length;
  await app.pickTray('Stop recording', STREAM_LABEL);
  await app.waitFor('tray-menu', (event) => !hasLine('Now recording')(event), { from });
  expect(app.last('tray-tooltip')?.['text']).toBe('Taper — idle');
  // The open window follows: its history reloads on history:changed.
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.screenshot({ path: join(APP_SCREENSHOTS, 'history-after-tray-stop.png') });
  await expect(page.locator('.status-badge.status-stopped')).toHaveText('stopped');
  saveTrayDump('after-stop', app);
});

test('quick record from the tray: a recent stream, 30 min, created without opening the form', async () => {
  const app = await apps.launch();
  const page = await app.window();
  await recordInSandbox(page, 'evening-show');
  await app.waitFor('tray-menu', hasLine('Now recording'));
  await app.pickTray('Stop recording', STREAM_LABEL);
  await app.waitFor('tray-tooltip', (event) => event['text'] === 'Taper — idle');

  const from = app.events.length;
  await app.pickTray('Quick record', STREAM_LABEL, '30 min');
  const created = await app.waitFor('notification', (event) => event['title'] === 'Recording task created', { from });
  expect(String(created['body'])).toContain('evening-show');
  const menu = await app.waitFor('tray-menu', hasLine(/evening-show.* — (29|30) min left/), { from });
  expect(menu['lines']).toContain('Now recording  (disabled)');
  saveTrayDump('quick-record', app);
});

test('waking from sleep resyncs: a task stopped elsewhere meanwhile leaves the tray without any click', async () => {
  const app = await apps.launch();
  const page = await app.window();
  await recordInSandbox(page, 'evening-show');
  await app.waitFor('tray-tooltip', (event) => event['text'] === 'Taper — recording 1 task');
  const taskId = (await page.getByTestId('task-id').textContent())?.trim() ?? '';
  // Another operator stops the task on the platform with their own copy of taper: this app's history does not know.
  const endpoint = (
    JSON.parse(readFileSync(join(apps.home.userData, 'settings.json'), 'utf8')) as {
      profiles: Record<string, { endpoint: string }>;
    }
  ).profiles['sandbox']?.endpoint;
  const elsewhere = mkdtempSync(join(tmpdir(), 'taper-elsewhere-'));
  const stopped = spawnSync(process.execPath, ['bin/taper', 'stop', taskId], {
    env: {
      ...process.env,
      TAPER_HOME: elsewhere,
      TAPER_ENDPOINT: endpoint,
      TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
      TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
    },
    encoding: 'utf8',
    timeout: 20_000,
  });
  rmSync(elsewhere, { recursive: true, force: true });
  expect(stopped.status, stopped.stderr).toBe(0);
  await new Promise((settle) => setTimeout(settle, 500));
  expect(app.last('tray-tooltip')?.['text']).toBe('Taper — recording 1 task');

  const from = app.events.length;
  await app.command('power', { event: 'resume' });
  // resume → sync with the platform → the history says stopped → the tray is rendered again from it.
  await app.waitFor('tray-tooltip', (event) => event['text'] === 'Taper — idle', { from });
  expect(app.trayMenu()).not.toContain('Now recording');
});

test('a `taper record` in another process reaches the open window and the tray without any click', async () => {
  const app = await apps.launch();
  const page = await app.window();
  await recordInSandbox(page, 'evening-show');
  await app.waitFor('tray-tooltip', (event) => event['text'] === 'Taper — recording 1 task');
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(page.getByText('evening-show').first()).toBeVisible();
  await expect(page.getByText('cli-show')).toHaveCount(0);
  const endpoint = (
    JSON.parse(readFileSync(join(apps.home.userData, 'settings.json'), 'utf8')) as {
      profiles: Record<string, { endpoint: string }>;
    }
  ).profiles['sandbox']?.endpoint;

  // The same data directory as the app, as cron or a terminal on the same machine would use it.
  const from = app.events.length;
  const recorded = spawnSync(
    process.execPath,
    ['bin/taper', 'record', '--domain', DEMO_PUSH_DOMAIN, '--app', 'live', '--stream', 'cli-show', '--for', '30m'],
    {
      env: {
        ...process.env,
        TAPER_HOME: apps.home.userData,
        TAPER_ENDPOINT: endpoint,
        TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
        TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
      },
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  expect(recorded.status, recorded.stderr).toBe(0);

  // The data watcher saw history.json change: history:changed reloads the list, the tray is rendered again.
  await expect(page.getByText('cli-show').first()).toBeVisible({ timeout: 5_000 });
  await app.waitFor('tray-tooltip', (event) => event['text'] === 'Taper — recording 2 tasks', { from });
});
