// Accessibility: axe-core on every screen, in both languages and both themes, with real content behind them (a
// recording, a planned one, an alert, a show, an import preview), and a keyboard-only walk from the record form to the
// history and back with a visible focus ring at every stop.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Settings } from '../../../shared/ipc/contract.js';
import { openRenderer, type RendererWorld } from '../support/renderer-bridge.js';
import { seedSettled } from '../support/outcome-fixtures.js';
import { fillStream, startSandbox } from '../support/renderer-steps.js';

let world: RendererWorld;
test.afterEach(async () => world?.close());

const SCREENS = {
  en: { record: 'Record', series: 'Shows', import: 'Import', history: 'History', settings: 'Settings' },
  'zh-CN': { record: '录制', series: '节目', import: '导入', history: '历史', settings: '设置' },
} as const;

/** Serious and critical violations only: minor ones (best practices) are reviewed by hand. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .map((node) => `${node.target.join(' ')} ${node.html.slice(0, 80)}`)
          .slice(0, 3)
          .join(', ')}`,
    );
}

async function withContent(page: Page): Promise<void> {
  await startSandbox(page);
  await fillStream(page, 'evening-show');
  await page.getByRole('button', { name: '1 h', exact: true }).click();
  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'Recording task created' })).toBeVisible();
}

for (const language of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every screen has no serious or critical axe violation (${language}, ${theme})`, async ({ page }) => {
      // Six screens, each a full axe run (a few seconds apiece on a loaded 2-core machine): more than the 30 s default.
      test.setTimeout(120_000);
      world = await openRenderer(page, { language });
      if (language === 'zh-CN') {
        await page.getByRole('button', { name: '试用沙盒（模拟环境，不会真正录制）' }).click();
        await expect(page.getByTestId('sandbox-badge')).toBeVisible();
      } else await withContent(page);
      const set = (patch: Partial<Settings>) =>
        page.evaluate(
          (value) =>
            (window as unknown as { api: { settings: { set(p: unknown): Promise<unknown> } } }).api.settings.set(value),
          patch,
        );
      await set({ theme });
      await page.reload();
      const found: Record<string, string[]> = {};
      for (const [view, label] of Object.entries(SCREENS[language])) {
        await page.getByRole('navigation').getByRole('button', { name: label, exact: false }).first().click();
        await page.waitForLoadState('networkidle');
        found[view] = await seriousViolations(page);
      }
      // The history with a settled window expanded: its files, gaps, Copy URL and Open.
      await seedSettled(world, language === 'en' ? 'settled-show' : '晚间节目');
      await page.reload();
      await page.getByRole('navigation').getByRole('button', { name: SCREENS[language].history }).click();
      await page.locator('.history-row .link-toggle').first().click();
      await expect(page.getByTestId('outcome-detail')).toBeVisible();
      found['history-files'] = await seriousViolations(page);
      expect(found).toEqual(
        Object.fromEntries([...Object.keys(SCREENS[language]), 'history-files'].map((view) => [view, []])),
      );
    });
  }
}

test('keyboard only: from the record form to the history and back, focus always visible', async ({ page }) => {
  world = await openRenderer(page);
  await withContent(page);
  await page.getByRole('button', { name: 'Schedule another' }).click();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const visibleFocus = () =>
    page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      if (active === null || active === document.body) return { label: 'body', visible: false };
      const style = getComputedStyle(active);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none';
      return {
        label: active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40) ?? active.tagName,
        visible: ring || shadow,
      };
    });
  // Tab to the History tab: every stop on the way shows where focus is.
  let reached = false;
  for (let press = 0; press < 40 && !reached; press += 1) {
    await page.keyboard.press('Tab');
    const focus = await visibleFocus();
    expect(focus.visible, `focus ring on ${focus.label}`).toBe(true);
    reached = focus.label === 'History';
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.locator('.history-row').first()).toContainText('evening-show');
  // And back: Shift+Tab to Record, Enter.
  let back = false;
  for (let press = 0; press < 10 && !back; press += 1) {
    await page.keyboard.press('Shift+Tab');
    const focus = await visibleFocus();
    expect(focus.visible, `focus ring on ${focus.label}`).toBe(true);
    back = focus.label === 'Record';
  }
  expect(back).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Push domain')).toBeVisible();
});
