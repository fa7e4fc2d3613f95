import { describe, expect, it, vi } from 'vitest';
import { WindowManager } from '../../../../electron/shell/window-manager.js';
import type { AppNotice } from '../../../../shared/ipc/types.js';
import { fakeWindow } from '../../support/fake-window.js';

const notice = (title: string): AppNotice => ({ title, body: `${title} body`, view: 'history' });

function manager(...windows: ReturnType<typeof fakeWindow>[]) {
  const createWindow = vi.fn(() => {
    const next = windows.shift();
    if (next === undefined) throw new Error('no more fake windows');
    return next.window;
  });
  const loadFailed = vi.fn();
  const closed = vi.fn();
  return {
    manager: new WindowManager({ createWindow, rendererUrl: 'taper://app/index.html', loadFailed, closed }),
    createWindow,
    loadFailed,
    closed,
  };
}

describe('WindowManager without a window', () => {
  it('delivers a notice sent while no window exists once a window has loaded, and only once', () => {
    const first = fakeWindow(1);
    const { manager: windows } = manager(first);
    windows.send('app:notice', notice('Recording failed'));
    windows.open();
    expect(first.sent).toEqual([]);
    first.load();
    expect(first.sent).toEqual([['app:notice', notice('Recording failed')]]);
    first.load();
    expect(first.sent).toHaveLength(1);
  });

  it('drops the other events sent without a window (the page reloads them on open)', () => {
    const first = fakeWindow(1);
    const { manager: windows } = manager(first);
    windows.send('history:changed', null);
    windows.send('plans:changed', null);
    windows.send('navigate', { view: 'settings' });
    windows.send('app:notice', notice('Kept'));
    windows.open();
    first.load();
    expect(first.sent).toEqual([['app:notice', notice('Kept')]]);
  });

  it('keeps the newest 20 notices, in order', () => {
    const first = fakeWindow(1);
    const { manager: windows } = manager(first);
    for (let index = 0; index < 25; index += 1) windows.send('app:notice', notice(`notice ${index}`));
    windows.open();
    first.load();
    expect(first.sent.map(([, payload]) => (payload as AppNotice).title)).toEqual(
      Array.from({ length: 20 }, (_, index) => `notice ${index + 5}`),
    );
  });

  it('holds a notice sent after the window closed for the next window, and drops what the closed one never loaded', () => {
    const first = fakeWindow(1);
    const second = fakeWindow(2);
    const { manager: windows, createWindow } = manager(first, second);
    windows.open();
    windows.send('history:changed', null);
    windows.send('app:notice', notice('Before close'));
    first.close();
    windows.send('app:notice', notice('After close'));
    windows.open();
    expect(createWindow).toHaveBeenCalledTimes(2);
    second.load();
    expect(first.sent).toEqual([]);
    expect(second.sent).toEqual([
      ['app:notice', notice('Before close')],
      ['app:notice', notice('After close')],
    ]);
  });
});

describe('WindowManager lifecycle', () => {
  it('reports a failed load with its reason', async () => {
    const failure = Promise.reject(new Error('ERR_FILE_NOT_FOUND (-6) loading taper://app/index.html'));
    const first = fakeWindow(1, () => failure);
    const { manager: windows, loadFailed } = manager(first);
    windows.open();
    // The manager's handler was attached first, so it has run once this one has.
    await failure.catch(() => undefined);
    expect(loadFailed.mock.calls).toEqual([['ERR_FILE_NOT_FOUND (-6) loading taper://app/index.html']]);
  });

  it('says when the user closed the window, and current() follows the window', () => {
    const first = fakeWindow(1);
    const { manager: windows, closed, loadFailed } = manager(first);
    expect(windows.current()).toBeNull();
    windows.open();
    expect(windows.current()).toBe(first.window);
    expect(closed).not.toHaveBeenCalled();
    first.close();
    expect(closed).toHaveBeenCalledOnce();
    expect(windows.current()).toBeNull();
    expect(loadFailed).not.toHaveBeenCalled();
  });
});
