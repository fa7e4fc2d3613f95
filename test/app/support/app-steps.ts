// What every app spec does: a private home per test, apps started in it and disposed after, and the steps a
// broadcaster takes most (enter the sandbox, record a stream now).
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PUSH_DOMAIN } from '../../../electron/simulator/demo-account.js';
import { launchApp, makeHome, type AppHome, type LaunchOptions, type RunningApp } from './app-harness.js';

export interface AppFixture {
  /** This test's home (fresh per test). */
  readonly home: AppHome;
  /** Starts the app in this test's home; every app started is disposed after the test. */
  launch(options?: LaunchOptions): Promise<RunningApp>;
}

/** Registers the per-test home and clean-up for the spec file it is called in. */
export function useApps(): AppFixture {
  let home: AppHome | null = null;
  const started: RunningApp[] = [];
  test.beforeEach(() => {
    home = makeHome();
  });
  test.afterEach(async () => {
    for (const app of started.splice(0)) await app.dispose();
    home?.remove();
    home = null;
  });
  return {
    get home() {
      if (home === null) throw new Error('useApps: no test is running');
      return home;
    },
    async launch(options) {
      const app = await launchApp(this.home, options);
      started.push(app);
      return app;
    },
  };
}

export async function startSandbox(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the sandbox (simulated, nothing is recorded)' }).click();
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
}

/** Fills the form for `stream` on the sandbox's domain, 1 h from now, and sends it. */
export async function recordNow(page: Page, stream: string): Promise<void> {
  await page.getByLabel('Push domain').fill(DEMO_PUSH_DOMAIN);
  await page.getByLabel('Stream name').fill(stream);
  await page.getByRole('button', { name: '1 h', exact: true }).click();
  await page.getByRole('button', { name: 'Create recording task' }).click();
}
