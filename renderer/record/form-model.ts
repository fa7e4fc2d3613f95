// The record form as plain data: what the user typed → the RecordRequest, the exact timestamps, the
// blocking problems (per form field) and the warnings. Pure, so it is tested without a DOM.
import { Temporal } from 'temporal-polyfill';
import type { Problem, RecordRequest, StreamKey, TaskWindow, Warning } from '../../shared/domain';
import type { HistoryEntry } from '../../shared/history';
import { isStream, recordWarnings } from '../../shared/rules/record-warnings';
import { normalizeRecordRequest, validateRecordRequest } from '../../shared/rules/validate-record';
import { beyondOneTask, previewChain, type ChainPreview } from '../../shared/schedule/chain-preview';
import { CHAIN_TOO_LONG_MESSAGE } from '../../shared/schedule/split-window';
import { parseDuration } from '../../shared/time/duration';
import { parseUserTime } from '../../shared/time/parse-user-time';
import { canonicalTimeZone } from '../../shared/time/time-zone';

/** What the form holds: text exactly as typed. */
export interface FormFields {
  domainName: string;
  appName: string;
  streamName: string;
  /** Empty: start now. */
  from: string;
  endMode: 'until' | 'duration';
  until: string;
  duration: string;
  /** Zone for typed wall times. */
  timeZone: string;
  /** A second zone shown beside it (the show's zone). */
  showTimeZone: string;
  /** '' = no template, else the TemplateId. */
  templateId: string;
  mixed: boolean;
}

export type FormField =
  'domainName' | 'appName' | 'streamName' | 'from' | 'until' | 'duration' | 'timeZone' | 'request';

/** A blocking problem, placed on the form field the user has to change. */
export interface FieldProblem {
  field: FormField;
  code: string;
  message: string;
  /** For a DST-ambiguous time: the instants it could mean (Unix seconds), offered as choices. */
  candidates?: number[];
}

export interface FormAnalysis {
  /** The request that would be sent; null while the times cannot be read. */
  request: RecordRequest | null;
  /** Unix seconds; undefined = "now" (no StartTime sent). */
  startUnix: number | undefined;
  endUnix: number | undefined;
  problems: FieldProblem[];
  warnings: Warning[];
  /**
   * Set when one task cannot take the window (over 24 h, or beyond the 6-day reach): the links the scheduler will make
   * of it, created now or planned. Null for a window one task takes, which keeps the one-task path.
   */
  chain: ChainPreview | null;
}

/** One task's limits, which a chain of links (planned as needed) lifts. */
const ONE_TASK_LIMITS: ReadonlySet<string> = new Set([
  'Window.TooLong',
  'StartTime.TooFarAhead',
  'EndTime.TooFarAhead',
]);

export function emptyFields(timeZone: string, showTimeZone: string): FormFields {
  return {
    domainName: '',
    appName: 'live',
    streamName: '',
    from: '',
    endMode: 'duration',
    until: '',
    duration: '',
    timeZone,
    showTimeZone,
    templateId: '',
    mixed: false,
  };
}

/**
 * The history's entries of the form's stream, as the task windows its overlap warnings are judged against. Only that
 * stream's: the warnings look at no other, and a 20,000-entry history is mapped whole at no keystroke (an empty
 * stream, as the form opens, maps nothing).
 */
export function streamTaskWindows(entries: readonly HistoryEntry[], stream: StreamKey): TaskWindow[] {
  if (stream.streamName.trim() === '') return [];
  const ofStream = isStream(stream);
  const windows: TaskWindow[] = [];
  for (const entry of entries) {
    const key = { domainName: entry.domain, appName: entry.app, streamName: entry.stream };
    if (!ofStream(key)) continue;
    const window: TaskWindow = {
      ...key,
      startTime: entry.startTime ?? entry.createdAt,
      endTime: entry.endTime,
      status: entry.status,
    };
    if (entry.taskId !== null) window.taskId = entry.taskId;
    windows.push(window);
  }
  return windows;
}

export function analyzeForm(
  fields: FormFields,
  nowSeconds: number,
  existingTasks: readonly TaskWindow[],
): FormAnalysis {
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const zone = canonicalTimeZone(fields.timeZone);
  if (zone === undefined) {
    problems.push({
      field: 'timeZone',
      code: 'Time.UnknownZone',
      message: `Unknown time zone "${fields.timeZone}"; use e.g. Asia/Shanghai or Europe/Berlin.`,
    });
  }
  const options = { nowSeconds, timeZone: zone ?? 'UTC' };

  let startUnix: number | undefined;
  let startReadable = true;
  if (fields.from.trim() !== '') {
    const parsed = parseUserTime(fields.from, options);
    if (parsed.ok) {
      startUnix = parsed.unix;
      if (parsed.note !== undefined) warnings.push({ code: 'TimeNote', message: parsed.note });
    } else {
      startReadable = false;
      problems.push(timeProblem('from', parsed));
    }
  }

  let endUnix: number | undefined;
  const endField: FormField = fields.endMode;
  if (fields.endMode === 'until') {
    if (fields.until.trim() !== '') {
      const parsed = parseUserTime(fields.until, options);
      if (parsed.ok) {
        endUnix = parsed.unix;
        if (parsed.note !== undefined) warnings.push({ code: 'TimeNote', message: parsed.note });
      } else {
        problems.push(timeProblem('until', parsed));
      }
    }
  } else if (fields.duration.trim() !== '') {
    const parsed = parseDuration(fields.duration);
    if (parsed.ok) {
      if (startReadable) endUnix = (startUnix ?? nowSeconds) + parsed.seconds;
    } else {
      problems.push({ field: 'duration', code: parsed.code, message: parsed.message });
    }
  }

  const templateId = fields.templateId === '' ? undefined : Number(fields.templateId);
  const draft: RecordRequest = normalizeRecordRequest({
    domainName: fields.domainName,
    appName: fields.appName,
    streamName: fields.streamName,
    // An unreadable end is reported above; the validator must not also say "required".
    endTime: endUnix ?? Number.NaN,
    streamType: fields.mixed ? 1 : 0,
    ...(startUnix === undefined ? {} : { startTime: startUnix }),
    ...(templateId === undefined ? {} : { templateId }),
  });

  const timeFieldsBroken = problems.some(
    (problem) => problem.field === 'from' || problem.field === 'until' || problem.field === 'duration',
  );
  const timesKnown = endUnix !== undefined && startReadable;
  const start = startUnix ?? nowSeconds;
  // Beyond one task the scheduler takes over (as `taper record` does): the window's own sense still applies.
  const chain =
    endUnix !== undefined &&
    startReadable &&
    endUnix > start &&
    beyondOneTask({ startTime: start, endTime: endUnix }, nowSeconds)
      ? previewChain(start, endUnix, nowSeconds)
      : null;
  for (const problem of validateRecordRequest(draft, nowSeconds)) {
    if (timeFieldsBroken && (problem.field === 'endTime' || problem.field === 'startTime')) continue;
    if (chain !== null && ONE_TASK_LIMITS.has(problem.code)) continue;
    problems.push(placeProblem(problem, endField));
  }
  if (chain?.tooLong) {
    problems.push({ field: endField, code: 'Chain.TooLong', message: CHAIN_TOO_LONG_MESSAGE });
  }

  if (timesKnown) {
    warnings.unshift(...recordWarnings(draft, { nowSeconds, existingTasks }));
    if (chain !== null) warnings.push(...chain.warnings);
  } else if (templateId === undefined) {
    // The template warning does not depend on the times: show it from the start.
    warnings.unshift(
      ...recordWarnings(draft, { nowSeconds, existingTasks: [] }).filter((warning) => warning.code === 'NoTemplate'),
    );
  }
  return {
    request: timesKnown ? draft : null,
    startUnix,
    endUnix,
    problems,
    warnings,
    chain: chain !== null && !chain.tooLong ? chain : null,
  };
}

function timeProblem(field: FormField, parsed: { code: string; message: string; candidates?: number[] }): FieldProblem {
  const problem: FieldProblem = { field, code: parsed.code, message: parsed.message };
  if (parsed.candidates !== undefined) problem.candidates = parsed.candidates;
  return problem;
}

function placeProblem(problem: Problem, endField: FormField): FieldProblem {
  const field: FormField =
    problem.field === 'startTime'
      ? 'from'
      : problem.field === 'endTime'
        ? endField
        : isFormField(problem.field)
          ? problem.field
          : 'request';
  return { field, code: problem.code, message: problem.message };
}

function isFormField(field: string): field is FormField {
  return field === 'domainName' || field === 'appName' || field === 'streamName';
}

/** An instant as text parseUserTime reads back unambiguously: `2026-11-01T01:30-04:00`. */
export function withOffset(unix: number, timeZone: string): string {
  const zone = canonicalTimeZone(timeZone) ?? 'UTC';
  return Temporal.Instant.fromEpochMilliseconds(unix * 1000)
    .toZonedDateTimeISO(zone)
    .toString({ smallestUnit: 'minute', timeZoneName: 'never' });
}

/** "Until midnight": the first midnight after the start, as a wall time in the form's zone. */
export function nextMidnight(startUnix: number, timeZone: string): string {
  const zone = canonicalTimeZone(timeZone) ?? 'UTC';
  const date = Temporal.Instant.fromEpochMilliseconds(startUnix * 1000)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .add({ days: 1 });
  return `${date.toString()} 00:00`;
}
