// The blocking rules of CreateRecordTask, checked before anything is sent. Every problem is reported at once,
// so a form can mark every field and the CLI can print every mistake in one go.
// Inputs may come from IPC, JSON or CLI flags: each field is checked as `unknown`, nothing here throws.
import type { Problem, RecordRequest } from '../domain.js';
import {
  APP_NAME_PATTERN,
  DOMAIN_LABEL_PATTERN,
  MAX_APP_NAME_LENGTH,
  MAX_DOMAIN_LABEL_LENGTH,
  MAX_DOMAIN_NAME_LENGTH,
  MAX_END_AHEAD_SECONDS,
  MAX_START_AHEAD_SECONDS,
  MAX_STREAM_NAME_LENGTH,
  MAX_WINDOW_SECONDS,
  STREAM_NAME_PATTERN,
} from './limits.js';

/** Every code validateRecordRequest can return; the renderer and the CLI key translations on these. */
export const RecordProblemCode = {
  DomainNameRequired: 'DomainName.Required',
  DomainNameInvalid: 'DomainName.Invalid',
  DomainNameIsUrl: 'DomainName.IsUrl',
  AppNameRequired: 'AppName.Required',
  AppNameInvalid: 'AppName.Invalid',
  StreamNameRequired: 'StreamName.Required',
  StreamNameInvalid: 'StreamName.Invalid',
  StartTimeInvalid: 'StartTime.Invalid',
  StartTimeTooFarAhead: 'StartTime.TooFarAhead',
  EndTimeRequired: 'EndTime.Required',
  EndTimeNotAfterStart: 'EndTime.NotAfterStart',
  EndTimeInPast: 'EndTime.InPast',
  EndTimeTooFarAhead: 'EndTime.TooFarAhead',
  WindowTooLong: 'Window.TooLong',
  StreamTypeInvalid: 'StreamType.Invalid',
  TemplateIdInvalid: 'TemplateId.Invalid',
  ExtensionInvalid: 'Extension.Invalid',
} as const;

export type RecordProblemCode = (typeof RecordProblemCode)[keyof typeof RecordProblemCode];

export const RECORD_PROBLEM_CODES: readonly RecordProblemCode[] = Object.values(RecordProblemCode);

/** The request with its names trimmed: what is validated and what is sent. Other fields are left as they are. */
export function normalizeRecordRequest(request: RecordRequest): RecordRequest {
  return {
    ...request,
    domainName: trimIfString(request.domainName),
    appName: trimIfString(request.appName),
    streamName: trimIfString(request.streamName),
  };
}

/**
 * Checks a request against the platform's rules at `nowSeconds` (Unix seconds). Returns every problem found,
 * an empty array when the request may be sent. Names are judged after trimming.
 */
export function validateRecordRequest(request: RecordRequest, nowSeconds: number): Problem[] {
  const fields = asFields(request);
  const problems: Problem[] = [];
  problems.push(...checkDomainName(fields['domainName']));
  problems.push(
    ...checkPathName(
      fields['appName'],
      'appName',
      'AppName',
      MAX_APP_NAME_LENGTH,
      APP_NAME_PATTERN,
      'letters, digits, _ - . ~ and / between segments',
    ),
  );
  problems.push(
    ...checkPathName(
      fields['streamName'],
      'streamName',
      'StreamName',
      MAX_STREAM_NAME_LENGTH,
      STREAM_NAME_PATTERN,
      'letters, digits and _ - . ~',
    ),
  );
  problems.push(...checkTimes(fields['startTime'], fields['endTime'], nowSeconds));
  problems.push(...checkOptionals(fields));
  return problems;
}

function checkDomainName(value: unknown): Problem[] {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return [
      problem(
        'DomainName.Required',
        'domainName',
        'Enter the push domain (DomainName), e.g. 5000.livepush.myqcloud.com.',
      ),
    ];
  }
  if (typeof value !== 'string') {
    return [problem('DomainName.Invalid', 'domainName', 'The push domain (DomainName) must be text.')];
  }
  const domain = value.trim();
  // A pasted push URL is the likeliest mistake: say so, instead of a vague "invalid".
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain) || /[/:?#@\\]/.test(domain)) {
    return [
      problem(
        'DomainName.IsUrl',
        'domainName',
        `Enter only the push domain's host name (e.g. 5000.livepush.myqcloud.com), without rtmp:// or https://, path or port; got "${clip(domain)}".`,
      ),
    ];
  }
  const labels = domain.split('.');
  const valid =
    domain.length <= MAX_DOMAIN_NAME_LENGTH &&
    labels.length >= 2 &&
    labels.every((label) => label.length <= MAX_DOMAIN_LABEL_LENGTH && DOMAIN_LABEL_PATTERN.test(label));
  if (!valid) {
    return [
      problem(
        'DomainName.Invalid',
        'domainName',
        `The push domain (DomainName) must be a host name of at most ${MAX_DOMAIN_NAME_LENGTH} characters: dot-separated labels of letters, digits and -, e.g. 5000.livepush.myqcloud.com; got "${clip(domain)}".`,
      ),
    ];
  }
  return [];
}

function checkPathName(
  value: unknown,
  field: 'appName' | 'streamName',
  apiName: 'AppName' | 'StreamName',
  maxLength: number,
  pattern: RegExp,
  allowed: string,
): Problem[] {
  const label = apiName === 'AppName' ? 'push path (AppName)' : 'stream name (StreamName)';
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return [problem(`${apiName}.Required`, field, `Enter the ${label}.`)];
  }
  if (typeof value !== 'string') {
    return [problem(`${apiName}.Invalid`, field, `The ${label} must be text.`)];
  }
  const name = value.trim();
  if (name.length > maxLength || !pattern.test(name)) {
    return [
      problem(
        `${apiName}.Invalid`,
        field,
        `The ${label} may have at most ${maxLength} characters: ${allowed}; got "${clip(name)}".`,
      ),
    ];
  }
  return [];
}

function checkTimes(startValue: unknown, endValue: unknown, nowSeconds: number): Problem[] {
  const problems: Problem[] = [];
  const startGiven = startValue !== undefined;
  const startValid = !startGiven || isUnixSeconds(startValue);
  if (!startValid) {
    problems.push(
      problem(
        'StartTime.Invalid',
        'startTime',
        'The start (StartTime) must be a whole number of Unix seconds, or left out to start now.',
      ),
    );
  }
  // Omitted StartTime means "now": the window is then measured from now.
  const start = startGiven ? (startValid ? (startValue as number) : undefined) : nowSeconds;

  if (startGiven && startValid && start !== undefined && start > nowSeconds + MAX_START_AHEAD_SECONDS) {
    problems.push(
      problem('StartTime.TooFarAhead', 'startTime', 'The start (StartTime) may be at most 6 days from now.'),
    );
  }

  if (!isUnixSeconds(endValue)) {
    problems.push(problem('EndTime.Required', 'endTime', 'Enter the end (EndTime) as a whole number of Unix seconds.'));
    return problems;
  }
  const end = endValue;
  if (start !== undefined && startGiven && end <= start) {
    problems.push(
      problem('EndTime.NotAfterStart', 'endTime', 'The end (EndTime) must be after the start (StartTime).'),
    );
  }
  if (end <= nowSeconds) {
    problems.push(
      problem(
        'EndTime.InPast',
        'endTime',
        'The end (EndTime) is not in the future: the recording would be over before it starts.',
      ),
    );
  }
  if (start !== undefined && end - start > MAX_WINDOW_SECONDS) {
    problems.push(
      problem(
        'Window.TooLong',
        'endTime',
        `The recording window may be at most 24 hours; this one is ${describeSpan(end - start)}. Split it into several tasks.`,
      ),
    );
  }
  if (end >= nowSeconds + MAX_END_AHEAD_SECONDS) {
    problems.push(problem('EndTime.TooFarAhead', 'endTime', 'The end (EndTime) must be less than 7 days from now.'));
  }
  return problems;
}

function checkOptionals(fields: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const streamType = fields['streamType'];
  if (streamType !== undefined && streamType !== 0 && streamType !== 1) {
    problems.push(
      problem(
        'StreamType.Invalid',
        'streamType',
        'The stream type (StreamType) must be 0 (normal push) or 1 (mixed stream).',
      ),
    );
  }
  const templateId = fields['templateId'];
  if (templateId !== undefined && !(Number.isSafeInteger(templateId) && (templateId as number) >= 0)) {
    problems.push(
      problem(
        'TemplateId.Invalid',
        'templateId',
        'The recording template (TemplateId) must be a non-negative whole number, or left out.',
      ),
    );
  }
  const extension = fields['extension'];
  if (extension !== undefined && typeof extension !== 'string') {
    problems.push(problem('Extension.Invalid', 'extension', 'The extension (Extension) must be text, or left out.'));
  }
  return problems;
}

/** A whole, non-negative number of seconds that a JSON integer can carry exactly. */
function isUnixSeconds(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function asFields(request: unknown): Record<string, unknown> {
  // A missing or non-object request still yields one problem per required field, not a throw.
  return typeof request === 'object' && request !== null ? (request as Record<string, unknown>) : {};
}

function trimIfString<T>(value: T): T {
  return (typeof value === 'string' ? value.trim() : value) as T;
}

function problem(code: RecordProblemCode, field: Problem['field'], message: string): Problem {
  return { code, field, message };
}

function clip(text: string): string {
  // Long garbage must not flood a message line.
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describeSpan(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return [hours > 0 ? `${hours} h` : '', minutes > 0 ? `${minutes} min` : '', rest > 0 ? `${rest} s` : '']
    .filter(Boolean)
    .join(' ');
}
