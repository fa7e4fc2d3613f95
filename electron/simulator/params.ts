// The simulator's own parameter checks, written to mirror what the real service enforces. Deliberately
// independent of shared/rules: the simulator plays the platform, so it must not share Taper's assumptions.
import { apiError, apiOk, type ApiOutcome } from './api-error.js';

const DAY = 86_400;
/** End - Start may be at most 24 h. */
export const MAX_TASK_SECONDS = DAY;
/** StartTime at most 6 days ahead (intl doc). */
export const MAX_START_AHEAD_SECONDS = 6 * DAY;
/** EndTime strictly less than 7 days ahead (cn doc). */
export const MAX_END_AHEAD_SECONDS = 7 * DAY;
/** DescribeRecordTask: window at most 7 days, not earlier than 90 days ago. */
export const MAX_DESCRIBE_WINDOW_SECONDS = 7 * DAY;
export const MAX_DESCRIBE_AGE_SECONDS = 90 * DAY;

type Params = Record<string, unknown>;

/** A validated CreateRecordTask request. */
export interface CreateParams {
  domainName: string;
  appName: string;
  streamName: string;
  /** Unix seconds; the creation time when the request had none. */
  startTime: number;
  endTime: number;
  streamType: 0 | 1;
  templateId: number | null;
  extension: string | null;
}

/** A validated DescribeRecordTask request. */
export interface DescribeParams {
  startTime: number;
  endTime: number;
  domainName?: string;
  appName?: string;
  streamName?: string;
  scrollToken?: string;
}

function requiredString(params: Params, name: string): ApiOutcome<string> {
  const value = params[name];
  if (value === undefined || value === null)
    return apiError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
  if (typeof value !== 'string')
    return apiError('InvalidParameterValue', `The value of parameter \`${name}\` must be a string.`);
  if (value.trim() === '') return apiError('InvalidParameter', `Parameter \`${name}\` must not be empty.`);
  return apiOk(value);
}

function optionalString(params: Params, name: string): ApiOutcome<string | undefined> {
  const value = params[name];
  if (value === undefined || value === null) return apiOk(undefined);
  if (typeof value !== 'string')
    return apiError('InvalidParameterValue', `The value of parameter \`${name}\` must be a string.`);
  return apiOk(value);
}

function optionalInteger(params: Params, name: string): ApiOutcome<number | undefined> {
  const value = params[name];
  if (value === undefined || value === null) return apiOk(undefined);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return apiError('InvalidParameterValue', `The value of parameter \`${name}\` must be a non-negative integer.`);
  }
  return apiOk(value);
}

function requiredInteger(params: Params, name: string): ApiOutcome<number> {
  if (params[name] === undefined || params[name] === null)
    return apiError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
  const parsed = optionalInteger(params, name);
  if (!parsed.ok) return parsed;
  return apiOk(parsed.value ?? 0);
}

export function validateCreate(params: Params, now: number): ApiOutcome<CreateParams> {
  const domainName = requiredString(params, 'DomainName');
  if (!domainName.ok) return domainName;
  const appName = requiredString(params, 'AppName');
  if (!appName.ok) return appName;
  const streamName = requiredString(params, 'StreamName');
  if (!streamName.ok) return streamName;
  const endTime = requiredInteger(params, 'EndTime');
  if (!endTime.ok) return endTime;
  const startParam = optionalInteger(params, 'StartTime');
  if (!startParam.ok) return startParam;
  const streamType = optionalInteger(params, 'StreamType');
  if (!streamType.ok) return streamType;
  const templateId = optionalInteger(params, 'TemplateId');
  if (!templateId.ok) return templateId;
  const extension = optionalString(params, 'Extension');
  if (!extension.ok) return extension;

  if (/[/:]/.test(domainName.value))
    return apiError('InvalidParameter', 'DomainName must be a push domain name, not a URL.');
  if (streamType.value !== undefined && streamType.value !== 0 && streamType.value !== 1) {
    return apiError('InvalidParameterValue', 'StreamType must be 0 or 1.');
  }
  const startTime = startParam.value ?? now;
  if (endTime.value <= now) return apiError('InvalidParameter', 'EndTime must be later than the current time.');
  if (endTime.value <= startTime) return apiError('InvalidParameter', 'EndTime must be later than StartTime.');
  if (endTime.value - startTime > MAX_TASK_SECONDS)
    return apiError('InvalidParameter', 'The task duration (EndTime - StartTime) cannot exceed 24 hours.');
  if (startTime > now + MAX_START_AHEAD_SECONDS)
    return apiError('InvalidParameter', 'StartTime cannot be more than 6 days later than the current time.');
  if (endTime.value >= now + MAX_END_AHEAD_SECONDS)
    return apiError('InvalidParameter', 'EndTime must be less than 7 days later than the current time.');

  return apiOk({
    domainName: domainName.value,
    appName: appName.value,
    streamName: streamName.value,
    startTime,
    endTime: endTime.value,
    streamType: streamType.value === 1 ? 1 : 0,
    templateId: templateId.value ?? null,
    extension: extension.value ?? null,
  });
}

export function validateDescribe(params: Params, now: number): ApiOutcome<DescribeParams> {
  const startTime = requiredInteger(params, 'StartTime');
  if (!startTime.ok) return startTime;
  const endTime = requiredInteger(params, 'EndTime');
  if (!endTime.ok) return endTime;
  const filters: Omit<DescribeParams, 'startTime' | 'endTime'> = {};
  for (const [name, key] of [
    ['DomainName', 'domainName'],
    ['AppName', 'appName'],
    ['StreamName', 'streamName'],
    ['ScrollToken', 'scrollToken'],
  ] as const) {
    const value = optionalString(params, name);
    if (!value.ok) return value;
    if (value.value !== undefined && value.value !== '') filters[key] = value.value;
  }
  if (endTime.value <= startTime.value) return apiError('InvalidParameter', 'EndTime must be later than StartTime.');
  if (endTime.value - startTime.value > MAX_DESCRIBE_WINDOW_SECONDS)
    return apiError('InvalidParameter', 'The query window (EndTime - StartTime) cannot exceed 7 days.');
  if (startTime.value < now - MAX_DESCRIBE_AGE_SECONDS)
    return apiError('InvalidParameter', 'StartTime cannot be earlier than 90 days ago.');
  return apiOk({ startTime: startTime.value, endTime: endTime.value, ...filters });
}

/** The TaskId parameter of Stop/DeleteRecordTask. */
export function validateTaskId(params: Params): ApiOutcome<string> {
  return requiredString(params, 'TaskId');
}

/** The stream triple of DescribeLiveStreamState. */
export function validateStreamKey(
  params: Params,
): ApiOutcome<{ domainName: string; appName: string; streamName: string }> {
  const domainName = requiredString(params, 'DomainName');
  if (!domainName.ok) return domainName;
  const appName = requiredString(params, 'AppName');
  if (!appName.ok) return appName;
  const streamName = requiredString(params, 'StreamName');
  if (!streamName.ok) return streamName;
  return apiOk({ domainName: domainName.value, appName: appName.value, streamName: streamName.value });
}
