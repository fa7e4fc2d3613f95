// One Chromium per app process, started on the first window (as Electron starts its renderer processes on demand),
// with a DevTools port so the test can drive the same pages as a user would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs } from '../../chromium-args.mjs';
import { emit } from './control.js';

let context: Promise<BrowserContext> | null = null;
let profileDir: string | null = null;

async function launch(): Promise<BrowserContext> {
  profileDir = mkdtempSync(join(tmpdir(), 'taper-stand-in-chromium-'));
  const launched = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    // Not --allow-file-access-from-files: the app serves its renderer from its own scheme.
    args: [...chromiumArgs.filter((flag) => flag !== '--allow-file-access-from-files'), '--remote-debugging-port=0'],
    viewport: null,
  });
  // Chromium writes the port it picked into the profile: the test connects there (connectOverCDP).
  const port = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  emit({ type: 'browser', cdp: `http://127.0.0.1:${port}` });
  return launched;
}

export function browserContext(): Promise<BrowserContext> {
  return (context ??= launch());
}

export async function closeBrowser(): Promise<void> {
  const open = context;
  context = null;
  if (open !== null) await (await open).close().catch(() => undefined);
  if (profileDir !== null) rmSync(profileDir, { recursive: true, force: true });
}
