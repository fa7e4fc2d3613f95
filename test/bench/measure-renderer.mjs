/* global window, document, requestAnimationFrame -- functions below run inside the page, not in Node */
// Renderer figures in Debian's Chromium: bundle size, time to an interactive record form, and the history view
// with 20,000 rows. window.api is a stub answering instantly, so only the renderer's own work is timed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../chromium-args.mjs';
import { median, round } from './stats.mjs';

const RENDERER = resolve('dist/renderer');

export function measureBundle() {
  const assets = join(RENDERER, 'assets');
  const bytes = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .reduce((total, name) => total + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length, 0);
  const kilobytes = bytes / 1024;
  return { name: 'renderer JS (gzipped)', value: round(kilobytes), unit: 'KB', goal: '<= 200', pass: kilobytes <= 200, detail: 'all .js in dist/renderer/assets' };
}

/** Runs in the page before the app: a stub window.api with one profile and `rows` history entries. */
function installStub(rows) {
  const now = Math.floor(Date.now() / 1000);
  const entries = Array.from({ length: rows }, (_, index) => ({
    id: `e${index}`, taskId: `TASK${index}`, requestId: `R${index}`, status: 'finished', domain: 'bench.livepush.example.com',
    app: 'live', stream: `stream-${index}`, startTime: now - index * 60, endTime: now - index * 60 + 3600, templateId: 1,
    streamType: 0, profile: 'bench', region: 'ap-guangzhou', createdAt: now - index * 60, updatedAt: now - index * 60,
    error: null, source: 'taper', extension: null,
  }));
  const values = {
    'app.info': { version: 'bench', sandbox: false, language: 'en', platform: 'linux', lastSyncedAt: null },
    'settings.get': { language: 'en', theme: 'light', launchAtLogin: false, defaultTimeZone: 'UTC', showTimeZone: null },
    'profiles.list': [{ name: 'bench', secretIdMasked: 'AKID****BENCH00', region: 'ap-guangzhou', endpoint: null, hasToken: false, isDefault: true }],
    'history.list': entries,
    'live.templates': [],
    'live.domains': [],
    'live.streamState': 'inactive',
  };
  const area = (name) => new Proxy({}, { get: (_target, method) => async () => ({ ok: true, value: values[`${name}.${String(method)}`] ?? null }) });
  window.api = new Proxy({}, {
    get: (_target, name) => (name === 'events' ? new Proxy({}, { get: () => () => () => undefined }) : area(String(name))),
  });
}

export async function measureRenderer(runs) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  const url = pathToFileURL(join(RENDERER, 'index.html')).href;
  const interactive = [];
  const history = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const page = await browser.newPage();
      await page.addInitScript(installStub, 20_000);
      await page.goto(url);
      const submit = page.getByRole('button', { name: 'Create recording task' });
      await submit.waitFor({ state: 'visible' });
      // Time since navigation start at which the form answered: the button is there and enabled.
      interactive.push(await page.evaluate(() => performance.now()));
      history.push(await page.evaluate(() => new Promise((done) => {
        const started = performance.now();
        const button = [...document.querySelectorAll('nav button')].find((node) => node.textContent?.trim() === 'History');
        button.click();
        const check = () => (document.querySelector('.history-row') ? done(performance.now() - started) : requestAnimationFrame(check));
        check();
      })));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return [
    { name: 'first form interactive (Chromium)', value: round(median(interactive)), unit: 'ms', goal: '<= 500', pass: median(interactive) <= 500, detail: `median of ${runs} page loads from file://, stub api` },
    { name: 'history view, 20000 rows rendered', value: round(median(history)), unit: 'ms', goal: '<= 300', pass: median(history) <= 300, detail: 'click History → first virtualised row in the DOM' },
  ];
}
