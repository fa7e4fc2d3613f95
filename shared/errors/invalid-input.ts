// Taper.InvalidInput built from the rules a request broke: one line for logs and the CLI, and every problem for a
// form to show on its field. One helper, so every refusal joins its messages the same way.
import type { Problem } from '../domain.js';
import type { AppError, Result } from '../result.js';
import { LocalErrorCode } from './local-codes.js';

/** One broken rule, of a record request or of a series (their `field`s name different types). */
export interface BrokenRule {
  code: string;
  field: string;
  message: string;
}

/** The messages of `problems` in their order, as one line. */
export function problemsText(problems: readonly { message: string }[]): string {
  return problems.map((problem) => problem.message).join('; ');
}

/** The InvalidInput error listing every problem (nothing was sent). */
export function invalidInputError(problems: readonly BrokenRule[]): AppError {
  // A series' problems name series fields; the error's list is read for its codes and messages alike.
  return { code: LocalErrorCode.InvalidInput, message: problemsText(problems), problems: problems as Problem[] };
}

/** A refusal listing every problem (nothing was sent). */
export function invalidInput<T = never>(problems: readonly BrokenRule[]): Result<T> {
  return { ok: false, error: invalidInputError(problems) };
}

/** A refusal for one reason that is no single field's (a date that is no occurrence, nothing to change). */
export function invalidRequest<T = never>(message: string): Result<T> {
  return { ok: false, error: { code: LocalErrorCode.InvalidInput, message } };
}
