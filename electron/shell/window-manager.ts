// The one main window: created on demand (Taper starts to the tray), reused and focused afterwards, and the only
// way main pushes events to the renderer (typed by the contract's IpcEvent).
import type { IpcEvent, IpcEventName, RecordPrefill, ViewName } from '../../shared/ipc/contract.js';

/** The part of BrowserWindow used here. */
export interface WindowLike {
  webContents: {
    id: number;
    send(channel: string, payload: unknown): void;
    once(event: 'did-finish-load', listener: () => void): void;
  };
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface WindowManagerDeps {
  /** `new BrowserWindow(createWindowOptions(...))`. */
  createWindow(): WindowLike;
  /** The renderer entry, taper://app/index.html (renderer-protocol.ts). */
  rendererUrl: string;
  /** A failed load (missing build): the window cannot show anything, so main says so another way. */
  loadFailed(reason: string): void;
  /** After the user closed the window (Taper keeps running in the tray). */
  closed?(): void;
}

/** Events held while no window exists and delivered when one has loaded: a notice must not be lost. */
const KEPT_WITHOUT_WINDOW: ReadonlySet<IpcEventName> = new Set(['app:notice']);
const MAX_KEPT = 20;

export class WindowManager {
  private window: WindowLike | null = null;
  private loaded = false;
  private readonly queued: { event: IpcEventName; payload: unknown }[] = [];

  constructor(private readonly deps: WindowManagerDeps) {}

  /** Shows (creating if needed) the window, optionally on a view with a prefilled form. */
  open(view: ViewName | null = null, prefill?: RecordPrefill): void {
    const window = this.window ?? this.create();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (view !== null) this.send('navigate', prefill === undefined ? { view } : { view, prefill });
  }

  /** Pushes an event; held until the page has loaded; without a window dropped (it reloads on open), but notices kept. */
  send<E extends IpcEventName>(event: E, payload: IpcEvent[E]): void {
    if (this.window === null) {
      if (KEPT_WITHOUT_WINDOW.has(event)) {
        this.queued.push({ event, payload });
        if (this.queued.length > MAX_KEPT) this.queued.shift();
      }
      return;
    }
    if (!this.loaded) {
      this.queued.push({ event, payload });
      return;
    }
    this.window.webContents.send(event, payload);
  }

  /** The window, when one exists: the parent of dialogs. */
  current(): WindowLike | null {
    return this.window;
  }

  /** webContents ids of our windows (for the IPC sender check). */
  windowIds(): ReadonlySet<number> {
    return new Set(this.window === null ? [] : [this.window.webContents.id]);
  }

  private create(): WindowLike {
    const window = this.deps.createWindow();
    this.window = window;
    this.loaded = false;
    window.once('ready-to-show', () => window.show());
    window.webContents.once('did-finish-load', () => {
      this.loaded = true;
      for (const { event, payload } of this.queued.splice(0)) window.webContents.send(event, payload);
    });
    window.on('closed', () => {
      // Closing the window keeps Taper in the tray; only notices wait for the next window.
      this.window = null;
      this.loaded = false;
      const kept = this.queued.filter(({ event }) => KEPT_WITHOUT_WINDOW.has(event));
      this.queued.splice(0, this.queued.length, ...kept);
      this.deps.closed?.();
    });
    window.loadURL(this.deps.rendererUrl).catch((error: unknown) => {
      // A window closed while it loaded aborts its load: that is the user's doing, not a broken install.
      if (this.window !== window) return;
      this.deps.loadFailed(error instanceof Error ? error.message : String(error));
    });
    return window;
  }
}
