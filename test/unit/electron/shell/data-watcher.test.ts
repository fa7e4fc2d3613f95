import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchDataDirectory, type DataChange, type DirectoryWatcher } from '../../../../electron/shell/data-watcher.js';

function fakeWatch() {
  let listener: ((eventType: string, filename: string | null) => void) | null = null;
  let onError: ((error: Error) => void) | null = null;
  const watcher: DirectoryWatcher & { closed: boolean } = {
    closed: false,
    close() {
      this.closed = true;
    },
    on(_event, handler) {
      onError = handler;
      return this;
    },
  };
  const watchDirectory = vi.fn((_directory: string, handler: typeof listener) => {
    listener = handler;
    return watcher;
  });
  return {
    watchDirectory,
    watcher,
    emit: (filename: string | null, eventType = 'rename') => listener?.(eventType, filename),
    fail: (error: Error) => onError?.(error),
  };
}

describe('watchDataDirectory', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gathers a burst into one call, 100 ms after its last event, naming each part that changed', () => {
    vi.useFakeTimers();
    const fs = fakeWatch();
    const calls: DataChange[][] = [];
    watchDataDirectory({
      directory: '/data',
      watch: fs.watchDirectory,
      onChange: (changes) => calls.push([...changes].sort()),
      warn: () => undefined,
    });
    expect(fs.watchDirectory).toHaveBeenCalledWith('/data', expect.any(Function));
    fs.emit('history.json.tmp-123');
    fs.emit('history.json');
    vi.advanceTimersByTime(60);
    fs.emit('history.journal', 'change');
    vi.advanceTimersByTime(60);
    fs.emit('plans.json');
    vi.advanceTimersByTime(99);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([['history', 'plans']]);
    fs.emit('plans.json');
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([['history', 'plans'], ['plans']]);
  });

  it('ignores the other files of the directory (locks, temporaries, settings, logs)', () => {
    vi.useFakeTimers();
    const fs = fakeWatch();
    const onChange = vi.fn();
    watchDataDirectory({ directory: '/data', watch: fs.watchDirectory, onChange, warn: () => undefined });
    for (const name of ['history.lock', 'plans.json.tmp', 'app-settings.json', 'taper.log', 'history.json-damaged'])
      fs.emit(name);
    vi.advanceTimersByTime(1_000);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('treats an event without a file name as a change of everything', () => {
    vi.useFakeTimers();
    const fs = fakeWatch();
    const onChange = vi.fn();
    watchDataDirectory({ directory: '/data', watch: fs.watchDirectory, onChange, warn: () => undefined });
    fs.emit(null);
    vi.advanceTimersByTime(100);
    expect([...(onChange.mock.calls[0]?.[0] as Set<DataChange>)].sort()).toEqual(['history', 'plans']);
  });

  it('drops a pending call on close, closes the fs watcher once, and ignores later events', () => {
    vi.useFakeTimers();
    const fs = fakeWatch();
    const onChange = vi.fn();
    const watcher = watchDataDirectory({
      directory: '/data',
      watch: fs.watchDirectory,
      onChange,
      warn: () => undefined,
    });
    fs.emit('history.json');
    watcher.close();
    watcher.close();
    fs.emit('plans.json');
    vi.advanceTimersByTime(1_000);
    expect(onChange).not.toHaveBeenCalled();
    expect(fs.watcher.closed).toBe(true);
  });

  it('warns, and keeps the app running, when the directory cannot be watched or the watch fails', () => {
    const warn = vi.fn();
    const watcher = watchDataDirectory({
      directory: '/gone',
      watch: () => {
        throw new Error('ENOENT: no such file or directory');
      },
      onChange: () => undefined,
      warn,
    });
    expect(warn).toHaveBeenCalledWith('cannot watch /gone: ENOENT: no such file or directory');
    expect(() => watcher.close()).not.toThrow();

    const fs = fakeWatch();
    watchDataDirectory({ directory: '/data', watch: fs.watchDirectory, onChange: () => undefined, warn });
    fs.fail(new Error('EMFILE'));
    expect(warn).toHaveBeenLastCalledWith('stopped watching /data: EMFILE');
    expect(fs.watcher.closed).toBe(true);
  });

  it('sees an atomic rename over history.json with the real fs.watch', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'taper-watch-'));
    try {
      await writeFile(join(directory, 'history.json'), '{}');
      const changed = new Promise<ReadonlySet<DataChange>>((resolve) => {
        const watcher = watchDataDirectory({
          directory,
          watch: (path, listener) => watch(path, { persistent: false }, (type, name) => listener(type, name)),
          onChange: (changes) => {
            watcher.close();
            resolve(changes);
          },
          warn: () => undefined,
        });
      });
      await writeFile(join(directory, 'history.json.tmp'), '{"version":1}');
      await rename(join(directory, 'history.json.tmp'), join(directory, 'history.json'));
      expect([...(await changed)]).toEqual(['history']);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
