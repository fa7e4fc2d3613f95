// The exact parameter object of CreateRecordTask, as sent to the API and as `taper record --dry-run --json`
// prints it under "request". Absent options are left out, never sent as null.
import type { RecordRequest, StreamType } from '../domain.js';
import { normalizeRecordRequest } from './validate-record.js';

/** CreateRecordTask's parameters, PascalCase as the API wants them (a type alias so it fits a plain record). */
export type CreateRecordTaskParams = {
  /** Push domain, a bare host name. */
  DomainName: string;
  /** Push path. */
  AppName: string;
  /** Stream name. */
  StreamName: string;
  /** End, Unix seconds. */
  EndTime: number;
  /** Start, Unix seconds; absent means "record from now". */
  StartTime?: number;
  /** 0 normal push, 1 mixed stream. */
  StreamType?: StreamType;
  /** Recording template; absent means HLS, kept permanently. */
  TemplateId?: number;
  /** Reserved by the API. */
  Extension?: string;
};

/** Maps a (validated) request to the API's parameters, names trimmed, absent keys omitted. */
export function toCreateRecordTaskParams(request: RecordRequest): CreateRecordTaskParams {
  const normalized = normalizeRecordRequest(request);
  const params: CreateRecordTaskParams = {
    DomainName: normalized.domainName,
    AppName: normalized.appName,
    StreamName: normalized.streamName,
    EndTime: normalized.endTime,
  };
  if (normalized.startTime !== undefined) params.StartTime = normalized.startTime;
  if (normalized.streamType !== undefined) params.StreamType = normalized.streamType;
  if (normalized.templateId !== undefined) params.TemplateId = normalized.templateId;
  if (normalized.extension !== undefined) params.Extension = normalized.extension;
  return params;
}
