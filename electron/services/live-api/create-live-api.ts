// The Live API client: the SDK behind a rate limit, with every outcome (API error, HTTP error, garbage,
// network failure, lost answer) returned as a Result and rate-limit rejections retried after a back-off.
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import type { RecordRequest, StreamKey } from '../../../shared/domain.js';
import type { CreatedTask, LiveDomain, RecordTemplate, RemoteTask, StreamState } from '../../../shared/live-types.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { resolveEndpoint } from './endpoint.js';
import type { ProxyFor } from './proxy.js';
import type { Credentials, DescribeTasksQuery, LiveApi } from './live-api.js';
import { toCreateRecordTaskParams } from '../../../shared/rules/api-params.js';
import {
  describeWindows,
  toCreateTemplateParams,
  toLiveDomain,
  toRecordTemplate,
  toRemoteTask,
  toStreamState,
} from './mapping.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import type { LiveSdkClient } from './sdk-client.js';
import { createLiveCall, MAX_RATE_LIMIT_RETRIES, type LiveCall } from './live-call.js';
import { trackServerDate } from './server-date.js';

export interface LiveApiOptions {
  credentials: Credentials;
  /** API region, e.g. `ap-guangzhou`. */
  region: string;
  /** Default `live.tencentcloudapi.com`; also `live.intl.tencentcloudapi.com`, any host, or `http://127.0.0.1:PORT`. */
  endpoint?: string;
  /** The HTTP proxy for a URL ('' for none); default none. Loopback endpoints never use one. */
  proxyFor?: ProxyFor;
  clock: Clock;
  /** Per-request timeout; default 20 s. */
  timeoutMs?: number;
  /** Share one limiter across every client of a process; default a private 20/s limiter. */
  rateLimiter?: RateLimiter;
  sleep?: (ms: number) => Promise<void>;
  /** Retries after RequestLimitExceeded; default 5. */
  maxRateLimitRetries?: number;
  /** Jitter source in [0, 1); default Math.random. */
  random?: () => number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** DescribeRecordTask rejects windows starting more than 90 days ago; tasks expire then anyway. */
const MAX_DESCRIBE_AGE_SECONDS = 90 * 86_400 - 60;
/** Upper bound on ScrollToken pages per window, so a misbehaving server cannot loop us forever. */
const MAX_PAGES = 1000;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function requestIdOf(response: { RequestId?: string }): string {
  return response.RequestId ?? '';
}

/** Every ScrollToken page of one DescribeRecordTask window, each task keyed by its TaskId into `into`. */
async function describeWindowPages(
  call: LiveCall,
  loadSdk: () => Promise<LiveSdkClient>,
  window: { startTime: number; endTime: number },
  query: DescribeTasksQuery,
  into: Map<string, RemoteTask>,
): Promise<Result<void>> {
  let scrollToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await call('DescribeRecordTask', async () =>
      (await loadSdk()).DescribeRecordTask({
        StartTime: window.startTime,
        EndTime: window.endTime,
        ...(query.domainName === undefined ? {} : { DomainName: query.domainName }),
        ...(query.appName === undefined ? {} : { AppName: query.appName }),
        ...(query.streamName === undefined ? {} : { StreamName: query.streamName }),
        ...(scrollToken === undefined ? {} : { ScrollToken: scrollToken }),
      }),
    );
    if (!response.ok) return response;
    for (const entry of response.value.TaskList ?? []) {
      const task = toRemoteTask(entry);
      // Adjacent windows share their boundary second: key by TaskId so a task is listed once.
      if (task !== null) into.set(task.taskId, task);
    }
    scrollToken = response.value.ScrollToken;
    if (scrollToken === undefined || scrollToken === '') return ok(undefined);
  }
  return err(
    LocalErrorCode.InvalidResponse,
    `DescribeRecordTask returned more than ${MAX_PAGES} pages; stopped following ScrollToken.`,
  );
}

export function createLiveApi(options: LiveApiOptions): LiveApi {
  // The tunnel through a proxy gets the same deadline as a call: node-fetch's own starts only once it is open.
  const endpoint = resolveEndpoint(
    options.endpoint,
    options.proxyFor && { proxyFor: options.proxyFor, tunnelDeadlineMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
  );
  trackServerDate(endpoint.agent);
  // The SDK is loaded on the first call, not at start-up: commands that never call the API (history,
  // profile list, --help) do not pay its ~170 ms load.
  let sdkClient: Promise<LiveSdkClient> | undefined;
  const loadSdk = (): Promise<LiveSdkClient> =>
    (sdkClient ??= import('./sdk-client.js').then(({ createSdkClient }) =>
      createSdkClient({
        credentials: options.credentials,
        region: options.region,
        endpoint,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      }),
    ));
  const sleep = options.sleep ?? realSleep;
  const limiter = options.rateLimiter ?? createRateLimiter({ perSecond: 20, clock: options.clock, sleep });

  const call = createLiveCall({
    endpoint,
    loadSdk,
    limiter,
    clock: options.clock,
    sleep,
    random: options.random ?? Math.random,
    maxRetries: options.maxRateLimitRetries ?? MAX_RATE_LIMIT_RETRIES,
  });

  return {
    prepare() {
      // A load failure is reported by the call that needs the SDK, mapped like any error.
      loadSdk().catch(() => undefined);
    },

    async createRecordTask(request: RecordRequest): Promise<Result<CreatedTask>> {
      const response = await call('CreateRecordTask', async () =>
        (await loadSdk()).CreateRecordTask(toCreateRecordTaskParams(request)),
      );
      if (!response.ok) return response;
      const taskId = response.value.TaskId;
      if (taskId === undefined || taskId === '') {
        // The platform said "success" without an id: the task may exist, and only sync can tell.
        return err(
          LocalErrorCode.UnknownOutcome,
          'CreateRecordTask succeeded without a TaskId; the task may exist. Run `taper sync` to check.',
          requestIdOf(response.value),
        );
      }
      return ok({ taskId, requestId: requestIdOf(response.value) });
    },

    async stopRecordTask(taskId: string): Promise<Result<{ requestId: string }>> {
      const response = await call('StopRecordTask', async () => (await loadSdk()).StopRecordTask({ TaskId: taskId }));
      return response.ok ? ok({ requestId: requestIdOf(response.value) }) : response;
    },

    async deleteRecordTask(taskId: string): Promise<Result<{ requestId: string }>> {
      const response = await call('DeleteRecordTask', async () =>
        (await loadSdk()).DeleteRecordTask({ TaskId: taskId }),
      );
      return response.ok ? ok({ requestId: requestIdOf(response.value) }) : response;
    },

    async describeRecordTasks(query: DescribeTasksQuery): Promise<Result<RemoteTask[]>> {
      const oldest = unixSeconds(options.clock) - MAX_DESCRIBE_AGE_SECONDS;
      const startTime = Math.max(query.startTime, oldest);
      const tasks = new Map<string, RemoteTask>();
      for (const window of describeWindows(startTime, query.endTime)) {
        const done = await describeWindowPages(call, loadSdk, window, query, tasks);
        if (!done.ok) return done;
      }
      return ok([...tasks.values()].sort((a, b) => a.startTime - b.startTime));
    },

    async describeRecordTemplates(): Promise<Result<RecordTemplate[]>> {
      const response = await call('DescribeLiveRecordTemplates', async () =>
        (await loadSdk()).DescribeLiveRecordTemplates({}),
      );
      if (!response.ok) return response;
      return ok((response.value.Templates ?? []).map(toRecordTemplate).filter((t): t is RecordTemplate => t !== null));
    },

    async createRecordTemplate(template) {
      const response = await call('CreateLiveRecordTemplate', async () =>
        (await loadSdk()).CreateLiveRecordTemplate(toCreateTemplateParams(template)),
      );
      if (!response.ok) return response;
      return ok({ templateId: Number(response.value.TemplateId), requestId: String(response.value.RequestId ?? '') });
    },

    async describeStreamState(stream: StreamKey): Promise<Result<StreamState>> {
      const response = await call('DescribeLiveStreamState', async () =>
        (await loadSdk()).DescribeLiveStreamState({
          DomainName: stream.domainName,
          AppName: stream.appName,
          StreamName: stream.streamName,
        }),
      );
      if (!response.ok) return response;
      const state = toStreamState(response.value.StreamState);
      return state === null
        ? err(
            LocalErrorCode.InvalidResponse,
            `DescribeLiveStreamState returned an unknown state: ${String(response.value.StreamState)}`,
            requestIdOf(response.value),
          )
        : ok(state);
    },

    async describeDomains(): Promise<Result<LiveDomain[]>> {
      const response = await call('DescribeLiveDomains', async () => (await loadSdk()).DescribeLiveDomains({}));
      if (!response.ok) return response;
      return ok((response.value.DomainList ?? []).map(toLiveDomain).filter((d): d is LiveDomain => d !== null));
    },
  };
}
