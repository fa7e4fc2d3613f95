// The built renderer in Debian's Chromium with the real services behind window.api (see support/renderer-bridge.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  assertRendererBuilt,
  injectFault,
  openRenderer,
  SCREENSHOTS,
  type RendererWorld,
} from '../support/renderer-bridge.js';
import { DOMAIN, fillStream, startSandbox } from '../support/renderer-steps.js';

let world: RendererWorld;

test.beforeAll(() => assertRendererBuilt());
test.afterEach(async () => world?.close());

const warning = (page: Page, code: string) => page.locator(`.warning[data-code="${code}"]`);

test('first run offers keys or the sandbox; a "now" task is created with a visible countdown', async ({ page }) => {
  world = await openRenderer(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Taper' })).toBeVisible();
  await startSandbox(page);
  await fillStream(page, 'evening-show');
  await page.getByRole('button', { name: '1 h', exact: true }).click();
  for (const code of ['PushDelay', 'NoTemplate', 'RecordExpires', 'StreamNotLive'])
    await expect(warning(page, code)).toBeVisible();
  await expect(page.getByTestId('end-time')).toContainText('EndTime=');
  await page.screenshot({ path: join(SCREENSHOTS, 'record-form-warnings.png'), fullPage: true });

  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'Recording task created' })).toBeVisible();
  await expect(page.getByTestId('task-id')).not.toBeEmpty();
  await expect(page.getByTestId('request-id')).not.toBeEmpty();
  await expect(page.getByText(/Start pushing in [123]…/)).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'created-countdown.png'), fullPage: true });
  await expect(page.getByText('Safe to start pushing.')).toBeVisible({ timeout: 6000 });
  const history = await world.services.history.list();
  // A task that starts now is already `recording` by the time the history is read.
  expect(
    history.ok &&
      history.value.map((entry) => [
        entry.stream,
        entry.taskId !== null,
        ['scheduled', 'recording'].includes(entry.status),
      ]),
  ).toEqual([['evening-show', true, true]]);
});

test('a later task with a template shows when it starts; overlaps warn, more strongly at three', async ({ page }) => {
  world = await openRenderer(page);
  await startSandbox(page);
  await fillStream(page, 'match');
  await page.getByLabel('From').fill('+2h');
  await page.getByRole('button', { name: '2 h', exact: true }).click();
  await expect(warning(page, 'PushDelay')).toHaveCount(0);
  const templates = page.getByLabel('Recording template');
  const firstTemplate = await templates.locator('option').nth(1).getAttribute('value');
  expect(firstTemplate).not.toBeNull();
  await templates.selectOption(firstTemplate ?? '');
  await expect(warning(page, 'NoTemplate')).toHaveCount(0);
  for (let index = 0; index < 3; index++) {
    await page.getByRole('button', { name: 'Create recording task' }).click();
    await expect(page.getByText(/Recording starts at/)).toBeVisible();
    await page.getByRole('button', { name: 'Schedule another' }).click();
    await page.getByLabel('From').fill('+2h');
    await page.getByRole('button', { name: '2 h', exact: true }).click();
    await expect(warning(page, index === 2 ? 'OverlapLimit' : 'Overlap')).toBeVisible();
  }
  await expect(page.locator('.warning.strong')).toHaveAttribute('data-code', 'OverlapLimit');
});

test('rules that block: over 366 days, DST gap; over 24 h and 6+ days ahead become chains; a short window only warns', async ({
  page,
}) => {
  world = await openRenderer(page);
  await startSandbox(page);
  await fillStream(page, 'rules');
  const submit = page.getByRole('button', { name: 'Create recording task' });
  // Issue 5: one task's 24 h / 6-day limits no longer block: the window becomes a chain of links, planned as needed.
  await page.getByLabel('Duration').fill('25h');
  await expect(page.getByTestId('chain-preview').locator('.chain-link')).toHaveCount(2);
  await expect(page.getByText(/at most 24 hours/)).toHaveCount(0);
  await expect(submit).toBeEnabled();
  await page.getByLabel('Duration').fill('400d');
  await expect(page.getByText(/at most 366 days/)).toBeVisible();
  await expect(submit).toBeDisabled();
  await page.getByLabel('Duration').fill('1h');
  await page.getByLabel('From').fill('+7d');
  await expect(page.getByTestId('chain-preview')).toContainText('planned — created on');
  await expect(page.getByText(/at most 6 days/)).toHaveCount(0);
  await expect(submit).toBeEnabled();
  await page.getByLabel('Time zone of typed times').fill('Europe/Berlin');
  await page.getByLabel('From').fill('2027-03-28 02:30');
  await expect(page.locator('[data-code="Time.DstGap"]')).toBeVisible();
  await page.getByLabel('From').fill('');
  await page.getByLabel('Duration').fill('5s');
  await expect(warning(page, 'TooShort')).toBeVisible();
  await expect(submit).toBeEnabled();
});

test('an API error shows the catalog text, the next step and the VOD console link', async ({ page }) => {
  world = await openRenderer(page);
  await startSandbox(page);
  await fillStream(page, 'vod-off');
  await page.getByRole('button', { name: '30 min' }).click();
  await injectFault(world.endpoint, 'vod-inactive', 'CreateRecordTask');
  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'The task was not created' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the console page' })).toHaveAttribute(
    'href',
    'https://console.cloud.tencent.com/vod',
  );
  await expect(page.getByText(/Next step:/)).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'api-error.png'), fullPage: true });
});

test('a lost answer is reported as unknown and left to sync', async ({ page }) => {
  world = await openRenderer(page);
  await startSandbox(page);
  await fillStream(page, 'lost');
  await page.getByRole('button', { name: '30 min' }).click();
  await injectFault(world.endpoint, 'create-then-reset');
  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'Outcome unknown' })).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/Sync done:/)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('last-synced')).toContainText('Last synced:');
});

test('history: search by stream and export CSV', async ({ page }) => {
  world = await openRenderer(page);
  await startSandbox(page);
  for (const stream of ['news-am', 'news-pm', 'sport']) {
    await fillStream(page, stream);
    await page.getByRole('button', { name: '30 min' }).click();
    await page.getByRole('button', { name: 'Create recording task' }).click();
    await expect(page.getByRole('heading', { name: 'Recording task created' })).toBeVisible();
    await page.getByRole('button', { name: 'Schedule another' }).click();
  }
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.locator('.history-row')).toHaveCount(3);
  await page.getByLabel('Search stream').fill('news');
  await expect(page.locator('.history-row')).toHaveCount(2);
  await expect(page.locator('.history-row').first()).toContainText('news-pm');
  await page.screenshot({ path: join(SCREENSHOTS, 'history.png'), fullPage: true });
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect(page.getByText(/Saved to /)).toBeVisible();
  const [format, path] = world.exports[0] ?? ['', ''];
  expect(format).toBe('csv');
  const csv = await readFile(path, 'utf8');
  expect(csv).toContain('news-am');
  expect(csv).toContain('sport');
});

test('settings: add keys (write-only secret), test them, and switch to Chinese', async ({ page }) => {
  world = await openRenderer(page);
  await page.getByRole('button', { name: 'Add Tencent Cloud keys' }).click();
  await page.getByLabel('Profile name').fill('studio');
  await page.getByLabel('SecretId').fill('AKIDTAPERSANDBOX00000000000000000000');
  const secret = page.getByLabel('SecretKey');
  await expect(secret).toHaveAttribute('type', 'password');
  await secret.fill('TaperSandboxSecretKeyNotARealKey0000');
  await page.getByRole('button', { name: 'Save keys' }).click();
  await expect(page.getByText('Saved profile studio.')).toBeVisible();
  await expect(secret).toHaveValue('');
  expect(await page.content()).not.toContain('TaperSandboxSecretKeyNotARealKey0000');
  await page.getByRole('button', { name: 'Test keys' }).click();
  await expect(page.getByText('Keys work.')).toBeVisible();

  await page.getByLabel('Profile name').fill('wrong');
  await page.getByLabel('SecretId').fill('AKIDTAPERSANDBOX00000000000000000000');
  await page.getByLabel('SecretKey').fill('not-the-key');
  await page.getByRole('button', { name: 'Save keys' }).click();
  await page.locator('.profile', { hasText: 'wrong' }).getByRole('button', { name: 'Test keys' }).click();
  await expect(page.locator('.check.bad')).toHaveAttribute('data-status', 'wrong-key');
  await page.screenshot({ path: join(SCREENSHOTS, 'settings.png'), fullPage: true });

  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '录制' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: '录制' }).click();
  await page.getByLabel('推流域名').fill(DOMAIN);
  await page.getByLabel('流名称').fill('zh-demo');
  await page.getByRole('button', { name: '1 小时' }).click();
  await expect(page.getByText('创建后请等待 3 秒再推流')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'chinese-ui.png'), fullPage: true });
});

test('two accounts: the form asks which one records, and the task is created with that one', async ({ page }) => {
  world = await openRenderer(page);
  await page.getByRole('button', { name: 'Add Tencent Cloud keys' }).click();
  const addProfile = async (name: string, secretKey: string) => {
    await page.getByLabel('Profile name').fill(name);
    await page.getByLabel('SecretId').fill('AKIDTAPERSANDBOX00000000000000000000');
    await page.getByLabel('SecretKey').fill(secretKey);
    await page.getByRole('button', { name: 'Save keys' }).click();
    await expect(page.getByText(`Saved profile ${name}.`)).toBeVisible();
  };
  await addProfile('studio', 'TaperSandboxSecretKeyNotARealKey0000');
  // A second account whose key the platform does not accept: a task sent with it fails, so the test sees which was used.
  await addProfile('night-desk', 'not-the-key');

  await page.getByRole('button', { name: 'Record', exact: true }).click();
  const account = page.getByLabel('Account (profile)');
  // Two profiles and no default: the form asks before anything can be sent.
  await expect(account).toHaveValue('');
  await expect(account.locator('option')).toHaveText(['Choose an account…', /^night-desk · AKID/, /^studio · AKID/]);
  await fillStream(page, 'two-accounts');
  await page.getByRole('button', { name: '1 h', exact: true }).click();
  await expect(page.getByText('No profile is the default: choose the account to record with.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create recording task' })).toBeDisabled();
  await account.selectOption('studio');
  await page.screenshot({ path: join(SCREENSHOTS, 'record-form-accounts.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'Recording task created' })).toBeVisible();

  await page.getByRole('button', { name: 'Schedule another' }).click();
  await expect(account).toHaveValue('studio');
  await account.selectOption('night-desk');
  await page.getByRole('button', { name: '1 h', exact: true }).click();
  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'The task was not created' })).toBeVisible();
  await expect(page.locator('.error-code')).toHaveText(/^AuthFailure/);

  const history = await world.services.history.list();
  expect(history.ok && history.value.map((entry) => [entry.profile, entry.status]).sort()).toEqual([
    ['night-desk', 'failed'],
    ['studio', expect.stringMatching(/^(scheduled|recording)$/)],
  ]);

  // Import and new shows ask the same question, and send with the account chosen.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const importAccount = page.getByLabel('Account (profile)');
  await expect(importAccount).toHaveValue('');
  await page.getByLabel('Time zone of times in the file').fill('UTC');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'two.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`domain,app,stream,from,duration\n${DOMAIN},live,imported,+1h,30m\n`),
  });
  const importButton = page.getByRole('button', { name: 'Import 1 row(s)' });
  await expect(importButton).toBeDisabled();
  await importAccount.selectOption('studio');
  await page.screenshot({ path: join(SCREENSHOTS, 'import-accounts.png'), fullPage: true });
  await importButton.click();
  await expect(page.getByTestId('import-report-summary')).toHaveText(/^1 created/, { timeout: 10_000 });
  const imported = await world.services.history.list({ stream: 'imported' });
  expect(imported.ok && imported.value.map((entry) => entry.profile)).toEqual(['studio']);
  await page.getByRole('button', { name: 'Shows', exact: true }).click();
  await page.getByRole('button', { name: 'Add a show' }).click();
  await expect(page.getByLabel('Account (profile)')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Add show' })).toBeDisabled();

  // With a default, the form starts on it.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.locator('.profile', { hasText: 'studio' }).getByRole('button', { name: 'Make default' }).click();
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(account).toHaveValue('studio');
  await expect(account.locator('option', { hasText: 'studio' })).toHaveText(/^studio \(default\) · AKID/);

  // The tray's "Record until…" for a stream last recorded with another account starts on that account.
  await world.emit('navigate', {
    view: 'record',
    prefill: { domainName: DOMAIN, appName: 'live', streamName: 'night-show', profile: 'night-desk' },
  });
  await expect(page.getByLabel('Stream name')).toHaveValue('night-show');
  await expect(account).toHaveValue('night-desk');
});
