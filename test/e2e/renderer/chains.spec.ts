// Recordings beyond one task in the built renderer, with the real services, scheduler and simulator behind
// window.api: a 30 h chain created from the form and stopped as one, a far-ahead plan, and an alert acknowledged.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { assertRendererBuilt, openRenderer, SCREENSHOTS, type RendererWorld } from '../support/renderer-bridge.js';
import { DOMAIN, fillStream, startSandbox } from '../support/renderer-steps.js';
import { ok } from '../../../shared/result.js';

const DAY = 86_400;
let world: RendererWorld;

test.beforeAll(() => assertRendererBuilt());
test.afterEach(async () => world?.close());

/** The simulator's tasks for a stream (DescribeRecordTask through the sandbox profile). */
async function simulatorTasks(stream: string) {
  const api = await world.services.liveApi();
  if (!api.ok) throw new Error(api.error.message);
  const now = Math.floor(Date.now() / 1000);
  const listed = await api.value.describeRecordTasks({
    startTime: now - 3_600,
    endTime: now + 6 * DAY,
    domainName: DOMAIN,
    appName: 'live',
    streamName: stream,
  });
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value;
}

test('a 30 h recording: previewed as 2 links, created as one recording, one history group, stopped as one', async ({
  page,
}) => {
  world = await openRenderer(page);
  await startSandbox(page);
  await fillStream(page, 'marathon');
  await page.getByLabel('Duration').fill('30h');
  const preview = page.getByTestId('chain-preview');
  await expect(preview.locator('.chain-link')).toHaveCount(2);
  await expect(preview.locator('.chain-link').nth(1)).toContainText('created now');
  await page.screenshot({ path: join(SCREENSHOTS, 'record-form-chain.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create recording task' }).click();

  await expect(page.getByRole('heading', { name: 'Recording created: 2 linked task(s)' })).toBeVisible({
    timeout: 10_000,
  });
  const taskIds = await page.getByTestId('chain-task-id').allTextContents();
  expect(taskIds).toHaveLength(2);
  expect(new Set(taskIds).size).toBe(2);
  expect((await simulatorTasks('marathon')).map((task) => task.taskId).sort()).toEqual([...taskIds].sort());
  await page.screenshot({ path: join(SCREENSHOTS, 'created-chain.png'), fullPage: true });

  await page.getByRole('button', { name: 'History' }).click();
  const group = page.locator('.history-row.recording-row');
  await expect(group).toHaveCount(1);
  await expect(page.locator('.history-row')).toHaveCount(1);
  await expect(group).toContainText('2 links');
  await group.getByRole('button', { name: 'Show links of marathon (2 links)' }).click();
  await expect(page.getByTestId('link-task-id')).toHaveText(taskIds);
  await page.screenshot({ path: join(SCREENSHOTS, 'history-chain.png'), fullPage: true });

  await group.getByRole('button', { name: 'Stop marathon (2 links)' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Stop the whole recording of marathon (2 links)?');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
  const report = page.getByTestId('recording-report');
  await expect(report.locator('li')).toHaveText([`Link 1 (${taskIds[0]}): stopped`, `Link 2 (${taskIds[1]}): deleted`]);
  // On the platform: the running link stopped (its file is kept), the later one deleted.
  const remaining = await simulatorTasks('marathon');
  expect(remaining.map((task) => [task.taskId, task.stopped])).toEqual([[taskIds[0], true]]);
  await expect(group).toContainText('1 stopped');
  await expect(group).toContainText('1 deleted');
  await expect(group.getByRole('button', { name: /^Stop / })).toHaveCount(0);
});

test('a recording 10 days ahead is planned: nothing is sent, the history shows it as planned', async ({ page }) => {
  world = await openRenderer(page);
  await startSandbox(page);
  await fillStream(page, 'far-show');
  await page.getByLabel('From').fill('+10d');
  await page.getByRole('button', { name: '2 h', exact: true }).click();
  await expect(page.getByTestId('chain-preview')).toContainText('planned — created on');
  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'Recording created: 1 linked task(s)' })).toBeVisible();
  await expect(page.locator('.result .chain-link')).toContainText('planned — created on');
  await expect(page.getByTestId('chain-task-id')).toHaveCount(0);
  expect(await simulatorTasks('far-show')).toEqual([]);

  await page.getByRole('button', { name: 'History' }).click();
  const group = page.locator('.history-row.recording-row');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('1 planned');
  const plans = await world.schedule.scheduler.listPlans();
  expect(plans.ok && plans.value.map((plan) => plan.links.map((link) => link.status))).toEqual([['planned']]);
});

test('a missed link is an alert on top of the history until acknowledged', async ({ page }) => {
  world = await openRenderer(page);
  await startSandbox(page);
  await fillStream(page, 'missed-show');
  await page.getByLabel('From').fill('+10d');
  await page.getByRole('button', { name: '1 h', exact: true }).click();
  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'Recording created: 1 linked task(s)' })).toBeVisible();

  // The app was "down" for its whole window: move the planned link into the past, then run the scheduler as main would.
  const now = Math.floor(Date.now() / 1000);
  const moved = await world.schedule.plans.transact(async (document) => {
    for (const recording of document.recordings) {
      recording.startTime = now - 7_200;
      recording.endTime = now - 3_600;
      for (const link of recording.links) Object.assign(link, { startTime: now - 7_200, endTime: now - 3_600 });
    }
    return { document, result: ok(document.recordings.length) };
  });
  expect(moved).toEqual({ ok: true, value: 1 });
  const due = await world.schedule.scheduler.runDue();
  expect(due.ok && due.value.newAlerts.map((event) => event.kind)).toEqual(['missed']);
  await world.emit('plans:changed', null);

  await expect(page.getByTestId('nav-alerts')).toContainText('1');
  await page.getByRole('button', { name: /^History/ }).click();
  const banner = page.getByTestId('alert-banner');
  await expect(banner).toContainText('1 recording(s) missed or failed');
  await expect(banner).toContainText('missed-show');
  await expect(banner).toContainText('A planned recording was missed');
  await expect(page.locator('.history-row.recording-row')).toContainText('1 missed');
  await page.screenshot({ path: join(SCREENSHOTS, 'alerts-banner.png'), fullPage: true });

  await banner.getByRole('button', { name: 'Acknowledge missed-show' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('nav-alerts')).toHaveCount(0);
  const alerts = await world.schedule.scheduler.listAlerts();
  expect(alerts).toEqual({ ok: true, value: [] });
  // Acknowledged alerts are not repeated by the next run either.
  const again = await world.schedule.scheduler.runDue();
  expect(again.ok && again.value.alerts).toEqual([]);
});
