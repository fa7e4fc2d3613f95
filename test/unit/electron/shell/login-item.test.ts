import * as fsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createLoginItem,
  execLine,
  quoteExecArgument,
  wasStartedHidden,
  type LoginItemDeps,
  type LoginItemSettingsInput,
  type LoginItemState,
} from '../../../../electron/shell/login-item.js';

const LOGIN_ITEM_UNAVAILABLE = 'Taper.LoginItem.Unavailable';
const unusedSettings = {
  setLoginItemSettings: () => {
    throw new Error('not on Linux');
  },
  getLoginItemSettings: (): LoginItemState => {
    throw new Error('not on Linux');
  },
};

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'taper-autostart-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const linux = (patch: Partial<LoginItemDeps> = {}) =>
  createLoginItem({
    platform: 'linux',
    env: {},
    homedir: home,
    execPath: '/opt/Taper/taper',
    fs: fsPromises,
    ...unusedSettings,
    ...patch,
  });
const entryPath = () => join(home, '.config', 'autostart', 'taper.desktop');

describe('login item on Linux (XDG autostart)', () => {
  it('writes ~/.config/autostart/taper.desktop that starts the app hidden, and removes it again', async () => {
    const item = linux();
    expect(await item.isEnabled()).toBe(false);
    expect(await item.setEnabled(true)).toEqual({ ok: true, value: undefined });
    expect(await readFile(entryPath(), 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.5',
        'Name=Taper',
        'Comment=Schedule Tencent Cloud Live recordings from the tray',
        'Exec=/opt/Taper/taper --hidden',
        'Icon=taper',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    // Written beside and renamed over: nothing else is left in the folder. Readable by the desktop, whatever the umask.
    expect(await readdir(join(home, '.config', 'autostart'))).toEqual(['taper.desktop']);
    expect((await stat(entryPath())).mode & 0o777).toBe(0o644);
    expect(await item.isEnabled()).toBe(true);
    expect(await item.setEnabled(false)).toEqual({ ok: true, value: undefined });
    expect(await readdir(join(home, '.config', 'autostart'))).toEqual([]);
    expect(await item.isEnabled()).toBe(false);
    // Turning off what is already off is fine.
    expect((await item.setEnabled(false)).ok).toBe(true);
  });

  it('uses $XDG_CONFIG_HOME (absolute only), $APPIMAGE instead of the temporary mount, and the dev app path', async () => {
    const config = join(home, 'cfg');
    await linux({
      env: { XDG_CONFIG_HOME: config, APPIMAGE: '/home/ana/Apps/Taper-0.1.0.AppImage' },
      execPath: '/tmp/.mount_TaperX1/taper',
    }).setEnabled(true);
    expect(await readFile(join(config, 'autostart', 'taper.desktop'), 'utf8')).toContain(
      '\nExec=/home/ana/Apps/Taper-0.1.0.AppImage --hidden\n',
    );

    await linux({
      env: { XDG_CONFIG_HOME: 'relative' },
      execPath: '/usr/lib/node_modules/electron/dist/electron',
      launchArgs: ['/home/ana/src/taper'],
    }).setEnabled(true);
    expect(await readFile(entryPath(), 'utf8')).toContain(
      '\nExec=/usr/lib/node_modules/electron/dist/electron /home/ana/src/taper --hidden\n',
    );
  });

  it('quotes Exec per the Desktop Entry spec', async () => {
    await linux({ execPath: '/home/ana/My Apps/Taper $1 100%/taper' }).setEnabled(true);
    expect(await readFile(entryPath(), 'utf8')).toContain(
      '\nExec="/home/ana/My Apps/Taper \\\\$1 100%%/taper" --hidden\n',
    );
    expect(quoteExecArgument('plain/path-1.0_x')).toBe('plain/path-1.0_x');
    expect(quoteExecArgument('')).toBe('""');
    expect(quoteExecArgument('a"b`c\\d')).toBe('"a\\"b\\`c\\\\d"');
    expect(quoteExecArgument("it's")).toBe('"it\'s"');
    // The string-value escapes come on top: a backslash inside quotes is four in the file.
    expect(execLine(['/a b\\c', '--hidden'])).toBe('"/a b\\\\\\\\c" --hidden');
    expect(execLine(['/a\nb'])).toBe('"/a\\nb"');
  });

  it('any argument list survives a spec reader (generated paths)', () => {
    const argument = fc.string({
      unit: fc.constantFrom(...'aZ09 /._-"\'\\`$%~|&;*?#()<>\t\n=é漢'.split('')),
      maxLength: 24,
    });
    fc.assert(
      fc.property(fc.array(argument, { minLength: 1, maxLength: 4 }), (argv) => {
        expect(parseExec(execLine(argv))).toEqual(argv);
      }),
      { numRuns: 500 },
    );
  });

  it('reads an entry disabled elsewhere (Hidden=true, X-GNOME-Autostart-enabled=false) as off', async () => {
    const item = linux();
    await item.setEnabled(true);
    const entry = await readFile(entryPath(), 'utf8');
    await writeFile(entryPath(), entry.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'));
    expect(await item.isEnabled()).toBe(false);
    await writeFile(entryPath(), `${entry}Hidden=true\n`);
    expect(await item.isEnabled()).toBe(false);
    // A key of another group does not count.
    await writeFile(entryPath(), `${entry}\n[Desktop Action quit]\nHidden=true\n`);
    expect(await item.isEnabled()).toBe(true);
  });

  it('a write that fails is an error, and leaves no temporary file', async () => {
    // The autostart "folder" is a file: mkdir fails.
    await mkdir(join(home, '.config'), { recursive: true });
    await writeFile(join(home, '.config', 'autostart'), 'not a folder');
    const failed = await linux().setEnabled(true);
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error.code).toBe(LOGIN_ITEM_UNAVAILABLE);
      expect(failed.error.message).toContain('taper.desktop could not be written');
    }
    await rm(join(home, '.config', 'autostart'));

    const renameFails = { ...fsPromises, rename: async () => Promise.reject(new Error('EXDEV: simulated')) };
    const second = await linux({ fs: renameFails }).setEnabled(true);
    expect(second.ok).toBe(false);
    expect(await readdir(join(home, '.config', 'autostart'))).toEqual([]);

    const rmFails = {
      ...fsPromises,
      rm: async () => Promise.reject(Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' })),
    };
    const third = await linux({ fs: rmFails }).setEnabled(false);
    expect(third.ok ? null : third.error.code).toBe(LOGIN_ITEM_UNAVAILABLE);
  });

  it('reconcile: an entry the user removed or disabled wins, and is not written again', async () => {
    const item = linux();
    expect(await item.reconcile(true)).toBe(false);
    await expect(readFile(entryPath(), 'utf8')).rejects.toThrow();

    await item.setEnabled(true);
    const disabled = (await readFile(entryPath(), 'utf8')).replace(
      'X-GNOME-Autostart-enabled=true',
      'X-GNOME-Autostart-enabled=false',
    );
    await writeFile(entryPath(), disabled);
    expect(await item.reconcile(true)).toBe(false);
    expect(await readFile(entryPath(), 'utf8')).toBe(disabled);
  });

  it('reconcile: a stale Exec (moved or updated AppImage) is rewritten when wanted, left alone otherwise', async () => {
    await linux({ env: { APPIMAGE: '/home/ana/Taper-0.1.0.AppImage' } }).setEnabled(true);
    const updated = linux({ env: { APPIMAGE: '/home/ana/Taper-0.2.0.AppImage' } });

    expect(await updated.reconcile(false)).toBe(true);
    expect(await readFile(entryPath(), 'utf8')).toContain('Exec=/home/ana/Taper-0.1.0.AppImage --hidden');

    expect(await updated.reconcile(true)).toBe(true);
    expect(await readFile(entryPath(), 'utf8')).toContain('Exec=/home/ana/Taper-0.2.0.AppImage --hidden');
    // Up to date: nothing to do, still on.
    expect(await updated.reconcile(true)).toBe(true);
  });
});

/** Electron's login items on Windows, as a Run key: one value per app name, with the arguments it was given. */
function fakeElectron(platform: NodeJS.Platform, initial?: { args: string[] }) {
  let runKey: { args: string[] } | null = initial ?? null;
  const calls: LoginItemSettingsInput[] = [];
  const queries: ({ args?: string[] } | undefined)[] = [];
  let refuse = false;
  let status = 'enabled';
  const deps = {
    platform,
    env: {},
    homedir: '/home/unused',
    execPath: 'C:\\Program Files\\Taper\\Taper.exe',
    fs: fsPromises,
    setLoginItemSettings(settings: LoginItemSettingsInput) {
      calls.push(settings);
      if (refuse) return;
      runKey = settings.openAtLogin ? { args: settings.args ?? [] } : null;
    },
    getLoginItemSettings(options?: { args?: string[] }): LoginItemState {
      queries.push(options);
      // Windows compares the arguments; macOS has none.
      const matches =
        runKey !== null &&
        (platform !== 'win32' || JSON.stringify(runKey.args) === JSON.stringify(options?.args ?? []));
      return { openAtLogin: matches, wasOpenedAtLogin: false, status: matches ? 'enabled' : status };
    },
  };
  return {
    deps,
    calls,
    queries,
    runKey: () => runKey,
    refuse(next: string) {
      refuse = true;
      status = next;
    },
  };
}

describe('login item on macOS and Windows (Electron)', () => {
  it('macOS: openAtLogin only (no args, no openAsHidden), read back from the OS', async () => {
    const os = fakeElectron('darwin');
    const item = createLoginItem(os.deps);
    expect(await item.isEnabled()).toBe(false);
    expect((await item.setEnabled(true)).ok).toBe(true);
    expect(os.calls).toEqual([{ openAtLogin: true }]);
    expect(await item.isEnabled()).toBe(true);
    expect((await item.setEnabled(false)).ok).toBe(true);
    expect(os.calls[1]).toEqual({ openAtLogin: false });
    expect(await item.isEnabled()).toBe(false);
  });

  it('macOS: a login item the system did not take is an error, not a silent success', async () => {
    const os = fakeElectron('darwin');
    os.refuse('requires-approval');
    const result = await createLoginItem(os.deps).setEnabled(true);
    expect(result).toEqual({
      ok: false,
      error: {
        code: LOGIN_ITEM_UNAVAILABLE,
        message: 'macOS asks you to allow Taper in System Settings → General → Login Items.',
      },
    });
    const throwing = createLoginItem({
      ...os.deps,
      setLoginItemSettings: () => {
        throw new Error('SMAppService error');
      },
    });
    const thrown = await throwing.setEnabled(true);
    expect(thrown.ok ? '' : thrown.error.message).toBe('The login item could not be changed: SMAppService error');
  });

  it('Windows: registers with --hidden and asks with the same args', async () => {
    const os = fakeElectron('win32');
    const item = createLoginItem(os.deps);
    expect((await item.setEnabled(true)).ok).toBe(true);
    expect(os.calls).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
    expect(os.runKey()).toEqual({ args: ['--hidden'] });
    expect(await item.isEnabled()).toBe(true);
    expect(os.queries).toContainEqual({ args: ['--hidden'] });
    expect((await item.setEnabled(false)).ok).toBe(true);
    expect(os.runKey()).toBeNull();

    const refused = fakeElectron('win32');
    refused.refuse('enabled');
    const result = await createLoginItem(refused.deps).setEnabled(true);
    expect(result.ok ? '' : result.error.message).toBe("The system did not add Taper's login item.");
  });

  it('Windows: the app path of a development run is passed quoted, before --hidden', async () => {
    const os = fakeElectron('win32');
    await createLoginItem({ ...os.deps, launchArgs: ['C:\\Users\\ana\\src\\my taper'] }).setEnabled(true);
    expect(os.calls).toEqual([{ openAtLogin: true, args: ['"C:\\Users\\ana\\src\\my taper"', '--hidden'] }]);
  });

  it('Windows: reconcile rewrites a Run key registered without --hidden when wanted, and reports it either way', async () => {
    const old = fakeElectron('win32', { args: [] });
    expect(await createLoginItem(old.deps).reconcile(false)).toBe(true);
    expect(old.calls).toEqual([]);
    expect(await createLoginItem(old.deps).isEnabled()).toBe(true);

    expect(await createLoginItem(old.deps).reconcile(true)).toBe(true);
    expect(old.runKey()).toEqual({ args: ['--hidden'] });

    const removed = fakeElectron('win32');
    expect(await createLoginItem(removed.deps).reconcile(true)).toBe(false);
    expect(removed.calls).toEqual([]);
  });

  it('macOS: reconcile reports what System Settings has', async () => {
    const os = fakeElectron('darwin', { args: [] });
    expect(await createLoginItem(os.deps).reconcile(false)).toBe(true);
    const removed = fakeElectron('darwin');
    expect(await createLoginItem(removed.deps).reconcile(true)).toBe(false);
    expect(removed.calls).toEqual([]);
  });
});

describe('wasStartedHidden', () => {
  const openedAtLogin = (wasOpenedAtLogin: boolean) => () => ({ openAtLogin: true, wasOpenedAtLogin });
  it('is true for --hidden anywhere, or when macOS opened the app at login', () => {
    expect(wasStartedHidden(['/opt/Taper/taper', '--hidden'], openedAtLogin(false), 'linux')).toBe(true);
    expect(wasStartedHidden(['C:\\Taper.exe', '--hidden'], openedAtLogin(false), 'win32')).toBe(true);
    expect(wasStartedHidden(['/Applications/Taper.app/Contents/MacOS/Taper'], openedAtLogin(true), 'darwin')).toBe(
      true,
    );
    expect(wasStartedHidden(['/Applications/Taper.app/Contents/MacOS/Taper'], openedAtLogin(false), 'darwin')).toBe(
      false,
    );
    expect(wasStartedHidden(['/opt/Taper/taper'], openedAtLogin(true), 'linux')).toBe(false);
    expect(wasStartedHidden(['/opt/Taper/taper', '--hidden-extra'], openedAtLogin(false), 'linux')).toBe(false);
    expect(
      wasStartedHidden(
        ['x'],
        () => {
          throw new Error('unsupported');
        },
        'darwin',
      ),
    ).toBe(false);
  });
});

/**
 * An Exec value read as the Desktop Entry spec says: the string escapes first (`\\`, `\n`, `\t`, `\r`, `\s`), then
 * arguments split on spaces outside quotes, with `\"`, `` \` ``, `\$`, `\\` inside quotes, then `%%` → `%`.
 */
function parseExec(value: string): string[] {
  const unescaped = value.replace(
    /\\([\\ntrs])/g,
    (_match, c: string) => ({ '\\': '\\', n: '\n', t: '\t', r: '\r', s: ' ' })[c] ?? c,
  );
  const args: string[] = [];
  let current: string | null = null;
  for (let index = 0; index < unescaped.length; index += 1) {
    const char = unescaped[index] ?? '';
    if (char === ' ') {
      if (current !== null) args.push(current);
      current = null;
    } else if (char === '"') {
      current ??= '';
      for (index += 1; index < unescaped.length && unescaped[index] !== '"'; index += 1) {
        const inner = unescaped[index] ?? '';
        if (inner === '\\' && '"`$\\'.includes(unescaped[index + 1] ?? '')) {
          index += 1;
          current += unescaped[index];
        } else current += inner;
      }
    } else {
      current = (current ?? '') + char;
    }
  }
  if (current !== null) args.push(current);
  return args.map((arg) => arg.replace(/%%/g, '%'));
}
