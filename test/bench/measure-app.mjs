// The desktop app's figures, measured as the app suite runs it (the built main in Node, `electron` resolved to the
// stand-in, windows as Chromium pages): process start → record form usable with 20,000 history entries through the
// real preload and IPC, against a floor process that loads the same renderer with a stub api; and the tray's
// "Open Taper" → window shown (window exists) or → form usable (no window yet).
import { fork, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildStandIn, STAND_IN_BUNDLE } from '../app/build-stand-in.mjs';
import { benchEntry, writeHistory } from './bench-history.mjs';
import { median, round } from './stats.mjs';
import { makeTempDir } from './temp-dirs.mjs';

const MAIN = resolve('dist/electron/main.cjs');
const PROBE = resolve('test/bench/form-ready-probe.js');
const HISTORY = 20_000;
/** The app's zone comes from the system: a named one, as for the operators (the probe checks it is the default). */
const ZONE = 'Asia/Shanghai';

async function seededHome() {
  const root = makeTempDir('taper-bench-app-');
  const userData = join(root, 'config', 'Taper');
  mkdirSync(userData, { recursive: true });
  // One profile, so the window opens on the form (not the first-run choice); listing it needs no keychain.
  writeFileSync(
    join(userData, 'settings.json'),
    JSON.stringify({
      profiles: {
        bench: {
          secretId: 'AKIDBENCH000000000000000000000000000',
          region: 'ap-guangzhou',
          endpoint: 'http://127.0.0.1:9',
          hasToken: false,
          createdAt: 1_700_000_000,
        },
      },
      defaultProfile: 'bench',
      __internal__: { migrations: { version: '1.0.0' } },
    }),
  );
  const now = Math.floor(Date.now() / 1000);
  await writeHistory(
    userData,
    Array.from({ length: HISTORY }, (_, index) => benchEntry(index, now)),
  );
  return root;
}

/** The app's data folder is its userData under XDG_CONFIG_HOME, whatever the bench was started with. */
const withoutTaperHome = ({ TAPER_HOME: _ignored, ...env }) => env;

/** One app process with the probe; events and commands as the app suite's harness has them. */
function startApp(root, { args = [], env = {} } = {}) {
  const started = Date.now();
  const child = fork(MAIN, args, {
    execArgv: ['--require', resolve('test/app/stand-in/register.cjs')],
    env: {
      ...withoutTaperHome(process.env),
      HOME: root,
      XDG_CONFIG_HOME: join(root, 'config'),
      TAPER_STANDIN_BUNDLE: resolve(STAND_IN_BUNDLE),
      TAPER_STANDIN_INIT_SCRIPT: PROBE,
      TZ: ZONE,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const events = [];
  const waiters = new Set();
  child.on('message', (event) => {
    events.push(event);
    for (const wake of [...waiters]) wake();
  });
  const waitFor = (match, from = 0, timeoutMs = 30_000) =>
    new Promise((resolveWait, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`bench: the app did not get there in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const check = () => {
        const found = events.slice(from).find(match);
        if (found === undefined) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolveWait(found);
      };
      waiters.add(check);
      check();
    });
  let next = 1;
  const command = (type, fields = {}) => {
    const id = next++;
    child.send({ ...fields, type, id });
    return waitFor((event) => event.type === 'reply' && event.id === id, 0);
  };
  const formReady = (from) =>
    waitFor((event) => event.type === 'console' && String(event.text).startsWith('taper-bench form-ready '), from).then(
      (event) => Number(String(event.text).split(' ')[2]),
    );
  const quit = async () => {
    await command('quit').catch(() => undefined);
    await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done()));
  };
  return { started, events, command, formReady, waitFor, quit };
}

function floorRun() {
  return new Promise((resolveRun, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [resolve('test/bench/renderer-floor.mjs')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TZ: ZONE },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolveRun(Number(out.trim()) - started) : reject(new Error(`renderer floor exited ${code}`)),
    );
  });
}

export async function measureApp(runs) {
  await buildStandIn();
  const root = await seededHome();
  // Outside with-keyring there is no Secret Service: the app never needs it to show the form.
  const cold = [];
  const firstWindow = [];
  const floor = [];
  const warmOpen = [];
  const reopen = [];
  // One throw-away run of each: the first Chromium start of the run pays disk-cache warm-up.
  await floorRun();
  const warmUp = startApp(root);
  await warmUp.formReady(0);
  await warmUp.quit();
  for (let run = 0; run < runs; run += 1) {
    floor.push(await floorRun());
    // Started at login (`--hidden`): only the tray, no window and no Chromium yet. The first "Open Taper" makes both.
    const hidden = startApp(root, { args: ['--hidden'] });
    await hidden.waitFor((event) => event.type === 'tray-menu');
    const picked = Date.now();
    await hidden.command('tray-pick', { path: ['Open Taper'] });
    firstWindow.push((await hidden.formReady(0)) - picked);
    await hidden.quit();

    const app = startApp(root);
    cold.push((await app.formReady(0)) - app.started);
    // The window exists (behind others, say): the tray item shows it.
    let from = app.events.length;
    const clicked = Date.now();
    await app.command('tray-pick', { path: ['Open Taper'] });
    const shown = await app.waitFor((event) => event.type === 'window-shown', from);
    warmOpen.push(shown.at - clicked);
    // No window (closed earlier): the tray item creates it, and it loads the renderer again.
    from = app.events.length;
    await app.command('close-window');
    await app.waitFor((event) => event.type === 'window-closed', from);
    from = app.events.length;
    const reopened = Date.now();
    await app.command('tray-pick', { path: ['Open Taper'] });
    reopen.push((await app.formReady(from)) - reopened);
    await app.quit();
  }
  const coldMedian = median(cold);
  const floorMedian = median(floor);
  const firstMedian = median(firstWindow);
  const ready = `the first frame painted after the form is interactive (stream input, submit button, the recent-stream choices main works out from its ${HISTORY}-entry history, through the real preload and IPC, ${ZONE} from the system as the default zone; test/bench/form-ready-probe.js)`;
  const floorText = `floor: a Node process that launches the same Chromium and loads the same renderer with a stub api, start → the same probe, ${round(floorMedian)} ms`;
  return [
    {
      name: `first window, cold (started hidden): tray Open Taper → form interactive, history of ${HISTORY}`,
      value: round(firstMedian / floorMedian, 2),
      unit: '× floor',
      goal: '<= 1.5',
      pass: firstMedian <= 1.5 * floorMedian,
      detail: `median of ${runs}: Taper started with --hidden (no window, no Chromium), tray item picked → ${ready}: ${round(firstMedian)} ms; ${floorText}`,
    },
    {
      name: `app start → form interactive, history of ${HISTORY}`,
      value: round(coldMedian / floorMedian, 2),
      unit: '× floor',
      goal: '<= 1.5',
      pass: coldMedian <= 1.5 * floorMedian,
      detail: `median of ${runs}: process start → ${ready}: ${round(coldMedian)} ms; ${floorText}`,
    },
    {
      name: 'tray Open Taper → window shown (window exists)',
      value: round(median(warmOpen)),
      unit: 'ms',
      goal: '<= 100',
      pass: median(warmOpen) <= 100,
      detail: `median of ${runs}: tray item picked → BrowserWindow.show()`,
    },
    {
      name: 'tray Open Taper → form interactive (window closed earlier)',
      value: round(median(reopen) / coldMedian, 2),
      unit: '× app start',
      goal: '<= 1.5',
      pass: median(reopen) <= 1.5 * coldMedian,
      detail: `median of ${runs}: ${round(median(reopen))} ms from the tray item to an interactive form in a new window (Chromium already running); app start ${round(coldMedian)} ms`,
    },
  ];
}
