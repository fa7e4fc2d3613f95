// The CLI's exit codes are a contract: scripts branch on them.
import type { AppError } from '../../shared/result.js';
import { isCredentialError, LocalErrorCode } from '../../shared/errors/local-codes.js';

export const ExitCode = {
  /** Done. */
  Ok: 0,
  /** A local failure outside the contract's cases (history file unreadable, unexpected bug). */
  Failure: 1,
  /** Invalid input: nothing was sent. */
  InvalidInput: 2,
  /** The API refused; its code is printed. */
  ApiRefused: 3,
  /** Outcome unknown (network or timeout); recorded for `taper sync`. */
  Unknown: 4,
  /** Credentials or keychain problem. */
  Credentials: 5,
  /**
   * Done, but unacknowledged alerts (planned links missed or refused) need attention: `taper sync` and `taper alerts`
   * end with it so a cron job can mail on it; `taper alerts ack` silences them.
   */
  Attention: 6,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const UNKNOWN_CODES: ReadonlySet<string> = new Set([
  LocalErrorCode.UnknownOutcome,
  LocalErrorCode.Network,
  LocalErrorCode.Timeout,
  LocalErrorCode.HttpError,
  LocalErrorCode.InvalidResponse,
]);

export function exitCodeFor(error: AppError): ExitCode {
  // An id that does not exist (task, recording, series) is the caller's typo.
  if (
    error.code === LocalErrorCode.InvalidInput ||
    error.code === LocalErrorCode.TaskNotFound ||
    error.code === LocalErrorCode.ScheduleNotFound
  )
    return ExitCode.InvalidInput;
  if (UNKNOWN_CODES.has(error.code)) return ExitCode.Unknown;
  if (isCredentialError(error)) return ExitCode.Credentials;
  if (error.code.startsWith('Taper.')) return ExitCode.Failure;
  return ExitCode.ApiRefused; // Any other code came from the platform.
}
