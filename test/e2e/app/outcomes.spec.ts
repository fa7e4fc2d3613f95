// What became of a window, in the built app: two short recordings in the sandbox, one stream pushed (the record view's
// "Simulate a push"), one not. The app's clock (register.cjs, moved by the test) passes the windows' end and the 5 min
// the platform takes to list files; the machine wakes, main syncs and settles: "evening-show recorded: 1 file, 10 min",
// "quiet-show: nothing was recorded" (why in the body), and the history's alert banner names quiet-show until it is
// acknowledged, which silences `taper alerts` too.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { recordNow, startSandbox, useApps } from '../../app/support/app-steps.js';
import { APP_SCREENSHOTS } from '../../app/support/artifacts.js';
import { DEMO_PUSH_DOMAIN } from '../../../electron/simulator/demo-account.js';

const apps = useApps();
const HOUR = 3_600;
/** The platform lists a window's files about 5 min after it ends (FILES_READY_SECONDS); a little more for the ticks. */
const PAST_END_AND_FILES = HOUR + 300 + 120;

test('on wake after the windows: "recorded" for the pushed stream, "nothing" and a banner for the other', async () => {
  const app = await apps.launch();
  const page = await app.window();
  await startSandbox(page);
  await recordNow(page, 'evening-show');
  await expect(page.getByRole('heading', { name: 'Recording task created' })).toBeVisible();
  await page.getByRole('button', { name: 'Schedule another' }).click();
  await recordNow(page, 'quiet-show');
  await expect(page.getByRole('heading', { name: 'Recording task created' })).toBeVisible();
  await app.waitFor('tray-tooltip', (event) => event['text'] === 'Taper — recording 2 tasks');

  // Ten minutes of evening-show, from now; quiet-show is never pushed.
  const panel = page.getByTestId('sandbox-push');
  await panel.getByLabel('Domain of the push').fill(DEMO_PUSH_DOMAIN);
  await panel.getByLabel('Stream to push').fill('evening-show');
  await panel.getByLabel('Push for').fill('10m');
  await panel.getByRole('button', { name: 'Simulate a push' }).click();
  await expect(panel.getByTestId('push-result')).toContainText('Pushing live/evening-show (simulated)');

  // Nothing settles before the windows end and their files are listed.
  expect(app.all('notification').map((event) => event['title'])).not.toContainEqual(expect.stringMatching(/recorded/));
  await app.advanceClock(PAST_END_AND_FILES);
  const from = app.events.length;
  await app.command('power', { event: 'resume' });
  const recorded = await app.waitFor('notification', (event) => String(event['title']).startsWith('evening-show'), {
    from,
  });
  const nothing = await app.waitFor('notification', (event) => String(event['title']).startsWith('quiet-show'), {
    from,
  });
  expect(recorded['title']).toBe('evening-show recorded: 1 file, 10 min');
  expect(nothing['title']).toBe('quiet-show: nothing was recorded');
  expect(nothing['body']).toBe('No file: the stream was never pushed during the window.');

  await page.getByRole('button', { name: 'History', exact: true }).click();
  const banner = page.getByTestId('alert-banner');
  await expect(banner).toContainText('quiet-show: nothing was recorded — the stream was never pushed');
  await expect(banner).toContainText(`${DEMO_PUSH_DOMAIN}/live`);
  await expect(banner).not.toContainText('evening-show');
  await page.screenshot({ path: join(APP_SCREENSHOTS, 'outcome-alert-banner.png') });

  // Acknowledged in the app: the banner goes, and `taper alerts` on the same data is quiet too.
  await banner.getByRole('button', { name: 'Acknowledge quiet-show' }).click();
  await expect(banner).toHaveCount(0);
  const cli = spawnSync(process.execPath, ['bin/taper', 'alerts'], {
    env: { ...process.env, TAPER_HOME: apps.home.userData },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect([cli.status, cli.stdout], cli.stderr).toEqual([0, 'No alerts.\n']);
});
