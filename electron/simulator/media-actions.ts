// VOD SearchMedia (2018-07-17) and Live DescribeLiveStreamEventList as the simulator plays them: parameter checks
// written from the platform's documentation (not from Taper's client), and answers shaped like the real ones.
import { apiError, apiOk, type ApiOutcome } from './api-error.js';
import type { PushSession, SimulatedMedia } from './push-store.js';

/** SearchMedia pages stop at 5,000 results: Offset + Limit may not pass it. */
export const MAX_SEARCH_RESULTS = 5000;
/** DescribeLiveStreamEventList: at most one month between StartTime and EndTime, at most two months back. */
export const MAX_EVENT_SPAN_SECONDS = 31 * 86_400;
export const MAX_EVENT_AGE_SECONDS = 62 * 86_400;
export const MAX_EVENT_PAGE_SIZE = 100;

type Params = Record<string, unknown>;

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Unix seconds of an ISO 8601 time with a zone (`2018-12-29T19:00:00Z`, `...+08:00`); null otherwise. */
function parseIsoSeconds(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

function stringList(params: Params, name: string): ApiOutcome<string[] | undefined> {
  const value = params[name];
  if (value === undefined || value === null) return apiOk(undefined);
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    return apiError('InvalidParameterValue', `The value of parameter \`${name}\` must be an array of strings.`);
  return apiOk(value as string[]);
}

function optionalCount(params: Params, name: string, fallback: number): ApiOutcome<number> {
  const value = params[name];
  if (value === undefined || value === null) return apiOk(fallback);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    return apiError(
      `InvalidParameterValue.${name}`,
      `The value of parameter \`${name}\` must be a non-negative integer.`,
    );
  return apiOk(value);
}

/** SearchMedia over the account's files: StreamIds, StreamDomains, StreamPaths, SourceTypes, CreateTime, Offset/Limit. */
export function searchMedia(params: Params, files: readonly SimulatedMedia[]): ApiOutcome<Record<string, unknown>> {
  const streamIds = stringList(params, 'StreamIds');
  if (!streamIds.ok) return streamIds;
  const domains = stringList(params, 'StreamDomains');
  if (!domains.ok) return domains;
  const paths = stringList(params, 'StreamPaths');
  if (!paths.ok) return paths;
  const sourceTypes = stringList(params, 'SourceTypes');
  if (!sourceTypes.ok) return sourceTypes;
  const offset = optionalCount(params, 'Offset', 0);
  if (!offset.ok) return offset;
  const limit = optionalCount(params, 'Limit', 10);
  if (!limit.ok) return limit;
  if (limit.value < 1) return apiError('InvalidParameterValue.Limit', 'Limit must be at least 1.');
  if (offset.value + limit.value > MAX_SEARCH_RESULTS) {
    return apiError(
      'InvalidParameterValue.Limit',
      `Offset + Limit cannot exceed ${MAX_SEARCH_RESULTS}: SearchMedia returns at most ${MAX_SEARCH_RESULTS} results.`,
    );
  }
  let after: number | null = null;
  let before: number | null = null;
  const createTime = params.CreateTime;
  if (createTime !== undefined && createTime !== null) {
    if (typeof createTime !== 'object' || Array.isArray(createTime))
      return apiError('InvalidParameterValue.CreateTime', 'CreateTime must be an object {After, Before}.');
    const range = createTime as Record<string, unknown>;
    if (range.After !== undefined) {
      after = parseIsoSeconds(range.After);
      if (after === null)
        return apiError('InvalidParameterValue.CreateTime', 'CreateTime.After must be an ISO 8601 date-time.');
    }
    if (range.Before !== undefined) {
      before = parseIsoSeconds(range.Before);
      if (before === null)
        return apiError('InvalidParameterValue.CreateTime', 'CreateTime.Before must be an ISO 8601 date-time.');
    }
    if (after !== null && before !== null && before <= after)
      return apiError('InvalidParameterValue.CreateTime', 'CreateTime.Before must be later than CreateTime.After.');
  }
  // Every simulated file comes from a live recording.
  const matching = files.filter(
    (file) =>
      (sourceTypes.value === undefined || sourceTypes.value.length === 0 || sourceTypes.value.includes('Record')) &&
      (streamIds.value === undefined || streamIds.value.length === 0 || streamIds.value.includes(file.stream)) &&
      (domains.value === undefined || domains.value.length === 0 || domains.value.includes(file.domain)) &&
      (paths.value === undefined || paths.value.length === 0 || paths.value.includes(file.app)) &&
      (after === null || file.createTime >= after) &&
      (before === null || file.createTime < before),
  );
  // The platform sorts by CreateTime, newest first, unless Sort says otherwise.
  const sort = params.Sort as { Field?: unknown; Order?: unknown } | undefined;
  const ascending = typeof sort === 'object' && sort !== null && sort.Field === 'CreateTime' && sort.Order === 'Asc';
  const sorted = ascending ? [...matching] : [...matching].reverse();
  const page = sorted.slice(offset.value, offset.value + limit.value);
  return apiOk({
    TotalCount: Math.min(matching.length, MAX_SEARCH_RESULTS),
    MediaInfoSet: page.map((file) => ({
      FileId: file.fileId,
      BasicInfo: {
        Name: `${file.stream}_${file.recordStartTime}`,
        CreateTime: iso(file.createTime),
        Type: 'm3u8',
        MediaUrl: file.mediaUrl,
        SourceInfo: {
          SourceType: 'Record',
          LiveRecordInfo: {
            Domain: file.domain,
            Path: file.app,
            StreamId: file.stream,
            RecordStartTime: iso(file.recordStartTime),
            RecordEndTime: iso(file.recordEndTime),
          },
        },
        Status: 'Normal',
      },
      MetaData: { Size: file.sizeBytes, Container: 'hls', Duration: file.durationSeconds },
    })),
  });
}

/** DescribeLiveStreamEventList: the push sessions overlapping [StartTime, EndTime], paged. */
export function describeStreamEvents(
  params: Params,
  pushes: readonly PushSession[],
  now: number,
): ApiOutcome<Record<string, unknown>> {
  if (params.StartTime === undefined)
    return apiError('MissingParameter', 'The request is missing a required parameter `StartTime`.');
  if (params.EndTime === undefined)
    return apiError('MissingParameter', 'The request is missing a required parameter `EndTime`.');
  const start = parseIsoSeconds(params.StartTime);
  const end = parseIsoSeconds(params.EndTime);
  if (start === null || end === null)
    return apiError('InvalidParameter', 'StartTime and EndTime must be UTC ISO times, e.g. 2018-12-29T19:00:00Z.');
  if (end > now) return apiError('InvalidParameter', 'EndTime cannot be later than the current time.');
  if (end < start) return apiError('InvalidParameter', 'EndTime must not be earlier than StartTime.');
  if (end - start > MAX_EVENT_SPAN_SECONDS)
    return apiError('InvalidParameter', 'StartTime and EndTime can be at most one month apart.');
  if (start < now - MAX_EVENT_AGE_SECONDS)
    return apiError('InvalidParameter', 'StartTime can be at most two months ago.');
  const pageNum = optionalCount(params, 'PageNum', 1);
  if (!pageNum.ok) return pageNum;
  const pageSize = optionalCount(params, 'PageSize', 10);
  if (!pageSize.ok) return pageSize;
  if (pageNum.value < 1) return apiError('InvalidParameterValue', 'PageNum must be at least 1.');
  if (pageSize.value < 1 || pageSize.value > MAX_EVENT_PAGE_SIZE)
    return apiError('InvalidParameterValue', `PageSize must be between 1 and ${MAX_EVENT_PAGE_SIZE}.`);
  for (const name of ['DomainName', 'AppName', 'StreamName'] as const) {
    if (params[name] !== undefined && typeof params[name] !== 'string')
      return apiError('InvalidParameterValue', `The value of parameter \`${name}\` must be a string.`);
  }
  const streamName = params.StreamName as string | undefined;
  const strict = params.IsStrict === 1;
  const matching = pushes
    .filter(
      (push) =>
        push.startTime <= end &&
        push.endTime >= start &&
        push.startTime <= now &&
        (params.DomainName === undefined || params.DomainName === '' || push.domain === params.DomainName) &&
        (params.AppName === undefined || params.AppName === '' || push.app === params.AppName) &&
        // StreamName is a fuzzy (substring) match unless IsStrict is 1.
        (streamName === undefined ||
          streamName === '' ||
          (strict ? push.stream === streamName : push.stream.includes(streamName))),
    )
    .sort((a, b) => (params.IsAsc === 1 ? a.startTime - b.startTime : b.startTime - a.startTime));
  const page = matching.slice((pageNum.value - 1) * pageSize.value, pageNum.value * pageSize.value);
  return apiOk({
    EventList: page.map((push) => {
      // A push still going on has no end yet: it is listed with the time so far.
      const endTime = Math.min(push.endTime, now);
      return {
        DomainName: push.domain,
        AppName: push.app,
        StreamName: push.stream,
        StreamStartTime: iso(push.startTime),
        StreamEndTime: iso(endTime),
        StopReason: push.endTime <= now ? 'ClientInitiatedDisconnect' : '',
        Duration: endTime - push.startTime,
        ClientIp: '203.0.113.7',
        Resolution: '1920*1080',
      };
    }),
    PageNum: pageNum.value,
    PageSize: pageSize.value,
    TotalNum: matching.length,
    TotalPage: Math.ceil(matching.length / pageSize.value),
  });
}
