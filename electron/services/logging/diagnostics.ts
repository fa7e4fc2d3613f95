// The "Copy diagnostics" text: what a support ticket needs (versions, OS, recent error codes with their RequestIds,
// the end of the log) in one block a user can paste. Pure: main gathers the facts and passes them in; the whole text
// goes through the same redaction as the log, so nothing put into it (an error message, a log line) can carry a key.
import { redact } from './redact.js';

/** One failed call, as the app remembers it for this report. */
export interface DiagnosticsErrorRecord {
  /** When, epoch milliseconds. */
  at: number;
  /** The catalog code (Tencent's or `Taper.*`). */
  code: string;
  /** Tencent's RequestId when the platform answered. */
  requestId?: string;
  /** The error's message, when there is one. */
  message?: string;
}

export interface DiagnosticsInput {
  /** When the report was made, epoch milliseconds. */
  now: number;
  appVersion: string;
  /** `process.versions` of the main process (electron and chrome are absent in the CLI). */
  versions: { electron?: string; chrome?: string; node: string };
  /** `os.platform()`, `os.release()`, `os.arch()`. */
  os: { platform: string; release: string; arch: string };
  /** `app.getLocale()`, and Taper's own language setting. */
  locale: string;
  /** Whether the loopback Live API simulator is what the app talks to. */
  sandboxRunning: boolean;
  /** Recent failures, in any order; the newest `maxErrors` are listed. */
  errors: readonly DiagnosticsErrorRecord[];
  logFile: string;
  /** The end of the log (logger.tail(100)); only its last `logLines` lines are kept. */
  logTail: string;
}

export interface DiagnosticsLimits {
  maxErrors?: number;
  logLines?: number;
}

export const DEFAULT_DIAGNOSTICS_ERRORS = 20;
export const DEFAULT_DIAGNOSTICS_LOG_LINES = 100;

/** A field on one line: a value with a newline in it cannot add lines that look like the report's own. */
const oneLine = (value: string): string =>
  Array.from(value, (character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? ' ' : character;
  })
    .join('')
    .trim();

const isoTime = (at: number): string => (Number.isFinite(at) ? new Date(at).toISOString() : 'unknown time');

function errorLine(record: DiagnosticsErrorRecord): string {
  const parts = [isoTime(record.at), oneLine(record.code)];
  if (record.requestId !== undefined && record.requestId !== '') parts.push(`RequestId ${oneLine(record.requestId)}`);
  if (record.message !== undefined && record.message !== '') parts.push(`— ${oneLine(record.message)}`);
  return `  ${parts.join('  ')}`;
}

/** The diagnostics report as plain text, redacted. */
export function buildDiagnostics(input: DiagnosticsInput, limits: DiagnosticsLimits = {}): string {
  const maxErrors = Math.max(0, limits.maxErrors ?? DEFAULT_DIAGNOSTICS_ERRORS);
  const logLines = Math.max(0, limits.logLines ?? DEFAULT_DIAGNOSTICS_LOG_LINES);
  const { versions, os } = input;
  const newest = [...input.errors].sort((a, b) => b.at - a.at).slice(0, maxErrors);
  const tail = input.logTail.split(/\r?\n/);
  if (tail[tail.length - 1] === '') tail.pop();
  const lastLines = logLines === 0 ? [] : tail.slice(-logLines);

  const report = [
    `Taper diagnostics, ${isoTime(input.now)}`,
    `Taper: ${oneLine(input.appVersion)}`,
    `Electron: ${oneLine(versions.electron ?? 'none')}, Chrome: ${oneLine(versions.chrome ?? 'none')}, Node: ${oneLine(versions.node)}`,
    `OS: ${oneLine(os.platform)} ${oneLine(os.release)} ${oneLine(os.arch)}`,
    `Locale: ${oneLine(input.locale)}`,
    `Sandbox: ${input.sandboxRunning ? 'running' : 'not running'}`,
    `Log file: ${oneLine(input.logFile)}`,
    '',
    `Recent errors (newest first, at most ${maxErrors}):`,
    ...(newest.length === 0 ? ['  none'] : newest.map(errorLine)),
    '',
    `Last ${lastLines.length} log lines:`,
    ...lastLines,
  ].join('\n');
  return redact(report) + '\n';
}
