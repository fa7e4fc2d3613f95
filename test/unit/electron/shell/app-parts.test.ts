import { describe, expect, it, vi } from 'vitest';
import {
  createSettingsController,
  DEFAULT_SETTINGS,
  normalizeSettings,
} from '../../../../electron/shell/app-settings.js';
import { createSandboxController } from '../../../../electron/shell/sandbox.js';
import { WindowManager } from '../../../../electron/shell/window-manager.js';
import { err, ok } from '../../../../shared/result.js';
import { fakeServices } from '../../support/fake-services.js';
import { fakeWindow } from '../../support/fake-window.js';

describe('settings', () => {
  it('falls back to defaults for a hand-edited file', () => {
    expect(normalizeSettings({ language: 'fr', theme: 42, launchAtLogin: 'yes', defaultTimeZone: '' })).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  it('stores a patch and toggles the login item only when it changes', async () => {
    let stored: unknown = undefined;
    const setLoginItem = vi.fn(async () => ok(undefined));
    const changed = vi.fn();
    const controller = createSettingsController({
      backend: { read: () => stored, write: (next) => (stored = next) },
      setLoginItem,
      changed,
    });
    expect(await controller.set({ launchAtLogin: true, language: 'zh-CN' })).toEqual(
      ok({ ...DEFAULT_SETTINGS, launchAtLogin: true, language: 'zh-CN' }),
    );
    await controller.set({ theme: 'dark' });
    expect(setLoginItem.mock.calls).toEqual([[true]]);
    expect(controller.get()).toMatchObject({ theme: 'dark', launchAtLogin: true, language: 'zh-CN' });
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('keeps launch at login off when the OS refused it, and says why', async () => {
    let stored: unknown = undefined;
    const refused = err('Taper.LoginItem.Unavailable', 'The autostart entry could not be written');
    const controller = createSettingsController({
      backend: { read: () => stored, write: (next) => (stored = next) },
      setLoginItem: vi.fn(async () => refused),
      changed: vi.fn(),
    });
    expect(await controller.set({ launchAtLogin: true })).toEqual(refused);
    expect(controller.get().launchAtLogin).toBe(false);
  });

  it('adopts what the OS has at start without asking the OS again', () => {
    let stored: unknown = { launchAtLogin: true };
    const setLoginItem = vi.fn(async () => ok(undefined));
    const controller = createSettingsController({
      backend: { read: () => stored, write: (next) => (stored = next) },
      setLoginItem,
      changed: vi.fn(),
    });
    controller.adoptLoginItem(false);
    expect(controller.get().launchAtLogin).toBe(false);
    expect(setLoginItem).not.toHaveBeenCalled();
  });
});

describe('WindowManager', () => {
  it('creates the window on first open only, and holds events until the page loaded', () => {
    const first = fakeWindow(3);
    const createWindow = vi.fn(() => first.window);
    const manager = new WindowManager({ createWindow, rendererUrl: 'taper://app/index.html', loadFailed: vi.fn() });
    expect(manager.windowIds().size).toBe(0);
    manager.send('history:changed', null);
    manager.open('history');
    manager.open('settings');
    expect(createWindow).toHaveBeenCalledOnce();
    expect(first.window.loadURL).toHaveBeenCalledWith('taper://app/index.html');
    expect(first.sent).toEqual([]);
    first.load();
    expect(first.sent).toEqual([
      ['navigate', { view: 'history' }],
      ['navigate', { view: 'settings' }],
    ]);
    expect([...manager.windowIds()]).toEqual([3]);
    first.close();
    expect(manager.windowIds().size).toBe(0);
  });
});

describe('sandbox', () => {
  const sendPush = vi.fn(async (_endpoint: string, request: { domain: string; app: string; stream: string }) =>
    ok({ ...request, startTime: 1_800_000_000, endTime: 1_800_000_600 }),
  );

  it('refuses a simulated push until the sandbox runs, then sends it to the simulator it started', async () => {
    const { services } = fakeServices();
    sendPush.mockClear();
    const sandbox = createSandboxController({
      startSimulator: async () => ({ endpoint: 'http://127.0.0.1:4321' }),
      account: { secretId: 'AKIDSANDBOX', secretKey: 'sandbox-key' },
      profiles: services.profiles,
      sendPush,
    });
    const request = { domain: 'sandbox.livepush.example.com', app: 'live', stream: 'show', forSeconds: 600 };
    expect(await sandbox.push(request)).toMatchObject({ ok: false, error: { code: 'Taper.Sandbox.NotRunning' } });
    expect(sendPush).not.toHaveBeenCalled();
    await sandbox.start();
    expect(await sandbox.push(request)).toMatchObject({ ok: true, value: { stream: 'show', endTime: 1_800_000_600 } });
    expect(sendPush).toHaveBeenCalledWith('http://127.0.0.1:4321', request);
  });

  it('starts the simulator once and points a default sandbox profile at it', async () => {
    const { services } = fakeServices();
    const startSimulator = vi.fn(async () => ({ endpoint: 'http://127.0.0.1:4321' }));
    const sandbox = createSandboxController({
      startSimulator,
      account: { secretId: 'AKIDSANDBOX', secretKey: 'sandbox-key' },
      profiles: services.profiles,
      sendPush,
    });
    expect(sandbox.isRunning()).toBe(false);
    expect(await sandbox.start()).toEqual(ok({ endpoint: 'http://127.0.0.1:4321' }));
    await sandbox.start();
    expect(startSimulator).toHaveBeenCalledOnce();
    expect(services.profiles.add).toHaveBeenCalledWith({
      name: 'sandbox',
      secretId: 'AKIDSANDBOX',
      secretKey: 'sandbox-key',
      endpoint: 'http://127.0.0.1:4321',
    });
    expect(services.profiles.setDefault).toHaveBeenCalledWith('sandbox');
    expect(sandbox.isRunning()).toBe(true);
  });
});
