// A window for WindowManager tests: records what it was sent and lets the test load and close it.
import { vi } from 'vitest';
import type { WindowLike } from '../../../electron/shell/window-manager.js';

export function fakeWindow(id: number, loadURL: (url: string) => Promise<void> = async () => undefined) {
  const sent: [string, unknown][] = [];
  let loaded: (() => void) | undefined;
  let closed: (() => void) | undefined;
  const window: WindowLike = {
    webContents: {
      id,
      send: (channel, payload) => sent.push([channel, payload]),
      once: (_event, listener) => (loaded = listener),
    },
    loadURL: vi.fn(loadURL),
    once: () => undefined,
    on: (_event, listener) => (closed = listener),
    isMinimized: () => false,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  };
  return { window, sent, load: () => loaded?.(), close: () => closed?.() };
}
