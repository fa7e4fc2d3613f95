// BrowserWindow as a page in Chromium: the page loads what main loads (through the app's own scheme handler), runs
// the built preload with what a sandboxed preload gets, and its invoke calls reach the app's real ipcMain handlers
// with a sender frame built from the page (main frame or not, its URL as main would see it).
import { EventEmitter } from 'node:events';
import type { Frame, Page } from 'playwright-core';
import type * as Electron from 'electron';
import { browserContext } from './chromium.js';
import { emit, onCommand } from './control.js';
import { invokeHandler } from './ipc-main.js';
import { DELIVER, IPC_BINDING, PERMISSION_BINDING, preloadScript } from './preload-host.js';
import { appUrlFor, pageUrlFor, permissionHandlers } from './session.js';
import { clipboard } from './system.js';

let nextId = 1;
const windows = new Map<number, BrowserWindow>();

/** The parts of a frame main reads (`event.senderFrame`): one object per frame, so `top === frame` holds. */
interface SenderFrame {
  url: string;
  origin: string;
  parent: SenderFrame | null;
  top: SenderFrame | null;
}

const senderFrames = new WeakMap<Frame, SenderFrame>();
function senderFrame(frame: Frame): SenderFrame {
  const known = senderFrames.get(frame);
  const url = appUrlFor(frame.url());
  let origin = 'null';
  try {
    origin = new URL(url).origin;
  } catch {
    // about:blank and the like have no origin.
  }
  if (known !== undefined) {
    known.url = url;
    known.origin = origin;
    return known;
  }
  const parentFrame = frame.parentFrame();
  const made: SenderFrame = { url, origin, parent: parentFrame === null ? null : senderFrame(parentFrame), top: null };
  let top: Frame = frame;
  while (top.parentFrame() !== null) top = top.parentFrame() as Frame;
  made.top = top === frame ? made : senderFrame(top);
  senderFrames.set(frame, made);
  return made;
}

class WebContents extends EventEmitter {
  readonly id: number;
  page: Page | null = null;
  private destroyed = false;
  private openHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | null = null;

  constructor(readonly owner: BrowserWindow) {
    super();
    this.id = owner.id;
  }

  send(channel: string, ...args: unknown[]): void {
    const page = this.page;
    if (page === null || this.destroyed) return;
    void page
      .evaluate(
        ([name, deliver, values]) =>
          (window as unknown as Record<string, (c: string, a: unknown[]) => void>)[deliver]?.(name, values),
        [channel, DELIVER, args] as const,
      )
      .catch(() => undefined);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void {
    this.openHandler = handler;
  }

  windowOpen(url: string): boolean {
    return (this.openHandler?.({ url }).action ?? 'allow') === 'allow';
  }

  getURL(): string {
    return this.page === null ? '' : appUrlFor(this.page.url());
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  markDestroyed(): void {
    this.destroyed = true;
  }
}

export class BrowserWindow extends EventEmitter {
  readonly id = nextId++;
  readonly webContents: WebContents;
  private visible = false;
  private minimized = false;
  private destroyed = false;
  private readonly pageReady: Promise<Page>;

  static getAllWindows(): BrowserWindow[] {
    return [...windows.values()];
  }

  static fromWebContents(contents: { id: number }): BrowserWindow | null {
    return windows.get(contents.id) ?? null;
  }

  static getFocusedWindow(): BrowserWindow | null {
    return [...windows.values()].find((window) => window.visible) ?? null;
  }

  constructor(private readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.webContents = new WebContents(this);
    windows.set(this.id, this);
    this.pageReady = this.createPage();
    this.pageReady.catch(() => undefined);
    const { webPreferences = {} } = options;
    emit({
      type: 'window-created',
      id: this.id,
      show: options.show ?? true,
      hasParent: options.parent !== undefined,
      webPreferences: {
        sandbox: webPreferences.sandbox,
        contextIsolation: webPreferences.contextIsolation,
        nodeIntegration: webPreferences.nodeIntegration,
        nodeIntegrationInSubFrames: webPreferences.nodeIntegrationInSubFrames,
        webSecurity: webPreferences.webSecurity,
        preload: webPreferences.preload,
      },
    });
    // Electron creates a window's webContents with the window, and tells the app at once.
    process.nextTick(() => appEvents.emit('web-contents-created', {}, this.webContents));
  }

  private async createPage(): Promise<Page> {
    const context = await browserContext();
    const page = await context.newPage();
    const contents = this.webContents;
    contents.page = page;
    await page.setViewportSize({ width: this.options.width ?? 800, height: this.options.height ?? 600 });
    // The answer crosses as one JSON string: Playwright's own serialisation walks every value, which for a
    // 20,000-entry history took seconds where Electron's structured clone takes milliseconds (the bench's figures).
    await page.exposeBinding(IPC_BINDING, async ({ frame }, channel: string, args: unknown[]) => {
      // Electron delivers nothing from a destroyed webContents (its page is gone); here the page closes a moment
      // after the window, so a call it made meanwhile is dropped as the real one would never arrive.
      if (contents.isDestroyed()) return undefined;
      const answer = await invokeHandler(
        channel,
        { sender: contents, senderFrame: senderFrame(frame), frameId: 0, processId: 0 },
        args,
      );
      return answer === undefined ? undefined : JSON.stringify(answer);
    });
    await page.exposeBinding(PERMISSION_BINDING, ({ frame }, permission: string, value: string) =>
      this.askPermission(permission, value, frame),
    );
    // The bench's probe (test/bench/measure-app.mjs): notes when the form is usable, in every window.
    const probe = process.env['TAPER_STANDIN_INIT_SCRIPT'];
    if (probe !== undefined) await page.addInitScript({ path: probe });
    const preload = this.options.webPreferences?.preload;
    if (preload !== undefined) await page.addInitScript({ content: preloadScript(preload) });
    page.on('popup', (popup) => {
      if (!contents.windowOpen(popup.url())) void popup.close();
    });
    page.on('crash', () => contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 }));
    page.on('console', (message) =>
      emit({ type: 'console', id: this.id, level: message.type(), text: message.text() }),
    );
    page.on('pageerror', (error) => emit({ type: 'page-error', id: this.id, message: error.message }));
    return page;
  }

  /** Chromium asks the session's handlers, request handler last, as it does for a sandboxed page in Electron. */
  private async askPermission(permission: string, value: string, frame: Frame): Promise<boolean> {
    const sender = senderFrame(frame);
    const details = { requestingUrl: sender.url, isMainFrame: sender.parent === null };
    const check = permissionHandlers.check;
    if (check !== null && !check(this.webContents, permission, sender.origin, details)) {
      emit({ type: 'permission', permission, granted: false, by: 'check' });
      return false;
    }
    const request = permissionHandlers.request;
    const granted =
      request === null
        ? true
        : await new Promise<boolean>((resolve) => request(this.webContents, permission, resolve, details));
    emit({ type: 'permission', permission, granted, by: 'request' });
    if (granted && permission === 'clipboard-sanitized-write') await clipboard.writeText(value);
    return granted;
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.pageReady;
    const target = await pageUrlFor(url);
    emit({ type: 'window-load', id: this.id, url });
    try {
      await page.goto(target, { waitUntil: 'load' });
    } catch (error) {
      this.webContents.emit('did-fail-load', {}, -2, error instanceof Error ? error.message : String(error), url);
      throw error;
    }
    this.webContents.emit('did-finish-load');
    if (!this.destroyed) this.emit('ready-to-show');
  }

  show(): void {
    if (this.destroyed) return;
    this.visible = true;
    this.minimized = false;
    emit({ type: 'window-shown', id: this.id, at: Date.now() });
  }

  hide(): void {
    this.visible = false;
    emit({ type: 'window-hidden', id: this.id });
  }

  focus(): void {
    emit({ type: 'window-focused', id: this.id });
  }

  isVisible(): boolean {
    return this.visible;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  minimize(): void {
    this.minimized = true;
  }

  restore(): void {
    this.minimized = false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setMenuBarVisibility(): void {}

  /** The user closes the window: 'close' may be prevented, then the page goes and 'closed' follows. */
  close(): void {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    windows.delete(this.id);
    this.webContents.markDestroyed();
    void this.pageReady.then((page) => page.close()).catch(() => undefined);
    emit({ type: 'window-closed', id: this.id });
    this.emit('closed');
  }
}

/** `app`'s emitter, for `web-contents-created` (set by app.ts, which owns it). */
let appEvents: EventEmitter = new EventEmitter();
export function setAppEvents(events: EventEmitter): void {
  appEvents = events;
}

export function destroyAllWindows(): void {
  for (const window of windows.values()) window.destroy();
}

onCommand('close-window', ({ window: windowId }) => {
  const window = windowId === undefined ? [...windows.values()][0] : windows.get(Number(windowId));
  if (window === undefined) throw new Error('stand-in: no such window');
  window.close();
});
onCommand('windows', () =>
  [...windows.values()].map((window) => ({
    id: window.id,
    visible: window.isVisible(),
    url: window.webContents.getURL(),
  })),
);
onCommand('send-to-window', ({ window: windowId, channel, args }) => {
  const window = windows.get(Number(windowId));
  window?.webContents.send(String(channel), ...((args as unknown[]) ?? []));
});
