// The log file itself: append-only, rotated by size, private to the user, and never a reason for a caller to fail.
// Writes are synchronous on purpose: a line must be on disk before a crash or the CLI's process.exit, and each
// line is opened, checked and closed again, so a file that another process rotated meanwhile is never written
// through a stale descriptor. A line costs a few syscalls (~30 µs); Taper logs events, not every call.
import * as nodeFs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';

/** The file operations the log uses (node:fs fits; tests pass a failing one). */
export interface LogFileSystem {
  mkdirSync(path: string, options: { recursive: true; mode: number }): unknown;
  openSync(path: string, flags: 'a' | 'w', mode: number): number;
  fstatSync(fd: number): { size: number };
  writeSync(fd: number, text: string): unknown;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

export const nodeLogFileSystem: LogFileSystem = {
  mkdirSync: (path, options) => nodeFs.mkdirSync(path, options),
  openSync: (path, flags, mode) => nodeFs.openSync(path, flags, mode),
  fstatSync: (fd) => nodeFs.fstatSync(fd),
  writeSync: (fd, text) => nodeFs.writeSync(fd, text),
  closeSync: (fd) => nodeFs.closeSync(fd),
  renameSync: (from, to) => nodeFs.renameSync(from, to),
  readFile: (path, encoding) => readFile(path, encoding),
};

/** A file is rotated before it would grow past this. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Old files kept beside the current one (`main.1.log` newest … `main.3.log` oldest). */
export const DEFAULT_ARCHIVES = 3;

/** The log holds stream names and task ids: only the user may read it. */
const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

export interface RotatingFileOptions {
  file: string;
  fs?: LogFileSystem;
  maxBytes?: number;
  archives?: number;
  /** Called with the first failure after a success (not for every line while the disk stays full). */
  onError?: (error: unknown) => void;
}

export interface RotatingFile {
  /** Appends `text` (whole lines, ending in a newline). Never throws: a log that cannot be written is skipped. */
  append(text: string): void;
  /** The last `lines` lines, from the previous file too when the current one is shorter; '' when there is none. */
  tail(lines: number): Promise<string>;
}

/** `main.log`, 2 → `main.2.log`. */
export function archiveName(file: string, index: number): string {
  const extension = extname(file);
  return `${file.slice(0, file.length - extension.length)}.${index}${extension}`;
}

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : undefined;

export function createRotatingFile({
  file,
  fs = nodeLogFileSystem,
  maxBytes = DEFAULT_MAX_BYTES,
  archives = DEFAULT_ARCHIVES,
  onError,
}: RotatingFileOptions): RotatingFile {
  let directoryReady = false;
  let failing = false;

  const fail = (error: unknown) => {
    // The folder may have been removed: create it again on the next line.
    directoryReady = false;
    if (failing) return;
    failing = true;
    try {
      onError?.(error);
    } catch {
      // A reporter that throws must not turn a skipped line into a failed caller either.
    }
  };

  /** Shifts the archives up by one and moves the current file to `.1`, the oldest archive falling off the end. */
  const rotate = () => {
    for (let index = archives - 1; index >= 1; index -= 1) {
      try {
        fs.renameSync(archiveName(file, index), archiveName(file, index + 1));
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    }
    if (archives >= 1) fs.renameSync(file, archiveName(file, 1));
  };

  /** The descriptor to write `bytes` more to: the current file, or a fresh one after rotating it. */
  const openForAppend = (bytes: number): { fd: number; note: string } => {
    const fd = fs.openSync(file, 'a', FILE_MODE);
    const size = fs.fstatSync(fd).size;
    if (size === 0 || size + bytes <= maxBytes) return { fd, note: '' };
    fs.closeSync(fd);
    try {
      if (archives < 1) throw new Error('no archives kept');
      rotate();
      return { fd: fs.openSync(file, 'a', FILE_MODE), note: '' };
    } catch (error) {
      // Renaming can fail where writing does not (a folder without write permission, a file held open on Windows):
      // start the file again rather than let it grow without bound.
      const reason = errorCode(error) ?? (error instanceof Error ? error.message : 'unknown');
      return {
        fd: fs.openSync(file, 'w', FILE_MODE),
        note: `[log rotation failed (${reason}); older lines were dropped]\n`,
      };
    }
  };

  return {
    append(text) {
      try {
        if (!directoryReady) {
          fs.mkdirSync(dirname(file), { recursive: true, mode: DIRECTORY_MODE });
          directoryReady = true;
        }
        const { fd, note } = openForAppend(Buffer.byteLength(text));
        try {
          fs.writeSync(fd, note + text);
        } finally {
          fs.closeSync(fd);
        }
        failing = false;
      } catch (error) {
        fail(error);
      }
    },

    async tail(lines) {
      if (lines <= 0) return '';
      const read = async (path: string): Promise<string[]> => {
        try {
          const text = await fs.readFile(path, 'utf8');
          const all = text.split(/\r?\n/);
          if (all[all.length - 1] === '') all.pop();
          return all;
        } catch (error) {
          if (errorCode(error) === 'ENOENT') return [];
          return [`[the log ${path} could not be read: ${errorCode(error) ?? 'unknown error'}]`];
        }
      };
      let collected = await read(file);
      // Just after a rotation the current file is short: the previous one holds the rest of the story.
      if (collected.length < lines && archives >= 1) collected = [...(await read(archiveName(file, 1))), ...collected];
      return collected.slice(-lines).join('\n');
    },
  };
}
