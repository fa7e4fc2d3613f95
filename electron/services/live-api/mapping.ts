// Taper's camelCase shapes to the API's PascalCase parameters and back.
import type { RecordRequest } from '../../../shared/domain.js';
import type { LiveDomain, RecordTemplate, RemoteTask, StreamState } from '../../../shared/live-types.js';

/** The API's 7-day limit on a DescribeRecordTask window. */
export const DESCRIBE_WINDOW_SECONDS = 7 * 86_400;

export interface CreateRecordTaskParams {
  DomainName: string;
  AppName: string;
  StreamName: string;
  EndTime: number;
  StartTime?: number;
  StreamType?: number;
  TemplateId?: number;
  Extension?: string;
}

export function toCreateParams(request: RecordRequest): CreateRecordTaskParams {
  // Absent optional fields stay absent: "no StartTime" means "start now" to the platform.
  return {
    DomainName: request.domainName,
    AppName: request.appName,
    StreamName: request.streamName,
    EndTime: request.endTime,
    ...(request.startTime === undefined ? {} : { StartTime: request.startTime }),
    ...(request.streamType === undefined ? {} : { StreamType: request.streamType }),
    ...(request.templateId === undefined ? {} : { TemplateId: request.templateId }),
    ...(request.extension === undefined ? {} : { Extension: request.extension }),
  };
}

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

/** Splits [start, end] into consecutive windows of at most 7 days (the API's limit). */
export function splitWindow(
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
