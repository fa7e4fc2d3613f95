// Secrets in the renderer: after adding a profile in Settings, testing it, recording with it, an API
// refusal and an export, the SecretKey is not in the DOM, not reachable from `window`, not in web storage, and in
// no IPC response the bridge returned. Every response is captured on the Node side of the bridge (the binding).
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNT } from '../../../electron/simulator/index.js';
import { recordFigures } from '../../reliability/figures.js';
import { assertRendererBuilt, injectFault, openRenderer, type RendererWorld } from '../support/renderer-bridge.js';
import { filesUnder } from '../../integration/support/files-under.js';

const SECRET = DEMO_ACCOUNT.secretKey;
let world: RendererWorld | undefined;

test.beforeAll(() => assertRendererBuilt());
test.afterEach(async () => world?.close());

/** Wraps page.exposeBinding before the bridge calls it, so every answer it gives the page is kept here too. */
function captureBindingAnswers(page: Page): { channel: string; answer: unknown }[] {
  const answers: { channel: string; answer: unknown }[] = [];
  const original = page.exposeBinding.bind(page);
  page.exposeBinding = (async (name: string, callback: (source: unknown, ...args: unknown[]) => unknown) =>
    original(name, async (source, ...args: unknown[]) => {
      const answer = await callback(source, ...args);
      answers.push({ channel: String(args[0]), answer });
      return answer;
    })) as Page['exposeBinding'];
  return answers;
}

/** Every string reachable from window's own properties (names and values), walked breadth-first with bounds. */
async function windowStrings(page: Page): Promise<{ text: string; visited: number }> {
  return page.evaluate(() => {
    const strings: string[] = [];
    const seen = new WeakSet<object>();
    const queue: [unknown, number][] = [[window, 0]];
    let visited = 0;
    while (queue.length > 0 && visited < 200_000) {
      const [value, depth] = queue.shift() as [unknown, number];
      visited += 1;
      if (typeof value === 'string') {
        strings.push(value);
        continue;
      }
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value) || depth > 6)
        continue;
      seen.add(value);
      let names: string[] = [];
      try {
        names = Object.getOwnPropertyNames(value);
      } catch {
        continue;
      }
      for (const name of names) {
        strings.push(name);
        try {
          const descriptor = Object.getOwnPropertyDescriptor(value, name);
          // Values only, never getters: a getter may have side effects (and the page's own code would not see more).
          if (descriptor && 'value' in descriptor) queue.push([descriptor.value, depth + 1]);
        } catch {
          /* cross-origin or exotic property: nothing readable */
        }
      }
    }
    for (const storage of [localStorage, sessionStorage]) {
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index) ?? '';
        strings.push(key, storage.getItem(key) ?? '');
      }
    }
    strings.push(document.cookie);
    return { text: strings.join('\u0000'), visited };
  });
}

test('the SecretKey typed in Settings is nowhere in the DOM, window, storage or IPC answers afterwards', async ({
  page,
}) => {
  const answers = captureBindingAnswers(page);
  world = await openRenderer(page);

  await page.getByRole('button', { name: 'Add Tencent Cloud keys' }).click();
  await page.getByLabel('Profile name').fill('studio');
  await page.getByLabel('SecretId').fill(DEMO_ACCOUNT.secretId);
  await page.getByLabel('SecretKey').fill(SECRET);
  await page.getByRole('button', { name: 'Save keys' }).click();
  await expect(page.getByText('Saved profile studio.')).toBeVisible();
  await page.getByRole('button', { name: 'Test keys' }).click();
  await expect(page.getByText('Keys work.')).toBeVisible();

  // Record with the profile just added (the only one, so the default), then an API refusal.
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await page.getByLabel('Push domain').fill('push.example.com');
  await page.getByLabel('Stream name').fill('secret-check');
  await page.getByRole('button', { name: '30 min' }).click();
  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'Recording task created' })).toBeVisible();
  await page.getByRole('button', { name: 'Schedule another' }).click();
  await page.getByLabel('Stream name').fill('secret-refused');
  await page.getByRole('button', { name: '30 min' }).click();
  await injectFault(world.endpoint, 'vod-inactive', 'CreateRecordTask');
  await page.getByRole('button', { name: 'Create recording task' }).click();
  await expect(page.getByRole('heading', { name: 'The task was not created' })).toBeVisible();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.locator('.history-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect(page.getByText(/Saved to /)).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByText('studio').first()).toBeVisible();

  const places: [string, string][] = [];
  places.push(['DOM (outerHTML)', await page.evaluate(() => document.documentElement.outerHTML)]);
  const reachable = await windowStrings(page);
  places.push(['window (reachable own properties, storage, cookie)', reachable.text]);
  for (const [index, { channel, answer }] of answers.entries())
    places.push([`IPC answer #${index} (${channel})`, JSON.stringify(answer) ?? '']);
  for (const file of await filesUnder(world.home)) places.push([`file ${file}`, await readFile(file, 'latin1')]);

  // The scenario reached the services: the profile add and the create answered through the bridge.
  const channels = answers.map(({ channel }) => channel);
  expect(channels).toEqual(expect.arrayContaining(['profiles:add', 'record:create', 'history:list']));
  expect(reachable.visited).toBeGreaterThan(100);
  // The search finds the key when it is there (so zero below means something): the SecretId is shown masked only.
  expect(places.some(([, text]) => text.includes('studio'))).toBe(true);

  const found = places.filter(([, text]) => text.includes(SECRET)).map(([place]) => place);
  recordFigures('secrets-renderer', {
    secretsFound: found.length,
    placesSearched: places.length,
    note: `DOM, window walk of ${reachable.visited} values, ${answers.length} IPC answers, TAPER_HOME files`,
  });
  expect(found).toEqual([]);
});
