// The app in a browser through `taper serve` (a real transport: HTTP and server-sent events, no test bridge): open the
// printed URL in Debian's Chromium, enter the sandbox, record, see it in the history, stop it there. A page without the
// token gets nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from '../../integration/serve/serve-process.js';
import { SCREENSHOTS } from '../support/renderer-bridge.js';
import { fillStream, startSandbox } from '../support/renderer-steps.js';

let home: string;
let serve: ServeProcess | undefined;

test.beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'taper-serve-e2e-'));
});
test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
  rmSync(home, { recursive: true, force: true });
});

test('record → history → stop in a browser through taper serve', async ({ page }) => {
  serve = await startServe({
    PATH: process.env['PATH'],
    HOME: home,
    TAPER_HOME: home,
    TAPER_LOG_DIR: join(home, 'logs'),
    TZ: 'UTC',
  });
  await page.goto(serve.url);
  // The one-time URL set the session cookie and left the address bar without the token.
  expect(new URL(page.url()).search).toBe('');
  await expect(page.getByRole('heading', { name: 'Welcome to Taper' })).toBeVisible();
  await startSandbox(page);
  await fillStream(page, 'evening-show');
  await page.getByRole('button', { name: '1 h', exact: true }).click();
  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'Recording task created' })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'serve-created.png') });

  await page.getByRole('button', { name: 'History', exact: true }).click();
  const row = page.locator('.history-row').filter({ hasText: 'evening-show' });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /^Stop evening-show / }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(page.locator('.status-badge.status-stopped')).toHaveText('stopped');
  await page.screenshot({ path: join(SCREENSHOTS, 'serve-history-stopped.png') });
});

test('a browser without the token gets no app and no data', async ({ page, request }) => {
  serve = await startServe({
    PATH: process.env['PATH'],
    HOME: home,
    TAPER_HOME: home,
    TAPER_LOG_DIR: join(home, 'logs'),
    TZ: 'UTC',
  });
  const origin = new URL(serve.url).origin;
  const bare = await page.goto(`${origin}/`);
  expect(bare?.status()).toBe(401);
  const api = await request.post(`${origin}/api/history:list`, { data: {} });
  expect(api.status()).toBe(401);
});
