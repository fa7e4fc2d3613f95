// The OS-facing modules: notifications, dialogs, shell, clipboard, power events. Each records what the app asked
// for (an event to the test) and can be driven (a dialog answered, a notification clicked, the machine resumed).
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { emit, onCommand } from './control.js';

// --- Notification ---------------------------------------------------------------------------------------------
const shown: Notification[] = [];

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return process.env['TAPER_STANDIN_NOTIFICATIONS'] !== 'unsupported';
  }

  constructor(private readonly options: Electron.NotificationConstructorOptions = {}) {
    super();
  }

  show(): void {
    const index = shown.push(this) - 1;
    // macOS without a code signature (Electron 42+) fails every notification: the app must not lose what it said.
    if (process.env['TAPER_STANDIN_NOTIFICATIONS'] === 'fail') {
      emit({ type: 'notification-failed', index, title: this.options.title ?? '', body: this.options.body ?? '' });
      setImmediate(() => this.emit('failed', {}, 'Notification could not be shown (stand-in: unsigned app)'));
      return;
    }
    emit({
      type: 'notification',
      index,
      title: this.options.title ?? '',
      body: this.options.body ?? '',
      at: Date.now(),
    });
    setImmediate(() => this.emit('show', {}));
  }

  close(): void {
    this.emit('close', {});
  }
}

onCommand('click-notification', ({ index }) => {
  const notification = shown[Number(index)];
  if (notification === undefined) throw new Error(`stand-in: no notification ${String(index)}`);
  notification.emit('click', {});
});

// --- dialog ---------------------------------------------------------------------------------------------------
/** Answers queued by the test, taken in order; without one a message box answers its defaultId (or 0). */
const answers: { kind: string; value: unknown }[] = [];
onCommand('queue-dialog-answer', ({ kind, value }) => {
  answers.push({ kind: String(kind), value });
});

function take(kind: string): unknown {
  const index = answers.findIndex((answer) => answer.kind === kind);
  return index === -1 ? undefined : answers.splice(index, 1)[0]?.value;
}

type WindowRef = { id: number } | undefined;
const split = <T>(first: WindowRef | T, second?: T): [WindowRef, T] =>
  second === undefined ? [undefined, first as T] : [first as WindowRef, second];

function messageBox(
  windowOrOptions: WindowRef | Electron.MessageBoxOptions,
  maybe?: Electron.MessageBoxOptions,
): number {
  const [parent, options] = split(windowOrOptions, maybe);
  const queued = take('message-box');
  const response = typeof queued === 'number' ? queued : (options.defaultId ?? 0);
  emit({
    type: 'dialog',
    kind: 'message-box',
    parent: parent?.id ?? null,
    message: options.message,
    detail: options.detail ?? '',
    buttons: options.buttons ?? [],
    response,
  });
  return response;
}

export const dialog = {
  showErrorBox(title: string, content: string): void {
    emit({ type: 'dialog', kind: 'error-box', parent: null, title, content });
  },
  showMessageBoxSync: (windowOrOptions: WindowRef | Electron.MessageBoxOptions, maybe?: Electron.MessageBoxOptions) =>
    messageBox(windowOrOptions, maybe),
  async showMessageBox(windowOrOptions: WindowRef | Electron.MessageBoxOptions, maybe?: Electron.MessageBoxOptions) {
    return { response: messageBox(windowOrOptions, maybe), checkboxChecked: false };
  },
  async showSaveDialog(windowOrOptions: WindowRef | Electron.SaveDialogOptions, maybe?: Electron.SaveDialogOptions) {
    const [parent, options] = split(windowOrOptions, maybe);
    const queued = take('save');
    emit({ type: 'dialog', kind: 'save', parent: parent?.id ?? null, defaultPath: options.defaultPath ?? '' });
    return typeof queued === 'string' ? { canceled: false, filePath: queued } : { canceled: true, filePath: '' };
  },
  async showOpenDialog(windowOrOptions: WindowRef | Electron.OpenDialogOptions, maybe?: Electron.OpenDialogOptions) {
    const [parent] = split(windowOrOptions, maybe);
    const queued = take('open');
    emit({ type: 'dialog', kind: 'open', parent: parent?.id ?? null });
    return typeof queued === 'string' ? { canceled: false, filePaths: [queued] } : { canceled: true, filePaths: [] };
  },
};

// --- shell, clipboard -----------------------------------------------------------------------------------------
export const shell = {
  async openExternal(url: string): Promise<void> {
    emit({ type: 'open-external', url });
  },
  async openPath(path: string): Promise<string> {
    emit({ type: 'open-path', path });
    return '';
  },
  showItemInFolder(path: string): void {
    emit({ type: 'show-item-in-folder', path });
  },
} satisfies Pick<typeof Electron.shell, 'openExternal' | 'openPath' | 'showItemInFolder'>;

let clipboardText = '';
export const clipboard = {
  async writeText(text: string): Promise<void> {
    clipboardText = text;
    emit({ type: 'clipboard', text });
  },
  async readText(): Promise<string> {
    return clipboardText;
  },
} satisfies Pick<typeof Electron.clipboard, 'writeText' | 'readText'>;
onCommand('clipboard', () => clipboardText);

// --- powerMonitor ---------------------------------------------------------------------------------------------
export const powerMonitor = new EventEmitter();
onCommand('power', ({ event }) => {
  powerMonitor.emit(String(event), {});
});
