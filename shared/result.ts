import type { Problem } from './domain.js';

// Errors cross every boundary (service → IPC → renderer, service → CLI) as values, never as throws.

/** An error as the user and the history see it. */
export interface AppError {
  /** A code from the error catalog (shared/errors/catalog.ts): a Tencent code or a local `Taper.*` one. */
  code: string;
  /** What happened, in words; for API errors the platform's own message. Never contains a secret. */
  message: string;
  /** Tencent's RequestId when the platform answered; needed to open a support ticket. */
  requestId?: string;
  /** For `Taper.InvalidInput`: every rule the request broke, so a form can show each on its field. */
  problems?: Problem[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: string, message: string, requestId?: string): Result<T> {
  return { ok: false, error: requestId === undefined ? { code, message } : { code, message, requestId } };
}

/** Ends an exhaustive switch: the compiler proves every case is handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
