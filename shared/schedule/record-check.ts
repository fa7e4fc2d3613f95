// The record rules as the scheduler applies them: a window of any length, any distance ahead, is its to handle (by
// chains and plans), so only the rules about the stream itself are the record rules'; its own window rules follow.
import type { Problem, RecordRequest } from '../domain.js';
import { invalidInput } from '../errors/invalid-input.js';
import { ok, type Result } from '../result.js';
import { validateRecordRequest } from '../rules/validate-record.js';
import { CHAIN_TOO_LONG_MESSAGE, chainTooLong } from './split-window.js';

/** A request without its window: what a series or a chain shares across every link. */
export type StreamRequest = Omit<RecordRequest, 'startTime' | 'endTime'>;

/** The record rules that hold whatever the window: names, stream type, template, extension. */
export function streamProblems(request: StreamRequest, now: number): Problem[] {
  // Any valid window will do: the problems about the window are dropped, the others do not depend on it.
  const probe = { ...request, startTime: undefined, endTime: now + 3_600 };
  return validateRecordRequest(probe, now).filter(
    (problem) => problem.field !== 'startTime' && problem.field !== 'endTime',
  );
}

/** A request the scheduler may take, with its start (now when left out); InvalidInput listing every problem if not. */
export function checkRequest(request: RecordRequest, now: number): Result<{ startTime: number; endTime: number }> {
  const problems = streamProblems(request, now);
  const start = request.startTime ?? now;
  if (request.startTime !== undefined && !Number.isSafeInteger(request.startTime)) {
    problems.push({
      code: 'StartTime.Invalid',
      field: 'startTime',
      message: 'The start (StartTime) must be a whole number of Unix seconds, or left out to start now.',
    });
  }
  if (!Number.isSafeInteger(request.endTime)) {
    problems.push({
      code: 'EndTime.Required',
      field: 'endTime',
      message: 'Enter the end (EndTime) as a whole number of Unix seconds.',
    });
  } else if (request.endTime <= start) {
    problems.push({ code: 'EndTime.NotAfterStart', field: 'endTime', message: 'The end must be after the start.' });
  } else if (request.endTime <= now) {
    problems.push({
      code: 'EndTime.InPast',
      field: 'endTime',
      message: 'The end is not in the future: the recording would be over before it starts.',
    });
  } else if (chainTooLong(start, request.endTime)) {
    problems.push({ code: 'Window.TooLong', field: 'endTime', message: CHAIN_TOO_LONG_MESSAGE });
  }
  if (problems.length > 0) return invalidInput(problems);
  return ok({ startTime: start, endTime: request.endTime });
}
