// The errors the scheduler raises itself, each written once.
import { LocalErrorCode } from '../errors/local-codes.js';
import { err, type Result } from '../result.js';

/** Codes the scheduler raises itself (catalog entries in shared/errors). */
export const ScheduleErrorCode = {
  /** The link's window ended before it could be created. */
  Missed: LocalErrorCode.ScheduleMissed,
  /** No recording or series with that id. */
  NotFound: LocalErrorCode.ScheduleNotFound,
} as const;

export function seriesNotFound<T = never>(seriesId: string): Result<T> {
  return err(ScheduleErrorCode.NotFound, `No series with id ${seriesId}.`);
}

/** One error naming every unknown id. */
export function recordingNotFound<T = never>(recordingIds: readonly string[]): Result<T> {
  return err(ScheduleErrorCode.NotFound, `No recording with id ${recordingIds.join(', ')}.`);
}
