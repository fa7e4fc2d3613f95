// Runs the BUILT renderer (dist/renderer via file://) in Chromium with `window.api` bridged to the REAL services of
// this test process: the same IPC handler map Electron's main uses, the services composed by createTaperCore,
// the loopback simulator, the real keychain (under test/with-keyring.sh) and history files in a temp TAPER_HOME.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import {
  API_METHODS,
  IPC_CHANNELS,
  type IpcChannel,
  type IpcEvent,
  type IpcEventName,
  type Settings,
} from '../../../shared/ipc/contract.js';
import { ok, type Result } from '../../../shared/result.js';
import type { AppServices } from '../../../electron/services/app-services.js';
import type { ScheduleServices } from '../../../electron/services/schedule/schedule-services.js';

export const RENDERER_INDEX = resolve('dist/renderer/index.html');

/** Fails with a message that says what to do, instead of a blank page. */
export function assertRendererBuilt(): void {
  if (!existsSync(RENDERER_INDEX)) {
    throw new Error(`The renderer is not built: ${RENDERER_INDEX} is missing. Run \`npx vite build\` first.`);
  }
}

export interface RendererWorld {
  services: AppServices;
  /** The scheduler and plans main would run (runDue is not on a timer here: a test calls it). */
  schedule: ScheduleServices;
  /** Base URL of the loopback simulator (POST {endpoint}/__simulator/faults to inject a fault). */
  endpoint: string;
  /** The temporary TAPER_HOME (history, settings). */
  home: string;
  /** Every export the page asked for: [format, path]. */
  exports: [string, string][];
  /** Every URL main was asked to open in the browser (after the allowlist), oldest first. */
  opened: string[];
  /** Pushes a main → renderer event to the page. */
  emit<E extends IpcEventName>(event: E, payload: IpcEvent[E]): Promise<void>;
  close(): Promise<void>;
}

/** Composes the real services; throws "services not composed yet" when the lead's composition is not in the tree. */
async function loadComposition() {
  try {
    const [handlers, core, keychain, conf, simulator, sandbox, settings, push] = await Promise.all([
      import('../../../electron/ipc/handlers.js'),
      import('../../../electron/services/taper-core.js'),
      import('../../../electron/services/keychain/keyring-secret-store.js'),
      import('../../../electron/services/storage/conf-store.js'),
      import('../../../electron/simulator/server.js'),
      import('../../../electron/shell/sandbox.js'),
      import('../../../electron/shell/app-settings.js'),
      import('../../../electron/services/sandbox/sandbox-push.js'),
    ]);
    return { handlers, core, keychain, conf, simulator, sandbox, settings, push };
  } catch (error) {
    throw new Error(`services not composed yet: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function openRenderer(
  page: Page,
  options: { language?: Settings['language'] } = {},
): Promise<RendererWorld> {
  assertRendererBuilt();
  const parts = await loadComposition();
  const clock = () => Date.now();
  const home = await mkdtemp(join(tmpdir(), 'taper-e2e-'));
  const simulator = await parts.simulator.startSimulator({ clock });
  // The same composition as the app and the CLI (the scheduler's plans.json beside the history); TAPER_ENDPOINT
  // points every profile at the loopback simulator.
  const { services, schedule } = await parts.core.createTaperCore({
    dataDir: home,
    settings: parts.conf.createConfSettingsStore(home),
    secrets: parts.keychain.createKeyringSecretStore({ service: `taper-e2e-${process.pid}-${Date.now()}` }),
    env: { TAPER_ENDPOINT: simulator.endpoint, TAPER_TIMEOUT_SECONDS: '3' },
    clock,
  });

  let stored: unknown = { language: options.language ?? 'en', showTimeZone: 'Asia/Shanghai' };
  const settings = parts.settings.createSettingsController({
    backend: { read: () => stored, write: (next) => (stored = next) },
    setLoginItem: async () => ok(undefined),
    changed: () => undefined,
  });
  const sandbox = parts.sandbox.createSandboxController({
    startSimulator: async () => ({ endpoint: simulator.endpoint }),
    account: parts.simulator.DEMO_ACCOUNT,
    profiles: services.profiles,
    sendPush: (endpoint, request) => parts.push.sendSandboxPush(endpoint, request, { clock }),
  });
  const exports: [string, string][] = [];
  const opened: string[] = [];
  let pageReady = false;

  const world: RendererWorld = {
    services,
    schedule,
    endpoint: simulator.endpoint,
    home,
    exports,
    opened,
    async emit(event, payload) {
      await page.evaluate(
        ([name, value]) => (window as unknown as { __taperEmit(n: string, v: unknown): void }).__taperEmit(name, value),
        [event, payload] as const,
      );
    },
    async close() {
      await simulator.close();
      await rm(home, { recursive: true, force: true });
    },
  };

  const handlers = parts.handlers.createIpcHandlers(
    services,
    {
      async saveExport(format, content): Promise<Result<{ path: string }>> {
        const path = join(home, `export.${format}`);
        await writeFile(path, content, 'utf8');
        exports.push([format, path]);
        return ok({ path });
      },
      startSandbox: () => sandbox.start(),
      sandboxPush: (request) => sandbox.push(request),
      appInfo: async () => ({
        version: JSON.parse(await readFile('package.json', 'utf8')).version as string,
        sandbox: sandbox.isRunning(),
        language: settings.get().language,
        platform: process.platform,
        lastSyncedAt: await services.sync.lastSyncedAt(),
      }),
      getSettings: async () => settings.get(),
      setSettings: async (patch) => settings.set(patch),
      historyChanged: () => {
        if (pageReady) void world.emit('history:changed', null).catch(() => undefined);
      },
      plansChanged: () => {
        if (pageReady) void world.emit('plans:changed', null).catch(() => undefined);
      },
      importProgress: (progress) => {
        if (pageReady) void world.emit('import:progress', progress).catch(() => undefined);
      },
      recordAttempted: () => undefined,
      openExternal: async (url) => {
        opened.push(url);
        return ok(null);
      },
      logError: (channel, error) =>
        console.error(`[bridge] ${channel}: ${error instanceof Error ? error.message : 'non-error'}`),
    },
    schedule,
  );

  const channels: ReadonlySet<string> = new Set(IPC_CHANNELS);
  await page.exposeBinding('__taperInvoke', async (_source, channel: string, payload: unknown) => {
    // Exactly as in main: a channel outside the contract is refused, the payload goes through the handler's schema.
    if (!channels.has(channel))
      return { ok: false, error: { code: 'Taper.InvalidInput', message: `Unknown channel ${channel}` } };
    return handlers[channel as IpcChannel](payload);
  });
  // The same shape the preload builds with buildTaperApi: one function per channel, one subscription per event.
  await page.addInitScript(
    (methods: Record<string, readonly [string, string]>) => {
      const invoke = (window as unknown as { __taperInvoke(channel: string, payload: unknown): Promise<unknown> })
        .__taperInvoke;
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const subscribe = (event: string, listener: (payload: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(listener);
        return () => set.delete(listener);
      };
      const api: Record<string, Record<string, unknown>> = {};
      for (const [channel, [area, method]] of Object.entries(methods)) {
        (api[area] ??= {})[method] = (payload?: unknown) => invoke(channel, payload);
      }
      api['events'] = {
        onHistoryChanged: (listener: () => void) => subscribe('history:changed', () => listener()),
        onNavigate: (listener: (payload: unknown) => void) => subscribe('navigate', listener),
        onTaskCreatedCountdown: (listener: (payload: unknown) => void) => subscribe('task:created-countdown', listener),
        onPlansChanged: (listener: () => void) => subscribe('plans:changed', () => listener()),
        onImportProgress: (listener: (payload: unknown) => void) => subscribe('import:progress', listener),
        onNotice: (listener: (payload: unknown) => void) => subscribe('app:notice', listener),
      };
      Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
      Object.defineProperty(window, '__taperEmit', {
        value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
      });
    },
    API_METHODS as unknown as Record<string, readonly [string, string]>,
  );

  await page.goto(pathToFileURL(RENDERER_INDEX).href);
  pageReady = true;
  return world;
}

/** Asks the simulator to answer the next request(s) with a fault, e.g. `vod-inactive`. */
export async function injectFault(endpoint: string, mode: string, action?: string): Promise<void> {
  const body = JSON.stringify(action === undefined ? { mode } : { mode, action });
  const response = await fetch(`${endpoint}/__simulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (!response.ok) throw new Error(`fault injection refused: ${response.status} ${await response.text()}`);
}

export const SCREENSHOTS = resolve('test/artifacts/screenshots');
