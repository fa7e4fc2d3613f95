// What a recording left behind: its files (VOD SearchMedia) and the stream's pushes (Live DescribeLiveStreamEventList),
// through the SDK with the same endpoint rewriting, agent and error mapping as the Live client. VOD has its own rate
// limit (100/s), so its limiter is separate from Live's 20/s.
import type { Clock } from '../../../shared/clock.js';
import { unixSeconds } from '../../../shared/clock.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { RecordingFile, TimeSpan } from '../../../shared/recordings/outcome.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { resolveServiceEndpoint, type ResolvedEndpoint } from '../live-api/endpoint.js';
import { classifySdkError, isRateLimited, toAppError, type LiveAction } from '../live-api/error-mapping.js';
import type { Credentials } from '../live-api/live-api.js';
import type { ProxyFor } from '../live-api/proxy.js';
import { isoSeconds } from '../../../shared/time/duration.js';
import { createRateLimiter, type RateLimiter } from '../live-api/rate-limiter.js';

/** The platform allows VOD 100 requests/s per account (Live: 20/s). */
export const VOD_REQUESTS_PER_SECOND = 100;
/** SearchMedia page size; the platform stops paging at 5,000 results (Offset + Limit). */
export const SEARCH_PAGE_SIZE = 100;
export const MAX_SEARCH_RESULTS = 5000;
/** Files are looked for until this long after the window's end (CreateTime.Before): they are listed ~5 min after. */
export const FILES_SEARCH_AFTER_END_SECONDS = 86_400;
/** A file's recorded times may stray this far outside the task's window (the platform rounds to its segments). */
export const RECORD_TIME_SLACK_SECONDS = 60;
/** DescribeLiveStreamEventList: at most a month per query, at most two months back, 100 per page. */
const EVENT_SPAN_SECONDS = 30 * 86_400;
const EVENT_MAX_AGE_SECONDS = 60 * 86_400 - 3600;
const EVENT_PAGE_SIZE = 100;
/** A push that started this long before the window still counts (it may run into it). */
const EVENT_LOOKBACK_SECONDS = 86_400;
const MAX_PAGES = 1000;
const DEFAULT_TIMEOUT_MS = 20_000;
const BACKOFF_MS = [250, 500, 1000] as const;

/** The stream and window of one recording (a chain: its whole span). */
export interface RecordingQuery {
  domain: string;
  app: string;
  stream: string;
  /** Unix seconds. */
  startTime: number;
  endTime: number;
}

export interface RecordingFilesApi {
  /** SearchMedia for the stream's Record files, every page, kept when they belong to the window; oldest first. */
  searchFiles(query: RecordingQuery): Promise<Result<RecordingFile[]>>;
  /** DescribeLiveStreamEventList (IsStrict 1), every page: the pushes overlapping the window, oldest first. */
  describePushes(query: RecordingQuery): Promise<Result<TimeSpan[]>>;
}

export interface RecordingFilesApiOptions {
  credentials: Credentials;
  region: string;
  /** Taper's endpoint setting (TAPER_ENDPOINT or the profile's): the Live host; VOD is reached beside it. */
  endpoint?: string;
  proxyFor?: ProxyFor;
  clock: Clock;
  timeoutMs?: number;
  /** Default a private VOD limiter at 100/s. */
  vodRateLimiter?: RateLimiter;
  /** Default a private Live limiter at 20/s; pass the process's shared one when there is one. */
  liveRateLimiter?: RateLimiter;
  sleep?: (ms: number) => Promise<void>;
}

function parseIso(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

interface MediaInfoLike {
  FileId?: string;
  BasicInfo?: {
    CreateTime?: string;
    MediaUrl?: string;
    SourceInfo?: {
      LiveRecordInfo?: {
        Domain?: string;
        Path?: string;
        StreamId?: string;
        RecordStartTime?: string;
        RecordEndTime?: string;
      };
    };
  };
  MetaData?: { Duration?: number; Size?: number };
}

/** A media entry as a file of `query`'s window, or null when it is another stream's or outside the window. */
export function toRecordingFile(media: MediaInfoLike, query: RecordingQuery): RecordingFile | null {
  const info = media.BasicInfo?.SourceInfo?.LiveRecordInfo;
  if (info === undefined || media.FileId === undefined) return null;
  if (
    (info.Domain ?? '').toLowerCase() !== query.domain.toLowerCase() ||
    info.Path !== query.app ||
    info.StreamId !== query.stream
  )
    return null;
  const startTime = parseIso(info.RecordStartTime);
  const endTime = parseIso(info.RecordEndTime);
  if (startTime === null || endTime === null || endTime < startTime) return null;
  if (startTime < query.startTime - RECORD_TIME_SLACK_SECONDS || endTime > query.endTime + RECORD_TIME_SLACK_SECONDS)
    return null;
  return {
    fileId: media.FileId,
    url: media.BasicInfo?.MediaUrl ?? '',
    startTime,
    endTime,
    durationSeconds: media.MetaData?.Duration ?? endTime - startTime,
    sizeBytes: media.MetaData?.Size ?? 0,
  };
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One read-only call through its limiter, tried again after a backoff when rate limited: a rate-limited call was not
 * executed, and even a repeated one changes nothing.
 */
async function callReadOnly<T>(
  sleep: (ms: number) => Promise<void>,
  action: LiveAction,
  endpoint: ResolvedEndpoint,
  limiter: RateLimiter,
  invoke: () => Promise<T>,
): Promise<Result<T>> {
  if (endpoint.unusable !== undefined) return { ok: false, error: endpoint.unusable };
  for (let attempt = 0; ; attempt += 1) {
    const answered = await limiter.acquire();
    const outcome = await invoke().then(
      (value) => ({ ok: true as const, value }),
      (thrown: unknown) => ({ ok: false as const, thrown }),
    );
    answered();
    if (outcome.ok) return ok(outcome.value);
    const error = toAppError(classifySdkError(outcome.thrown), action, endpoint.displayHost);
    if (isRateLimited(error) && attempt < BACKOFF_MS.length) {
      await sleep(BACKOFF_MS[attempt] ?? 1000);
      continue;
    }
    return { ok: false, error };
  }
}

export function createRecordingFilesApi(options: RecordingFilesApiOptions): RecordingFilesApi {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const proxy = options.proxyFor && { proxyFor: options.proxyFor, tunnelDeadlineMs: timeoutMs };
  const vodEndpoint = resolveServiceEndpoint('vod', options.endpoint, proxy);
  const liveEndpoint = resolveServiceEndpoint('live', options.endpoint, proxy);
  const sleep = options.sleep ?? realSleep;
  const vodLimiter =
    options.vodRateLimiter ?? createRateLimiter({ perSecond: VOD_REQUESTS_PER_SECOND, clock: options.clock, sleep });
  const liveLimiter = options.liveRateLimiter ?? createRateLimiter({ perSecond: 20, clock: options.clock, sleep });
  const sdkOptions = (endpoint: ResolvedEndpoint) => ({
    credentials: options.credentials,
    region: options.region,
    endpoint,
    timeoutMs,
  });
  let vod: Promise<import('./sdk-clients.js').VodSdkClient> | undefined;
  let live: Promise<import('../live-api/sdk-client.js').LiveSdkClient> | undefined;
  const loadVod = () =>
    (vod ??= import('./sdk-clients.js').then(({ createVodSdkClient }) => createVodSdkClient(sdkOptions(vodEndpoint))));
  const loadLive = () =>
    (live ??= import('../live-api/sdk-client.js').then(({ createSdkClient }) =>
      createSdkClient(sdkOptions(liveEndpoint)),
    ));

  const call = <T>(action: LiveAction, endpoint: ResolvedEndpoint, limiter: RateLimiter, invoke: () => Promise<T>) =>
    callReadOnly(sleep, action, endpoint, limiter, invoke);

  return {
    async searchFiles(query) {
      const files = new Map<string, RecordingFile>();
      let after = query.startTime;
      const before = query.endTime + FILES_SEARCH_AFTER_END_SECONDS;
      let offset = 0;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const response = await call('SearchMedia', vodEndpoint, vodLimiter, async () =>
          (await loadVod()).SearchMedia({
            StreamIds: [query.stream],
            SourceTypes: ['Record'],
            CreateTime: { After: isoSeconds(after), Before: isoSeconds(before) },
            Sort: { Field: 'CreateTime', Order: 'Asc' },
            Offset: offset,
            Limit: SEARCH_PAGE_SIZE,
          }),
        );
        if (!response.ok) return response;
        const set = response.value.MediaInfoSet ?? [];
        for (const media of set) {
          const file = toRecordingFile(media, query);
          if (file !== null) files.set(file.fileId, file);
        }
        if (set.length < SEARCH_PAGE_SIZE) return ok([...files.values()].sort((a, b) => a.startTime - b.startTime));
        offset += SEARCH_PAGE_SIZE;
        if (offset + SEARCH_PAGE_SIZE > MAX_SEARCH_RESULTS) {
          // No paging past 5,000 results: search again from the newest CreateTime seen (inclusive; FileIds dedupe).
          const newest = parseIso(set.at(-1)?.BasicInfo?.CreateTime);
          if (newest === null || newest <= after) {
            return err(
              LocalErrorCode.InvalidResponse,
              `SearchMedia listed more than ${MAX_SEARCH_RESULTS} files created in the same second; the list is incomplete.`,
            );
          }
          after = newest;
          offset = 0;
        }
      }
      return err(LocalErrorCode.InvalidResponse, `SearchMedia returned more than ${MAX_PAGES} pages; stopped.`);
    },

    async describePushes(query) {
      const now = unixSeconds(options.clock);
      const from = Math.max(query.startTime - EVENT_LOOKBACK_SECONDS, now - EVENT_MAX_AGE_SECONDS);
      const until = Math.min(query.endTime, now);
      const pushes: TimeSpan[] = [];
      for (let spanStart = from; spanStart < until; spanStart += EVENT_SPAN_SECONDS) {
        const spanEnd = Math.min(spanStart + EVENT_SPAN_SECONDS, until);
        for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum += 1) {
          const response = await call('DescribeLiveStreamEventList', liveEndpoint, liveLimiter, async () =>
            (await loadLive()).DescribeLiveStreamEventList({
              StartTime: isoSeconds(spanStart),
              EndTime: isoSeconds(spanEnd),
              DomainName: query.domain,
              AppName: query.app,
              StreamName: query.stream,
              IsStrict: 1,
              PageNum: pageNum,
              PageSize: EVENT_PAGE_SIZE,
            }),
          );
          if (!response.ok) return response;
          for (const event of response.value.EventList ?? []) {
            if (event.StreamName !== undefined && event.StreamName !== query.stream) continue;
            const startTime = parseIso(event.StreamStartTime);
            const endTime = parseIso(event.StreamEndTime);
            if (startTime === null || endTime === null || endTime < startTime) continue;
            if (endTime <= query.startTime || startTime >= query.endTime) continue;
            pushes.push({ startTime, endTime });
          }
          if (pageNum >= (response.value.TotalPage ?? 1) || (response.value.EventList ?? []).length < EVENT_PAGE_SIZE)
            break;
        }
      }
      // Adjacent query spans can list one push twice.
      const unique = new Map(pushes.map((push) => [`${push.startTime}-${push.endTime}`, push]));
      return ok([...unique.values()].sort((a, b) => a.startTime - b.startTime));
    },
  };
}
