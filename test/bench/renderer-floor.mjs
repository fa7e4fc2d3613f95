/* global window -- the page.evaluate callbacks below run inside Chromium */
// The floor of the app's start-up figure, as its own process: Node starts, launches the same Chromium with the same
// flags, serves the built renderer over loopback HTTP with the same CSP header, and loads it with a stub window.api
// that answers at once (20,000 history entries). Prints the wall-clock time the form became interactive, by the same
// probe as the app's windows (test/bench/form-ready-probe.js).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../chromium-args.mjs';
import { FORM_READY_PROBE, formReadyLogged, installStub } from './measure-renderer.mjs';

const ROOT = resolve('dist/renderer');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((request, response) => {
  const path = join(ROOT, (request.url ?? '/').split('?')[0]);
  readFile(path).then(
    (body) => response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
    () => response.writeHead(404).end(),
  );
});
await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
const profile = mkdtempSync(join(tmpdir(), 'taper-bench-floor-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [...chromiumArgs.filter((flag) => flag !== '--allow-file-access-from-files'), '--remote-debugging-port=0'],
  viewport: null,
});
const page = await context.newPage();
await page.setViewportSize({ width: 1080, height: 760 });
await page.addInitScript(installStub, 20_000);
await page.addInitScript({ path: FORM_READY_PROBE });
const logged = formReadyLogged(page, 20_000);
await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
await logged;
const readyAt = await page.evaluate(() => performance.timeOrigin + window.benchFormReadyAt);
process.stdout.write(`${readyAt}\n`);
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
