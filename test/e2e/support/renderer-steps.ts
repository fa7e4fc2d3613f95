// Steps the renderer specs share: entering the sandbox from the first-run screen and filling in a stream.
import { expect, type Page } from '@playwright/test';

export const DOMAIN = 'sandbox.livepush.example.com';

export async function startSandbox(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the sandbox (simulated, nothing is recorded)' }).click();
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
}

export async function fillStream(page: Page, stream: string): Promise<void> {
  await page.getByLabel('Push domain').fill(DOMAIN);
  await page.getByLabel('Stream name').fill(stream);
}
