// Every failure of a history read or write as the Result a caller gets: HistoryUnavailable, said plainly.
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, type Result } from '../../../shared/result.js';
import { LockCompromisedError, LockTimeoutError } from '../storage/data-file-lock.js';
import { NewerFileError, type HistoryContext } from './history-state.js';

export function toResult<T>(ctx: HistoryContext, error: unknown): Result<T> {
  if (error instanceof NewerFileError) return err(LocalErrorCode.HistoryUnavailable, error.message);
  if (error instanceof LockTimeoutError || error instanceof LockCompromisedError) {
    return err(LocalErrorCode.HistoryUnavailable, `The history could not be written: ${error.message}.`);
  }
  const reason = error instanceof Error ? error.message : String(error);
  // The two a user can act on at once, said plainly (the raw reason stays for the log).
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EROFS')
    return err(
      LocalErrorCode.HistoryUnavailable,
      `The history in ${ctx.directory} could not be written: the disk holding it is read-only (${reason}).`,
    );
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return err(
      LocalErrorCode.HistoryUnavailable,
      `The history in ${ctx.directory} could not be written: the disk holding it is full (${reason}).`,
    );
  return err(
    LocalErrorCode.HistoryUnavailable,
    `The history in ${ctx.directory} could not be read or written: ${reason}`,
  );
}
