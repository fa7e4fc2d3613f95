import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../../../electron/ipc/handlers.js';
import {
  registerIpcHandlers,
  senderRejection,
  type IpcMainLike,
  type SenderEvent,
} from '../../../../electron/ipc/validated-ipc-main.js';
import { IPC_CHANNELS } from '../../../../shared/ipc/contract.js';
import { fakeServices } from '../../support/fake-services.js';

const RENDERER = 'taper://app/index.html';
/** Where the renderer was loaded from before it had its own scheme: refused now. */
const FILE_RENDERER = 'file:///opt/Taper/resources/app.asar/dist/renderer/index.html';

type Listener = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
    removeHandler: (channel: string) => listeners.delete(channel),
  } as unknown as IpcMainLike;
  return { ipcMain, listeners };
}

function mainFrameEvent(url: string, senderId = 7): SenderEvent {
  const frame: { url: string; parent: unknown; top: unknown } = { url, parent: null, top: null };
  frame.top = frame;
  return { sender: { id: senderId }, senderFrame: frame };
}

function setup() {
  const { services, hooks, schedule } = fakeServices();
  const { ipcMain, listeners } = fakeIpcMain();
  const warn = vi.fn();
  const unregister = registerIpcHandlers({
    ipcMain,
    handlers: createIpcHandlers(services, hooks, schedule),
    policy: { windowIds: () => new Set([7]) },
    warn,
  });
  const call = (channel: string, event: SenderEvent, ...args: unknown[]) => listeners.get(channel)!(event, ...args);
  return { services, listeners, warn, unregister, call };
}

describe('registerIpcHandlers', () => {
  it('registers every contract channel once and removes them all again', () => {
    const { listeners, unregister } = setup();
    expect([...listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    unregister();
    expect(listeners.size).toBe(0);
  });

  it('answers our renderer, also on an in-app route', async () => {
    const { call } = setup();
    expect(await call('history:list', mainFrameEvent(RENDERER), {})).toMatchObject({ ok: true });
    expect(await call('app:info', mainFrameEvent(`${RENDERER}#/settings`))).toMatchObject({ ok: true });
  });

  it('refuses a foreign frame with a logged warning, without touching a service', async () => {
    const { call, warn, services } = setup();
    const child = mainFrameEvent(RENDERER);
    child.senderFrame = { url: RENDERER, parent: {}, top: {} };
    const cases: SenderEvent[] = [
      mainFrameEvent('https://evil.example/'),
      mainFrameEvent(FILE_RENDERER),
      mainFrameEvent(RENDERER, 99),
      child,
      { sender: { id: 7 }, senderFrame: null },
    ];
    for (const event of cases) {
      expect(await call('history:list', event, {})).toEqual({
        ok: false,
        error: { code: 'Taper.Ipc.Forbidden', message: 'This window may not call Taper.' },
      });
    }
    expect(warn).toHaveBeenCalledTimes(cases.length);
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      'IPC history:list refused: not our renderer entry (webContents 7, https://evil.example/)',
      `IPC history:list refused: not our renderer entry (webContents 7, ${FILE_RENDERER})`,
      'IPC history:list refused: not one of our windows (webContents 99, taper://app/index.html)',
      'IPC history:list refused: not the main frame (webContents 7, taper://app/index.html)',
      'IPC history:list refused: no sender frame (destroyed or navigated) (webContents 7, no frame)',
    ]);
    expect(services.history.list).not.toHaveBeenCalled();
  });

  it('rejects calls with more than one argument', async () => {
    const { call } = setup();
    expect(await call('history:list', mainFrameEvent(RENDERER), {}, 'extra')).toMatchObject({
      ok: false,
      error: { code: 'Taper.InvalidInput' },
    });
  });
});

describe('senderRejection', () => {
  it('accepts only the exact renderer document', () => {
    const policy = { windowIds: () => new Set([1]) };
    expect(senderRejection(mainFrameEvent(`${RENDERER}?lang=zh-CN`, 1), policy)).toBeNull();
    expect(senderRejection(mainFrameEvent(`${RENDERER}.evil.html`, 1), policy)).toBe('not our renderer entry');
    expect(senderRejection(mainFrameEvent('not a url', 1), policy)).toBe('not our renderer entry');
    for (const other of [
      'taper://app/other.html',
      'taper://app.evil/index.html',
      'taper://user@app/index.html',
      'taper://app:8080/index.html',
      'https://app/index.html',
      FILE_RENDERER,
    ]) {
      expect(senderRejection(mainFrameEvent(other, 1), policy), other).toBe('not our renderer entry');
    }
  });

  it('compares an origin, not a path: the host as Chromium writes it (any case) and every route are ours', () => {
    const policy = { windowIds: () => new Set([1]) };
    for (const ours of [
      'taper://app/index.html',
      'taper://APP/index.html',
      'TAPER://app/index.html#/history',
      'taper://app/index.html?view=record',
    ]) {
      expect(senderRejection(mainFrameEvent(ours, 1), policy), ours).toBeNull();
    }
    // A Windows install's renderer path in any drive-letter case is no longer part of the check at all.
    expect(
      senderRejection(
        mainFrameEvent('file:///C:/Program%20Files/Taper/resources/app.asar/dist/renderer/index.html', 1),
        policy,
      ),
    ).toBe('not our renderer entry');
  });
});
