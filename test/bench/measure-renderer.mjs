/* global window, document, requestAnimationFrame -- functions below run inside the page, not in Node */
// Renderer figures in Debian's Chromium: bundle size, time to an interactive record form, and the history view
// with 20,000 rows. window.api is a stub answering at once, so only the renderer's own work is timed. Every time is
// taken inside the page (performance.now(), i.e. since navigation start), not by polling from Node.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../chromium-args.mjs';
import { median, round } from './stats.mjs';
import { makeTempDir } from './temp-dirs.mjs';

const RENDERER = resolve('dist/renderer');
const HISTORY_ROWS = 20_000;

export function measureBundle() {
  const assets = join(RENDERER, 'assets');
  const files = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const bytes = files.reduce(
    (total, name) => total + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length,
    0,
  );
  const raw = files.reduce((total, name) => total + readFileSync(join(assets, name)).length, 0);
  const kilobytes = bytes / 1024;
  return {
    name: 'renderer JS (gzipped)',
    value: round(kilobytes),
    unit: 'KB',
    goal: '<= 200',
    pass: kilobytes <= 200,
    detail: `all .js in dist/renderer/assets (${files.length} file(s), ${round(raw / 1024)} KB before gzip -9)`,
  };
}

/**
 * Runs in the page before anything else: a stub window.api with one profile and `rows` history entries. The entries
 * are built when the app asks for them, as main would answer over IPC, not before the page loads.
 */
export function installStub(rows) {
  const now = Math.floor(Date.now() / 1000);
  const entry = (index) => ({
    id: `e${index}`,
    taskId: `TASK${index}`,
    requestId: `R${index}`,
    status: 'finished',
    domain: 'bench.livepush.example.com',
    app: 'live',
    stream: `stream-${index}`,
    startTime: now - index * 60,
    endTime: now - index * 60 + 3600,
    templateId: 1,
    streamType: 0,
    profile: 'bench',
    region: 'ap-guangzhou',
    createdAt: now - index * 60,
    updatedAt: now - index * 60,
    error: null,
    source: 'taper',
    extension: null,
  });
  const history = () => Array.from({ length: rows }, (_, index) => entry(index));
  // What main answers for the form from its own copy of the history (shared/history-choices.ts): every entry has the
  // same domain and app, and the first 200 streams are the newest.
  const choices = () => ({
    domains: rows > 0 ? ['bench.livepush.example.com'] : [],
    apps: rows > 0 ? ['live'] : [],
    streams: Array.from({ length: Math.min(rows, 200) }, (_, index) => `stream-${index}`),
  });
  const streamEntries = (payload) => {
    const index = Number(/^stream-(\d+)$/.exec(payload?.stream?.streamName ?? '')?.[1] ?? -1);
    return index >= 0 && index < rows ? [entry(index)] : [];
  };
  const values = {
    'app.info': () => ({ version: 'bench', sandbox: false, language: 'en', platform: 'linux', lastSyncedAt: null }),
    // No zone of its own: the system's is the default, as on a fresh install.
    'settings.get': () => ({
      language: 'en',
      theme: 'light',
      launchAtLogin: false,
      defaultTimeZone: null,
      showTimeZone: null,
    }),
    'profiles.list': () => [
      {
        name: 'bench',
        secretIdMasked: 'AKID****BENCH00',
        region: 'ap-guangzhou',
        endpoint: null,
        hasToken: false,
        isDefault: true,
      },
    ],
    'history.list': history,
    'history.choices': choices,
    'history.streamEntries': streamEntries,
    'live.templates': () => [],
    'live.domains': () => [],
    'live.streamState': () => 'inactive',
  };
  const area = (name) =>
    new Proxy(
      {},
      {
        get: (_target, method) => async (payload) => ({
          ok: true,
          value: values[`${name}.${String(method)}`]?.(payload) ?? null,
        }),
      },
    );
  window.api = new Proxy(
    {},
    {
      get: (_target, name) =>
        name === 'events' ? new Proxy({}, { get: () => () => () => undefined }) : area(String(name)),
    },
  );
}

/** The readiness probe every form figure shares (test/bench/form-ready-probe.js). */
export const FORM_READY_PROBE = resolve('test/bench/form-ready-probe.js');

/** The floor: the same browser loading a page whose one module script adds what the probe looks for (Chromium's own cost). */
function writeFloorPage() {
  const directory = makeTempDir('taper-bench-floor-');
  writeFileSync(
    join(directory, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./floor.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(
    join(directory, 'floor.js'),
    'const form = document.createElement(\'form\'); form.className = \'record-form\'; form.innerHTML = \'<input id="streamName"><input id="timeZone"><datalist id="recent-streams"><option value="s"></option></datalist><button type="submit">Create</button>\'; form.querySelector(\'#timeZone\').value = new Intl.DateTimeFormat().resolvedOptions().timeZone; document.getElementById(\'root\').append(form);',
  );
  return pathToFileURL(join(directory, 'index.html')).href;
}

/**
 * Resolves when the probe logs that the form is ready. Waited for through the page's console, not by polling it with
 * page.waitForFunction: that injects Playwright's own script into the page (~30-50 ms of its main thread), which
 * then ran during a slow page's start-up and after a fast one's.
 */
export function formReadyLogged(page, timeout) {
  return page.waitForEvent('console', {
    predicate: (message) => message.text().startsWith('taper-bench form-ready '),
    timeout,
  });
}

async function formReadyAt(browser, url) {
  const page = await browser.newPage();
  await page.addInitScript(installStub, HISTORY_ROWS);
  await page.addInitScript({ path: FORM_READY_PROBE });
  const logged = formReadyLogged(page, 15_000);
  await page.goto(url);
  await logged;
  return { page, readyAt: await page.evaluate(() => window.benchFormReadyAt) };
}

export async function measureRenderer(runs) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  const app = pathToFileURL(join(RENDERER, 'index.html')).href;
  const floorUrl = writeFloorPage();
  const interactive = [];
  const floor = [];
  const history = [];
  try {
    // One throw-away load of each: the first page of a browser pays process and cache warm-up that an app window
    // opened after start would not.
    for (const url of [floorUrl, app]) await (await formReadyAt(browser, url)).page.close();
    for (let run = 0; run < runs; run += 1) {
      const reference = await formReadyAt(browser, floorUrl);
      floor.push(reference.readyAt);
      await reference.page.close();
      const { page, readyAt } = await formReadyAt(browser, app);
      interactive.push(readyAt);
      // Let the start-up loads (20,000 entries) land before timing the switch to the history view.
      await page.waitForFunction(() => document.querySelectorAll('#recent-streams option').length > 0, null, {
        timeout: 15_000,
      });
      history.push(
        await page.evaluate(
          () =>
            new Promise((done) => {
              const started = performance.now();
              const button = [...document.querySelectorAll('nav button')].find(
                (node) => node.textContent?.trim() === 'History',
              );
              button.click();
              const check = () =>
                document.querySelector('.history-row')
                  ? done(performance.now() - started)
                  : requestAnimationFrame(check);
              check();
            }),
        ),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return [
    {
      name: 'first form interactive (Chromium)',
      value: round(median(interactive)),
      unit: 'ms',
      goal: '<= 500',
      pass: median(interactive) <= 500,
      detail:
        `median of ${runs} page loads from file:// (navigation start → the first frame painted after the form is interactive: stream input, submit button, the recent-stream choices, the system zone as default; test/bench/form-ready-probe.js), stub api with ${HISTORY_ROWS} history entries (the choices as main answers them; the whole history asked for once the form is up); ` +
        `reference in the same browser: a page whose one module script adds a form, ${round(median(floor))} ms`,
    },
    {
      name: `history view, ${HISTORY_ROWS} rows rendered`,
      value: round(median(history)),
      unit: 'ms',
      goal: '<= 300',
      pass: median(history) <= 300,
      detail: 'click History → first virtualised row in the DOM (median)',
    },
  ];
}
