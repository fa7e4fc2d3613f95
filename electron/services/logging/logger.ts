// The one logger of the main process and of the CLI (docs/style.md 8 and 17): every line is redacted once, then written to
// the log file and, only when a console is given (a development run of the app), mirrored there. The CLI gives none:
// its stdout and stderr belong to the user's scripts.
import type { Clock } from '../../../shared/clock.js';
import { errorText } from './error-text.js';
import { redact } from './redact.js';
import { createRotatingFile, type LogFileSystem } from './rotating-file.js';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** `message`, then the error's name, code, message and stack frames (and its causes). */
  error(message: string, error?: unknown): void;
  /** The same log, each line prefixed with `[scope]` (one per module: `[sync]`, `[ipc]`). */
  child(scope: string): Logger;
  /** The log file's path, for messages that say "details are in the log". */
  readonly file: string;
  /** The last `lines` lines of the log (already redacted when they were written). */
  tail(lines: number): Promise<string>;
}

export interface LoggerOptions {
  /** The log file (log-directory.ts: `logFile(logDirectory(…), kind, platform)`). */
  file: string;
  clock: Clock;
  /** node:fs by default. */
  fs?: LogFileSystem;
  /** Mirrors each redacted line (development runs of the app only). */
  console?: (line: string, level: LogLevel) => void;
  /** Rotation size (1 MiB) and old files kept (3), for tests. */
  maxBytes?: number;
  archives?: number;
}

const LEVEL_LABEL: Record<LogLevel, string> = { info: 'INFO ', warn: 'WARN ', error: 'ERROR' };

/**
 * One entry as text: `2026-12-01T20:00:00.000Z WARN  [scope] message`. Continuation lines (a stack) are indented, so
 * a message with a newline in it can never pass for an entry of its own.
 */
export function formatEntry(at: number, level: LogLevel, text: string): string {
  const time = Number.isFinite(at) ? new Date(at).toISOString() : String(at);
  const [first = '', ...rest] = text.replace(/\r\n?/g, '\n').split('\n');
  return [`${time} ${LEVEL_LABEL[level]} ${first}`, ...rest.map((line) => `  ${line}`)].join('\n') + '\n';
}

export function createLogger({ file, clock, fs, console: mirror, maxBytes, archives }: LoggerOptions): Logger {
  const sink = createRotatingFile({
    file,
    ...(fs === undefined ? {} : { fs }),
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(archives === undefined ? {} : { archives }),
    // Said only where a console is given: a packaged app has none, and the CLI's stderr belongs to the user.
    onError: (error) => mirror?.(`[taper] the log ${file} cannot be written: ${redact(errorText(error))}`, 'warn'),
  });

  /** `text` is built inside the guard too: an error whose `message` getter throws is still no throw for the caller. */
  const write = (level: LogLevel, text: () => string) => {
    try {
      let at: number;
      try {
        at = clock();
      } catch {
        at = Number.NaN;
      }
      const entry = formatEntry(at, level, redact(text()));
      sink.append(entry);
      mirror?.(entry.slice(0, -1), level);
    } catch {
      // Logging never breaks what is being logged (a recording, a sync).
    }
  };

  const scoped = (prefix: string): Logger => ({
    info: (message) => write('info', () => prefix + String(message)),
    warn: (message) => write('warn', () => prefix + String(message)),
    error: (message, error) =>
      write('error', () => prefix + String(message) + (error === undefined ? '' : `: ${errorText(error)}`)),
    child: (scope) => scoped(`${prefix}[${scope}] `),
    file,
    tail: (lines) => sink.tail(lines),
  });

  return scoped('');
}
