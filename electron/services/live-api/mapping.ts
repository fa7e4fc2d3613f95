// The API's PascalCase answers as Taper's camelCase shapes. (CreateRecordTask's parameters are built in one place,
// shared/rules/api-params.ts, so the dry run and the preview show exactly what is sent.)
import type { LiveDomain, RecordTemplate, RemoteTask, StreamState } from '../../../shared/live-types.js';
import type { NewRecordTemplate } from './live-api.js';
import type { LiveSdkClient } from './sdk-client.js';

type CreateTemplateParams = Parameters<LiveSdkClient['CreateLiveRecordTemplate']>[0];

/** The API's 7-day limit on a DescribeRecordTask window. */
export const DESCRIBE_WINDOW_SECONDS = 7 * 86_400;

/** A RecordTask as DescribeRecordTask returns it (the SDK types every field optional). */
export interface ApiRecordTask {
  TaskId?: string;
  DomainName?: string;
  AppName?: string;
  StreamName?: string;
  StartTime?: number;
  EndTime?: number;
  TemplateId?: number;
  Stopped?: number;
  StreamType?: number;
  Extension?: string | null;
}

/** Null when the entry lacks the identity fields Taper needs (the entry is then skipped). */
export function toRemoteTask(task: ApiRecordTask): RemoteTask | null {
  if (
    task.TaskId === undefined ||
    task.DomainName === undefined ||
    task.AppName === undefined ||
    task.StreamName === undefined
  )
    return null;
  if (task.StartTime === undefined || task.EndTime === undefined) return null;
  return {
    taskId: task.TaskId,
    domainName: task.DomainName,
    appName: task.AppName,
    streamName: task.StreamName,
    startTime: task.StartTime,
    endTime: task.EndTime,
    // The platform reports 0 for "no template"; keep 0 distinct from a real id only when it says so.
    templateId: task.TemplateId === undefined || task.TemplateId === 0 ? null : task.TemplateId,
    // DescribeRecordTask does not return StreamType/Extension today; default to a normal push.
    streamType: task.StreamType === 1 ? 1 : 0,
    stopped: task.Stopped === 1,
    extension: task.Extension ?? null,
  };
}

/**
 * Splits [start, end] into consecutive DescribeRecordTask windows of at most 7 days (the API's limit). Not to be
 * confused with shared/schedule's splitWindow, which cuts a recording into 24 h chain links.
 */
export function describeWindows(
  startTime: number,
  endTime: number,
  maxSeconds = DESCRIBE_WINDOW_SECONDS,
): { startTime: number; endTime: number }[] {
  const windows: { startTime: number; endTime: number }[] = [];
  for (let from = startTime; from < endTime; from += maxSeconds) {
    windows.push({ startTime: from, endTime: Math.min(from + maxSeconds, endTime) });
  }
  return windows;
}

export function toRecordTemplate(template: {
  TemplateId?: number;
  TemplateName?: string;
  Description?: string;
}): RecordTemplate | null {
  if (template.TemplateId === undefined) return null;
  return {
    templateId: template.TemplateId,
    name: template.TemplateName ?? '',
    description: template.Description ?? '',
  };
}

export function toLiveDomain(domain: { Name?: string; Type?: number; Status?: number }): LiveDomain | null {
  if (domain.Name === undefined) return null;
  return { name: domain.Name, type: domain.Type ?? 0, status: domain.Status ?? 0 };
}

export function toStreamState(state: string | undefined): StreamState | null {
  return state === 'active' || state === 'inactive' || state === 'forbid' ? state : null;
}

/** CreateLiveRecordTemplate's parameters: the format's own parameter block, enabled, with the VOD keep time. */
export function toCreateTemplateParams(template: NewRecordTemplate): CreateTemplateParams {
  const param = {
    Enable: 1,
    StorageTime: template.storageDays * 86_400,
    ...(template.segmentSeconds === undefined ? {} : { RecordInterval: template.segmentSeconds }),
  };
  const key = { mp4: 'Mp4Param', hls: 'HlsParam', flv: 'FlvParam', aac: 'AacParam' }[template.format];
  return {
    TemplateName: template.name,
    ...(template.description ? { Description: template.description } : {}),
    [key]: param,
  };
}
