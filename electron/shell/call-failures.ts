// A failed call in the app (a create from the tray, a scheduler run, a stop): logged with its code and RequestId
// (never the payload), kept for "Copy diagnostics" (the last 20), and notified. The report itself is
// buildDiagnostics'; what it reads of the process and the app is passed in.
import type { Clock } from '../../shared/clock.js';
import type { AppError } from '../../shared/result.js';
import {
  buildDiagnostics,
  type DiagnosticsErrorRecord,
  type DiagnosticsInput,
} from '../services/logging/diagnostics.js';

const KEPT = 20;

export interface CallFailureDeps {
  clock: Clock;
  warn(message: string): void;
  /** The failure's notification. */
  notify(error: AppError): void;
}

export interface CallFailures {
  failed(error: AppError): void;
  /** The diagnostics report, with the kept failures. */
  report(input: Omit<DiagnosticsInput, 'now' | 'errors'>): string;
}

export function createCallFailures(deps: CallFailureDeps): CallFailures {
  const recent: DiagnosticsErrorRecord[] = [];
  return {
    failed(error) {
      deps.warn(`call failed: ${error.code}${error.requestId === undefined ? '' : ` (RequestId ${error.requestId})`}`);
      recent.push({
        at: deps.clock(),
        code: error.code,
        message: error.message,
        ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
      });
      if (recent.length > KEPT) recent.shift();
      deps.notify(error);
    },
    report: (input) => buildDiagnostics({ ...input, now: deps.clock(), errors: recent }),
  };
}
