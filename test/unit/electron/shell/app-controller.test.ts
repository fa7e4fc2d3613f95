// The app's start-up on fake ports over a temp data directory: what the user sees of it (a tray, the window unless
// started hidden, the IPC channels behind the sender check) and what a quit tears down.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp } from '../../../../electron/shell/app-controller.js';
import type { AppPorts } from '../../../../electron/shell/app-ports.js';
import type { Logger } from '../../../../electron/services/logging/logger.js';
import { IPC_CHANNELS } from '../../../../shared/ipc/channels.js';
import { fakeWindow } from '../../support/fake-window.js';

const homes: string[] = [];
afterEach(async () => {
  await Promise.all(homes.splice(0).map((home) => rm(home, { recursive: true, force: true })));
});

const silentLog: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLog,
  file: '/tmp/taper-test/main.log',
  tail: async () => '',
};

async function fakePorts(argv: string[]) {
  const home = await mkdtemp(join(tmpdir(), 'taper-controller-'));
  homes.push(home);
  const tray = { setContextMenu: vi.fn(), setToolTip: vi.fn(), setImage: vi.fn(), on: vi.fn(), destroy: vi.fn() };
  const windows: ReturnType<typeof fakeWindow>[] = [];
  const handled = new Set<string>();
  const beforeQuit: ((event: { preventDefault(): void }) => void)[] = [];
  const ports: AppPorts = {
    host: {
      platform: 'linux',
      env: { TAPER_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') },
      argv,
      execPath: '/opt/Taper/taper',
      defaultApp: false,
      versions: { node: '20.19.0' },
      arch: 'x64',
      osRelease: '6.1.0',
      homedir: home,
    },
    log: silentLog,
    paths: { renderer: join(home, 'renderer'), preload: join(home, 'preload.cjs'), icons: join(home, 'icons') },
    app: {
      version: '1.2.3',
      locale: () => 'en-US',
      userData: () => join(home, 'userData'),
      downloads: () => join(home, 'Downloads'),
      appPath: () => home,
      quit: vi.fn(),
      on: vi.fn(),
      onBeforeQuit: (listener) => void beforeQuit.push(listener),
      setLoginItemSettings: vi.fn(),
      getLoginItemSettings: () => ({ openAtLogin: false }),
    },
    handleProtocol: vi.fn(),
    session: {
      resolveProxy: async () => 'DIRECT',
      webRequest: { onHeadersReceived: vi.fn() },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
    },
    createWindow: () => {
      const made = fakeWindow(windows.length + 1);
      windows.push(made);
      return made.window;
    },
    notifications: { isSupported: () => false, create: vi.fn() },
    dialogs: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showMessageBoxSync: vi.fn(() => 1) },
    writeClipboard: vi.fn(),
    openExternal: vi.fn(async () => undefined),
    createTray: () => tray,
    buildMenu: (template) => template,
    setApplicationMenu: vi.fn(),
    ipcMain: { handle: (channel: string) => void handled.add(channel), removeHandler: vi.fn() },
    onResume: vi.fn(),
  };
  const quit = () => {
    const event = { preventDefault: vi.fn() };
    for (const listener of beforeQuit) listener(event);
    return event;
  };
  return { ports, home, tray, windows, handled, quit };
}

describe('startApp', () => {
  it('brings up the tray, every IPC channel and the window, and tears them down on quit', async () => {
    const world = await fakePorts(['/opt/Taper/taper']);
    await startApp(world.ports, () => 1_800_000_000_000);
    expect(world.ports.handleProtocol).toHaveBeenCalledWith('taper', expect.any(Function));
    expect(world.tray.setContextMenu).toHaveBeenCalled();
    expect([...world.handled].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(world.windows).toHaveLength(1);
    expect(world.ports.app.on).toHaveBeenCalledWith('second-instance', expect.any(Function));
    expect(world.ports.onResume).toHaveBeenCalledOnce();

    const event = world.quit();
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(world.tray.destroy).toHaveBeenCalledOnce();
  });

  it('stays in the tray when started --hidden (at login)', async () => {
    const world = await fakePorts(['/opt/Taper/taper', '--hidden']);
    await startApp(world.ports, () => 1_800_000_000_000);
    expect(world.tray.setContextMenu).toHaveBeenCalled();
    expect(world.windows).toHaveLength(0);
    world.quit();
  });
});
