// From task to file, in the built renderer over the real services and the simulator: a settled window's files under
// its history row (Open goes through main's allowlist), "Simulate a push" in the sandbox, and recording templates in
// Settings (added on the simulated account, made the default, preselected by the record form).
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Settings } from '../../../shared/ipc/contract.js';
import { assertRendererBuilt, openRenderer, SCREENSHOTS, type RendererWorld } from '../support/renderer-bridge.js';
import { seedSettled, VOD_URL } from '../support/outcome-fixtures.js';
import { DOMAIN, startSandbox } from '../support/renderer-steps.js';

let world: RendererWorld;
test.beforeAll(() => assertRendererBuilt());
test.afterEach(async () => world?.close());

const OTHER_URL = 'https://files.example.net/5285890722222222/f0.m3u8';

async function setTheme(page: Page, theme: Settings['theme']): Promise<void> {
  await page.evaluate(
    (value) =>
      (window as unknown as { api: { settings: { set(p: unknown): Promise<unknown> } } }).api.settings.set({
        theme: value,
      }),
    theme,
  );
  await page.reload();
}

test('a settled window shows its files, gaps and why; Open asks main, which opens VOD links only', async ({ page }) => {
  world = await openRenderer(page);
  await seedSettled(world, 'evening-show', OTHER_URL);
  // The page read the history before the seed: as after a sync in another process, it reads it again.
  await page.reload();
  await startSandbox(page);
  // A window with gaps is an alert: the nav counts it.
  await page.getByRole('button', { name: 'History ⚠ 1', exact: true }).click();
  const row = page.locator('.history-row').filter({ hasText: 'evening-show' });
  await expect(row.getByTestId('outcome')).toHaveText('recorded with gaps · 2 file(s), 50 min');
  await row.getByRole('button', { name: 'Show files of evening-show: 2 file(s)' }).click();
  const detail = page.getByTestId('outcome-detail');
  await expect(detail).toContainText(
    '1 gap(s) over 60 s without a file; 1 while the stream was pushed (recording lost).',
  );
  await expect(detail.getByTestId('outcome-file')).toHaveCount(2);
  await expect(detail.getByTestId('outcome-file').first()).toContainText('25 min');
  await expect(detail.getByTestId('outcome-file').first()).toContainText('size 1.2 GB');
  await expect(detail.getByTestId('outcome-gap')).toContainText('(10 min): the stream was pushed then: recording lost');
  await page.screenshot({ path: join(SCREENSHOTS, 'history-files.png'), fullPage: true });

  await detail.getByRole('button', { name: 'Open file 1 of evening-show' }).click();
  await expect.poll(() => world.opened).toEqual([VOD_URL]);
  // The second file's URL is on no VOD host: main refuses it, the page says so, nothing is opened.
  await detail.getByRole('button', { name: 'Open file 2 of evening-show' }).click();
  await expect(detail.getByRole('alert')).toContainText(
    'This link is not a recording file on Tencent Cloud VOD, so Taper did not open it.',
  );
  expect(world.opened).toEqual([VOD_URL]);
  await page.screenshot({ path: join(SCREENSHOTS, 'history-files-refused.png'), fullPage: true });
});

test('the files of a window in Chinese, dark theme', async ({ page }) => {
  world = await openRenderer(page, { language: 'zh-CN' });
  await seedSettled(world, '晚间节目');
  await page.getByRole('button', { name: '试用沙盒（模拟环境，不会真正录制）' }).click();
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
  await setTheme(page, 'dark');
  await page.getByRole('button', { name: '历史 ⚠ 1', exact: true }).click();
  await page.getByRole('button', { name: '显示 晚间节目 的文件: 2 个文件' }).click();
  await expect(page.getByTestId('outcome-detail')).toContainText(
    '有 1 处超过 60 秒的中断没有文件；其中 1 处当时有推流（录制丢失）。',
  );
  await page.screenshot({ path: join(SCREENSHOTS, 'history-files-zh-dark.png'), fullPage: true });
});

test('in the sandbox, "Simulate a push" makes the simulator push the stream, and says until when', async ({ page }) => {
  world = await openRenderer(page);
  await startSandbox(page);
  const panel = page.getByTestId('sandbox-push');
  await panel.getByLabel('Domain of the push').fill(DOMAIN);
  await panel.getByLabel('Stream to push').fill('evening-show');
  await panel.getByLabel('Push for').fill('40m');
  await panel.getByRole('button', { name: 'Simulate a push' }).click();
  await expect(panel.getByTestId('push-result')).toHaveText(
    /^Pushing live\/evening-show \(simulated\) until \d\d:\d\d\.$/,
  );
  const pushes = (await (await fetch(`${world.endpoint}/__simulator/pushes`)).json()) as {
    pushes: { stream: string; startTime: number; endTime: number }[];
  };
  expect(pushes.pushes.map((push) => [push.stream, push.endTime - push.startTime])).toEqual([['evening-show', 2_400]]);
  await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-push.png'), fullPage: true });
});

test('templates in Settings: add one on the account, make it the default; the record form preselects it', async ({
  page,
}) => {
  world = await openRenderer(page);
  await startSandbox(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const section = page.getByTestId('templates');
  await expect(section).toContainText('A task without one records HLS, and VOD keeps those files forever, billed');
  await expect(section.getByTestId('default-template')).toHaveText(
    'sandbox: no default template, so its tasks record HLS kept forever unless one is chosen.',
  );
  await section.getByLabel('Template name').fill('mp4-30d');
  await section.getByLabel('Keep files (days)').fill('30');
  await section.getByLabel('File length (minutes)').fill('60');
  await section.getByRole('button', { name: 'Add template' }).click();
  const added = section.getByText(/^Added template \d+ \(mp4-30d\)\.$/);
  await expect(added).toBeVisible();
  const templateId = /template (\d+)/.exec((await added.textContent()) ?? '')?.[1] ?? '';
  await section.getByRole('button', { name: 'Use by default mp4-30d' }).click();
  await expect(section.getByTestId('default-template')).toHaveText(
    `sandbox: tasks use template ${templateId} unless another is chosen.`,
  );
  await page.screenshot({ path: join(SCREENSHOTS, 'settings-templates.png'), fullPage: true });

  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByLabel('Recording template')).toHaveValue(templateId);
});

test('templates in Settings, in Chinese, dark theme', async ({ page }) => {
  world = await openRenderer(page, { language: 'zh-CN' });
  await page.getByRole('button', { name: '试用沙盒（模拟环境，不会真正录制）' }).click();
  // The reload below must come after the sandbox has started (its profile saved), not while it is starting.
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
  await setTheme(page, 'dark');
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await expect(page.getByTestId('templates')).toContainText('没有模板的任务会录制 HLS');
  await page.screenshot({ path: join(SCREENSHOTS, 'settings-templates-zh-dark.png'), fullPage: true });
  await page.getByRole('button', { name: '录制', exact: true }).click();
  await expect(page.getByTestId('sandbox-push')).toContainText('模拟推流（沙盒）');
  await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-push-zh-dark.png'), fullPage: true });
});
