import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorText } from '../../../../../electron/services/logging/error-text.js';
import { createLogger, formatEntry } from '../../../../../electron/services/logging/logger.js';
import {
  DEFAULT_ARCHIVES,
  DEFAULT_MAX_BYTES,
  nodeLogFileSystem,
  type LogFileSystem,
} from '../../../../../electron/services/logging/rotating-file.js';

const NOW = Date.UTC(2026, 11, 1, 20, 0, 0);
const clock = () => NOW;
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'taper-log-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('logger', () => {
  it('appends timestamped lines to a private file in a private folder it creates', async () => {
    const file = join(folder, 'logs', 'main.log');
    const log = createLogger({ file, clock });
    log.info('tray ready');
    log.warn('history unavailable for the tray: Taper.History.Unavailable');
    expect(log.file).toBe(file);
    expect(await readFile(file, 'utf8')).toBe(
      '2026-12-01T20:00:00.000Z INFO  tray ready\n2026-12-01T20:00:00.000Z WARN  history unavailable for the tray: Taper.History.Unavailable\n',
    );
    if (process.platform !== 'win32') {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(join(folder, 'logs'))).mode & 0o777).toBe(0o700);
    }
  });

  it('logs an error with its name, code, message, stack frames and cause, indented under the entry', async () => {
    const file = join(folder, 'main.log');
    const log = createLogger({ file, clock });
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), { code: 'ECONNREFUSED' });
    log.error('IPC tasks:create threw', new TypeError('bad shape', { cause }));
    const text = await readFile(file, 'utf8');
    const [first, ...rest] = text.trimEnd().split('\n');
    expect(first).toBe('2026-12-01T20:00:00.000Z ERROR IPC tasks:create threw: TypeError: bad shape');
    expect(rest.some((line) => /^ {6}at .*logger\.test\.ts/.test(line))).toBe(true);
    expect(rest).toContain('  Caused by: Error [ECONNREFUSED]: connect ECONNREFUSED 127.0.0.1:9000');
    // Every continuation line is indented: nothing in a message can pass for an entry of its own.
    expect(rest.every((line) => line.startsWith('  '))).toBe(true);
  });

  it('redacts every message and every error, stack included, before it is written or mirrored', async () => {
    const file = join(folder, 'main.log');
    const mirrored: string[] = [];
    const log = createLogger({ file, clock, console: (line) => mirrored.push(line) });
    const error = new Error(`refused SecretKey=${SECRET_KEY}`);
    error.stack = `Error: refused SecretKey=${SECRET_KEY}\n    at sign (Authorization: TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/x)`;
    log.info(`env TENCENTCLOUD_SECRET_KEY=${SECRET_KEY}`);
    log.error('create failed', error);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE');
    expect(text).toContain('TENCENTCLOUD_SECRET_KEY=***');
    expect(mirrored.join('\n')).not.toContain(SECRET_KEY);
    expect(mirrored).toHaveLength(2);
  });

  it('writes nothing to the console unless a console is given', async () => {
    const calls: unknown[] = [];
    const original = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    const spy = (...args: unknown[]) => calls.push(args);
    Object.assign(console, { log: spy, warn: spy, error: spy, info: spy });
    try {
      const log = createLogger({ file: join(folder, 'cli.log'), clock });
      log.info('sync done');
      log.error('sync failed', new Error('boom'));
      // Not even when the file cannot be written.
      const broken = createLogger({ file: join(folder, 'no-such', 'x.log'), clock, fs: failing('EACCES') });
      broken.error('lost', new Error('boom'));
    } finally {
      Object.assign(console, original);
    }
    expect(calls).toEqual([]);
  });

  it('child loggers prefix their scope', async () => {
    const file = join(folder, 'main.log');
    const log = createLogger({ file, clock });
    log.child('sync').child('plans').warn('late');
    expect(await readFile(file, 'utf8')).toBe('2026-12-01T20:00:00.000Z WARN  [sync] [plans] late\n');
  });

  it('never throws into the caller: not when the disk fails, the clock throws, or the error is hostile', async () => {
    const reported: string[] = [];
    const log = createLogger({
      file: join(folder, 'main.log'),
      clock,
      fs: failing('ENOSPC'),
      console: (line) => reported.push(line),
    });
    expect(() => log.info('a')).not.toThrow();
    expect(() => log.error('b', new Error('c'))).not.toThrow();
    // One notice about the broken log, not one per line.
    expect(reported.filter((line) => line.includes('cannot be written'))).toHaveLength(1);

    const throwingClock = createLogger({
      file: join(folder, 'clock.log'),
      clock: () => {
        throw new Error('no clock');
      },
    });
    expect(() => throwingClock.info('still written')).not.toThrow();
    expect(await readFile(join(folder, 'clock.log'), 'utf8')).toContain('still written');

    const hostile = {
      get message(): string {
        throw new Error('getter');
      },
      name: 'Hostile',
    };
    expect(() => createLogger({ file: join(folder, 'h.log'), clock }).error('x', hostile)).not.toThrow();
    expect(await readFile(join(folder, 'h.log'), 'utf8')).toContain('ERROR x: an error that could not be described');
  });

  it('creates the folder again when it was removed', async () => {
    const file = join(folder, 'logs', 'main.log');
    const log = createLogger({ file, clock });
    log.info('one');
    await rm(join(folder, 'logs'), { recursive: true });
    log.info('lost: the folder is gone');
    log.info('two');
    expect(await readFile(file, 'utf8')).toContain('two');
  });

  it('rotates by size (1 MiB unless told), keeping 3 old files', async () => {
    expect(DEFAULT_MAX_BYTES).toBe(1024 * 1024);
    expect(DEFAULT_ARCHIVES).toBe(3);
    const file = join(folder, 'main.log');
    const log = createLogger({ file, clock, maxBytes: 200 });
    const line = (n: number) => `line ${String(n).padStart(3, '0')} ${'x'.repeat(40)}`;
    for (let n = 0; n < 40; n += 1) log.info(line(n));
    const files = (await readdir(folder)).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    for (const name of files) expect((await stat(join(folder, name))).size).toBeLessThanOrEqual(200);
    expect(await readFile(file, 'utf8')).toContain(line(39));
    expect(await readFile(join(folder, 'main.1.log'), 'utf8')).not.toContain(line(39));
    // The oldest lines fell off the end.
    const all = (await Promise.all(files.map((name) => readFile(join(folder, name), 'utf8')))).join('');
    expect(all).not.toContain(line(0));
  });

  it('tail gives the last lines, reaching into the previous file after a rotation', async () => {
    const file = join(folder, 'main.log');
    const log = createLogger({ file, clock, maxBytes: 300 });
    expect(await log.tail(5)).toBe('');
    for (let n = 0; n < 12; n += 1) log.info(`entry ${n} ${'y'.repeat(30)}`);
    const tail = (await log.tail(5)).split('\n');
    expect(tail).toHaveLength(5);
    expect(tail[4]).toContain('entry 11');
    expect(tail[0]).toContain('entry 7');
    expect(await log.tail(0)).toBe('');
  });

  it('a file that cannot be rotated is started again instead of growing without bound', async () => {
    const file = join(folder, 'main.log');
    await writeFile(file, 'z'.repeat(500));
    const fs: LogFileSystem = {
      ...nodeLogFileSystem,
      renameSync: () => {
        throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      },
    };
    createLogger({ file, clock, fs, maxBytes: 200 }).info('after');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('[log rotation failed (EBUSY); older lines were dropped]');
    expect(text).toContain('after');
    expect(text).not.toContain('zzz');
  });
});

describe('log entries and error text', () => {
  it('formats an entry with an ISO time and indented continuation lines', () => {
    expect(formatEntry(NOW, 'info', 'a\r\nb\rc')).toBe('2026-12-01T20:00:00.000Z INFO  a\n  b\n  c\n');
  });

  it('describes what is not an Error', () => {
    expect(errorText('plain string')).toBe('non-Error thrown (string): plain string');
    expect(errorText(null)).toBe('non-Error thrown (null)');
    expect(errorText(42)).toBe('non-Error thrown (number)');
    expect(errorText({ code: 'Taper.Network', message: 'refused', requestId: 'r-1' })).toBe(
      'Taper.Network: refused (RequestId r-1)',
    );
  });

  it('stops following causes that loop', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    const text = errorText(a);
    expect(text.split('\n').filter((line) => line.includes('Caused by')).length).toBe(3);
  });
});

/** A file system where every write fails with `code`. */
function failing(code: string): LogFileSystem {
  const fail = () => {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  };
  return { ...nodeLogFileSystem, mkdirSync: fail, openSync: fail, renameSync: fail };
}
