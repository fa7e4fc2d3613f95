// Non-blocking notices about a request: things the platform does quietly that a broadcaster should know first.
// The user may go ahead; the form shows them while typing and the CLI prints them on stderr.
import type { RecordRequest, StreamKey, TaskStatus, TaskWindow, Warning } from '../domain.js';
import {
  MAX_OVERLAPPING_TASKS,
  MIN_USEFUL_WINDOW_SECONDS,
  PUSH_DELAY_SECONDS,
  TASK_RECORD_RETENTION_SECONDS,
} from './limits.js';

/** Every code recordWarnings can return. */
export const RecordWarningCode = {
  PushDelay: 'PushDelay',
  Overlap: 'Overlap',
  OverlapLimit: 'OverlapLimit',
  NoTemplate: 'NoTemplate',
  TooShort: 'TooShort',
  RecordExpires: 'RecordExpires',
} as const;

export type RecordWarningCode = (typeof RecordWarningCode)[keyof typeof RecordWarningCode];

export const RECORD_WARNING_CODES: readonly RecordWarningCode[] = Object.values(RecordWarningCode);

/** What the warnings are judged against. */
export interface WarningContext {
  /** The moment the task would be created, Unix seconds. */
  nowSeconds: number;
  /** Tasks already known (history and/or DescribeRecordTask), of any stream and status. */
  existingTasks: readonly TaskWindow[];
}

/** Statuses of a task that may still record: `unknown` counts, because the task may well exist. */
const ACTIVE_STATUSES: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['scheduled', 'recording', 'unknown']);

/** Warnings for a request (ideally one that passed validateRecordRequest; time warnings are skipped otherwise). */
export function recordWarnings(request: RecordRequest, context: WarningContext): Warning[] {
  const { nowSeconds } = context;
  const warnings: Warning[] = [];
  const start = request.startTime ?? nowSeconds;
  const timesKnown = Number.isFinite(start) && Number.isFinite(request.endTime);

  if (request.startTime === undefined || request.startTime <= nowSeconds + PUSH_DELAY_SECONDS) {
    warnings.push({
      code: 'PushDelay',
      message: `The recording starts right away: start pushing at least ${PUSH_DELAY_SECONDS} s after the task is created, or the task may not take effect.`,
    });
  }

  if (timesKnown) {
    const overlapping = overlappingTasks(request, context.existingTasks, nowSeconds);
    if (overlapping.length >= MAX_OVERLAPPING_TASKS) {
      warnings.push({
        code: 'OverlapLimit',
        message: `This window overlaps ${overlapping.length} active tasks of the same stream (${listTaskIds(overlapping)}). The platform starts at most ${MAX_OVERLAPPING_TASKS} recordings for a stream: this one may not record.`,
      });
    } else if (overlapping.length > 0) {
      warnings.push({
        code: 'Overlap',
        message: `This window overlaps ${overlapping.length} active task${overlapping.length === 1 ? '' : 's'} of the same stream (${listTaskIds(overlapping)}): the same content would be recorded more than once.`,
      });
    }
  }

  if (request.templateId === undefined) {
    warnings.push({
      code: 'NoTemplate',
      message:
        'No recording template: the platform records HLS and keeps the files permanently in VOD, where storage is billed until you delete them.',
    });
  }

  if (timesKnown && request.endTime - start < MIN_USEFUL_WINDOW_SECONDS) {
    warnings.push({
      code: 'TooShort',
      message: `The window is shorter than ${MIN_USEFUL_WINDOW_SECONDS} s: the platform produces no file for so short a push.`,
    });
  }

  warnings.push({
    code: 'RecordExpires',
    message: `The platform keeps the task's record for 3 months (until about ${isoDate(nowSeconds + TASK_RECORD_RETENTION_SECONDS)}); after that only Taper's history knows it.`,
  });
  return warnings;
}

/**
 * The active tasks (scheduled, recording, unknown) of the request's stream whose window overlaps the request's
 * window. A request without a start begins at `nowSeconds`. Names compare trimmed; the domain case-insensitively.
 */
export function overlappingTasks(
  request: RecordRequest,
  tasks: readonly TaskWindow[],
  nowSeconds: number,
): TaskWindow[] {
  const start = request.startTime ?? nowSeconds;
  const end = request.endTime;
  const ofRequest = isStream(request);
  return tasks.filter(
    (task) =>
      ACTIVE_STATUSES.has(task.status) &&
      ofRequest(task) &&
      // Half-open windows: a task that ends exactly when this one starts does not overlap it.
      task.startTime < end &&
      start < task.endTime,
  );
}

/**
 * Whether a key names `stream`, as the overlap warnings compare them (domains case-blind, all trimmed); `stream` is
 * normalized once, for a test of every entry of a history.
 */
export function isStream(stream: StreamKey): (key: StreamKey) => boolean {
  const wanted = streamKeyOf(stream);
  return (key) => sameStream(streamKeyOf(key), wanted);
}

function streamKeyOf(value: StreamKey): StreamKey {
  return {
    domainName: String(value.domainName).trim().toLowerCase(),
    appName: String(value.appName).trim(),
    streamName: String(value.streamName).trim(),
  };
}

function sameStream(a: StreamKey, b: StreamKey): boolean {
  return a.domainName === b.domainName && a.appName === b.appName && a.streamName === b.streamName;
}

function listTaskIds(tasks: readonly TaskWindow[]): string {
  const ids = tasks.map((task) => task.taskId ?? 'no TaskId yet');
  const shown = ids.slice(0, 5).join(', ');
  return ids.length > 5
    ? `TaskIds ${shown} and ${ids.length - 5} more`
    : `TaskId${ids.length === 1 ? '' : 's'} ${shown}`;
}

function isoDate(unixSeconds: number): string {
  // Date is used only to format a given instant (never to read the clock): YYYY-MM-DD in UTC.
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}
