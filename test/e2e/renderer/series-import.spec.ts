// Shows (weekly series) and bulk import in the built renderer, against the real services and the loopback simulator
// (support/renderer-bridge.ts): occurrences created 6 days ahead with their TaskIds on the platform, cancel one,
// edit the time, move one occurrence (its task replaced), remove; a CSV with bad rows previewed first, then a moving progress bar and the per-row report.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { assertRendererBuilt, openRenderer, SCREENSHOTS, type RendererWorld } from '../support/renderer-bridge.js';

const DOMAIN = 'sandbox.livepush.example.com';
const SIX_DAYS = 6 * 86_400;
let world: RendererWorld;

test.beforeAll(() => assertRendererBuilt());
test.afterEach(async () => world?.close());

async function startSandbox(page: Page) {
  await page.getByRole('button', { name: 'Try the sandbox (simulated, nothing is recorded)' }).click();
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
}

/** TaskIds the simulator lists for `stream` (not stopped or deleted), from DescribeRecordTask. */
async function platformTaskIds(stream: string): Promise<string[]> {
  const api = await world.services.liveApi();
  if (!api.ok) throw new Error(api.error.message);
  const now = Math.floor(Date.now() / 1000);
  const listed = await api.value.describeRecordTasks({
    startTime: now - 3_600,
    endTime: now + 7 * 86_400 - 60,
    domainName: DOMAIN,
    appName: 'live',
    streamName: stream,
  });
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.map((task) => task.taskId).sort();
}

async function occurrenceRows(page: Page) {
  return page.locator('.series-card tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      date: row.getAttribute('data-date') ?? '',
      state: row.getAttribute('data-state') ?? '',
      start: Number(row.getAttribute('data-start')),
      text: row.textContent ?? '',
      task: row.querySelector('td:last-child')?.textContent?.trim() ?? '',
    })),
  );
}

test('a weekly show: created 6 days ahead with TaskIds, one occurrence cancelled, the time edited, one moved, then removed', async ({
  page,
}) => {
  world = await openRenderer(page);
  await startSandbox(page);
  await page.getByRole('button', { name: 'Shows' }).click();
  await page.getByRole('button', { name: 'Add a show' }).click();
  await page.getByLabel('Push domain').fill(DOMAIN);
  await page.getByLabel('Stream name').fill('weekly-news');
  for (const day of ['Mon', 'Wed', 'Fri', 'Sun']) await page.getByLabel(day, { exact: true }).check();
  await page.getByLabel('Starts at (local time)').fill('21:00');
  await page.getByLabel('Duration').fill('1h');
  await page.getByLabel('Time zone of the show').fill('Asia/Shanghai');
  await page.getByLabel('Show name').fill('Weekly news');
  await expect(page.getByTestId('series-preview').locator('li')).toHaveCount(4);
  await page.screenshot({ path: join(SCREENSHOTS, 'series-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Add show' }).click();

  await expect(page.getByTestId('series-notice')).toContainText('Added Weekly news');
  await expect(page.locator('.series-card tbody tr').first()).toBeVisible();
  const now = Math.floor(Date.now() / 1000);
  const rows = await occurrenceRows(page);
  const withinReach = rows.filter((row) => row.start <= now + SIX_DAYS);
  expect(withinReach.length).toBeGreaterThanOrEqual(3);
  expect(rows.length).toBeGreaterThan(withinReach.length);
  for (const row of rows) expect(row.state, row.date).toBe(row.start <= now + SIX_DAYS ? 'created' : 'planned');
  const shownTaskIds = withinReach.map((row) => row.task).sort();
  expect(await platformTaskIds('weekly-news')).toEqual(shownTaskIds);
  await page.screenshot({ path: join(SCREENSHOTS, 'series-list.png'), fullPage: true });

  // Cancel the first created occurrence: its task is deleted on the platform, its date listed as cancelled.
  const first = withinReach[0];
  if (first === undefined) throw new Error('no occurrence within reach');
  const firstTask = first.task;
  await page.getByLabel('Occurrence', { exact: true }).selectOption(first.date);
  await page.getByRole('button', { name: 'Cancel occurrence Weekly news' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(`Its task ${firstTask} will be deleted.`);
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByTestId('series-notice')).toContainText(
    `Cancelled the occurrence of ${first.date}. Task ${firstTask} deleted.`,
  );
  await expect(page.getByText(`Cancelled: ${first.date}`)).toBeVisible();
  await expect(page.locator(`.series-card tr[data-date="${first.date}"]`)).toHaveCount(0);
  expect(await platformTaskIds('weekly-news')).not.toContain(firstTask);
  const afterCancel = await platformTaskIds('weekly-news');

  // Edit the time: created occurrences are kept as they were (not doubled), the planned ones move to 22:30.
  await page.getByRole('button', { name: 'Edit Weekly news' }).click();
  await expect(page.getByLabel('Stream name')).toBeDisabled();
  await page.getByLabel('Starts at (local time)').fill('22:30');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('series-notice')).toContainText('kept as they were (never doubled)');
  await expect(page.getByTestId('series-schedule')).toContainText('at 22:30 (Asia/Shanghai)');
  const edited = await occurrenceRows(page);
  for (const row of edited.filter((item) => item.state === 'created')) expect(row.text).toContain('earlier schedule');
  for (const row of edited.filter((item) => item.state === 'planned')) expect(row.text).toContain(' 22:30:00');
  expect(await platformTaskIds('weekly-news')).toEqual(afterCancel);
  await page.screenshot({ path: join(SCREENSHOTS, 'series-edited.png'), fullPage: true });

  // Change one created occurrence to 23:30 for 90 min: its task is replaced on the platform by one at the new time.
  const second = withinReach[1];
  if (second === undefined) throw new Error('no second occurrence within reach');
  await page.getByLabel('Occurrence', { exact: true }).selectOption(second.date);
  await page.getByRole('button', { name: 'Change time… Weekly news' }).click();
  await expect(page.getByLabel('New start (local time)')).toHaveValue('21:00');
  await expect(page.getByLabel('New duration')).toHaveValue('1h');
  await expect(page.locator('.occurrence-edit')).toContainText(`Its task ${second.task} will be deleted`);
  await page.getByLabel('New start (local time)').fill('23:30');
  await page.getByLabel('New duration').fill('90m');
  await expect(page.getByTestId('occurrence-new-window')).toContainText(`New window: ${second.date} 23:30:00`);
  await page.screenshot({ path: join(SCREENSHOTS, 'series-occurrence-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Change occurrence' }).click();
  await expect(page.getByTestId('series-notice')).toContainText(
    `Changed the occurrence of ${second.date}: ${second.date} 23:30:00`,
  );
  await expect(page.getByTestId('series-notice')).toContainText(`Task ${second.task} deleted. Task `);
  const movedRow = page.locator(`.series-card tr[data-date="${second.date}"]`);
  await expect(movedRow).toContainText('changed');
  await expect(movedRow).toContainText(' 23:30:00');
  await expect(movedRow).toHaveAttribute('data-state', 'created');
  const movedTask = (await movedRow.locator('td:last-child').textContent())?.trim() ?? '';
  expect(movedTask).not.toBe(second.task);
  const afterMove = await platformTaskIds('weekly-news');
  expect(afterMove).toEqual([...afterCancel.filter((task) => task !== second.task), movedTask].sort());
  const api = await world.services.liveApi();
  if (!api.ok) throw new Error(api.error.message);
  const movedStart = Number(await movedRow.getAttribute('data-start'));
  const onPlatform = await api.value.describeRecordTasks({
    startTime: movedStart - 60,
    endTime: movedStart + 5_400,
    domainName: DOMAIN,
    appName: 'live',
    streamName: 'weekly-news',
  });
  expect(
    onPlatform.ok &&
      onPlatform.value.filter((task) => task.taskId === movedTask).map((task) => [task.startTime, task.endTime]),
  ).toEqual([[movedStart, movedStart + 5_400]]);
  await page.screenshot({ path: join(SCREENSHOTS, 'series-occurrence-moved.png'), fullPage: true });

  // Remove: the confirmation names the created tasks that are kept.
  await page.getByRole('button', { name: 'Remove Weekly news' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Tasks already created are kept: ');
  for (const task of afterMove) await expect(page.getByRole('alertdialog')).toContainText(task);
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByTestId('series-notice')).toContainText('Removed Weekly news');
  await expect(page.locator('.series-card')).toHaveCount(0);
  expect(await platformTaskIds('weekly-news')).toEqual(afterMove);
});

test('import a CSV of 30 rows with 2 bad ones: problems first, a moving progress bar, then 28 created and 2 not', async ({
  page,
}) => {
  world = await openRenderer(page);
  await startSandbox(page);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Time zone of times in the file').fill('UTC');
  const lines = ['domain,app,stream,from,duration'];
  for (let index = 0; index < 30; index++) {
    if (index === 7) lines.push(`${DOMAIN},live,bad name,+1h,1h`);
    else if (index === 19) lines.push(`${DOMAIN},live,late-${index},+2h,forever`);
    else lines.push(`${DOMAIN},live,bulk-${index},+${1 + (index % 5)}h,30m`);
  }
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'shows.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
  await expect(page.getByTestId('import-summary')).toHaveText('shows.csv: 28 valid row(s), 2 problem(s).');
  await expect(page.getByTestId('import-problems').locator('li')).toHaveText([
    /^Line 9: .*streamName/,
    /^Line 21: duration: /,
  ]);
  await page.screenshot({ path: join(SCREENSHOTS, 'import-preview.png'), fullPage: true });
  expect(await platformTaskIds('bulk-0')).toEqual([]);

  await page.getByRole('button', { name: 'Import the 28 valid row(s), skip 2' }).click();
  const bar = page.getByRole('progressbar');
  // The bar is seen part-way (at 20 requests/s, 28 rows take more than a second), then full.
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        const value = Number((await bar.getAttribute('aria-valuenow').catch(() => null)) ?? 28);
        seen.add(value);
        return [...seen].some((done) => done > 0 && done < 28);
      },
      { intervals: [50], timeout: 10_000 },
    )
    .toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, 'import-progress.png'), fullPage: true });
  await expect(page.getByTestId('import-report-summary')).toHaveText(
    '28 created, 0 unknown, 0 failed, 2 not sent (invalid).',
    { timeout: 20_000 },
  );
  const report = page.getByTestId('import-report').locator('tbody tr');
  await expect(report).toHaveCount(30);
  await expect(page.getByTestId('import-report').locator('tbody tr[data-status="created"]')).toHaveCount(28);
  await expect(page.getByTestId('import-report').locator('tbody tr[data-status="invalid"]')).toHaveCount(2);
  const createdTask =
    (
      await page.getByTestId('import-report').locator('tbody tr[data-status="created"] td.mono').nth(1).textContent()
    )?.trim() ?? '';
  expect(await platformTaskIds('bulk-0')).toEqual([createdTask]);
  await expect(page.getByTestId('import-report').locator('tbody tr[data-status="invalid"]').first()).toContainText(
    'streamName',
  );
  await expect(page.getByTestId('import-not-created').locator('li')).toHaveText([
    /^Line 9: not sent: \[Taper.InvalidInput\] streamName/,
    /^Line 21: not sent: .*duration/,
  ]);
  await page.screenshot({ path: join(SCREENSHOTS, 'import-report.png'), fullPage: true });

  // The report lives in main: a reloaded window (as after closing and reopening it) shows it again.
  await page.reload();
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-report-summary')).toHaveText(
    '28 created, 0 unknown, 0 failed, 2 not sent (invalid).',
  );
});
