// A loopback stand-in for live.tencentcloudapi.com (API 3.0, version 2018-08-01): verifies TC3 signatures
// with its own signer, validates parameters, keeps tasks in memory, limits the request rate and can be
// told to fail. Plain node:http so it starts in milliseconds for the sandbox and every integration test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { unixSeconds, type Clock } from '../../shared/clock.js';
import { apiError, apiOk, type ApiError, type ApiOutcome } from './api-error.js';
import { DEFAULT_DOMAINS } from './catalog.js';
import { DEMO_ACCOUNT } from './demo-account.js';
import { createTemplateCatalog } from './record-templates.js';
import { createFaultControl, isFaultMode, type FaultControl, type FaultMode } from './faults.js';
import { describeStreamEvents, searchMedia } from './media-actions.js';
import { createPushStore, type PushSession, type PushStore } from './push-store.js';
import { validateCreate, validateDescribe, validateStreamKey, validateTaskId } from './params.js';
import { createRateWindow } from './rate-window.js';
import { createTaskStore, type TaskStore } from './task-store.js';
import { parseAuthorization, sign, signaturesEqual, utcDate } from './tc3.js';

export { DEMO_ACCOUNT } from './demo-account.js';

export const API_VERSION = '2018-08-01';
/** VOD's API version (SearchMedia). */
export const VOD_API_VERSION = '2018-07-17';
/** The services this one server plays, told apart by the credential scope's service, with their API versions. */
const SERVICE_VERSIONS: Readonly<Record<string, string>> = { live: API_VERSION, vod: VOD_API_VERSION };
/** The platform rejects a timestamp more than this far from its own clock. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export interface SimulatorAccount {
  secretId: string;
  secretKey: string;
}

export interface SimulatorOptions {
  /** 0 or undefined: any free port. */
  port?: number;
  /** Listen address; loopback unless told otherwise. */
  host?: string;
  /** Accepted credentials; default the sandbox's DEMO_ACCOUNT. */
  accounts?: SimulatorAccount[];
  /** The platform's clock (epoch ms); tests skew it. Default the real clock. */
  clock?: Clock;
  /** Admitted requests per account in any 1-second window; default 20 like the platform. */
  rateLimitPerSecond?: number;
  /** DescribeRecordTask page size; small values exercise ScrollToken paging. Default 20. */
  describePageSize?: number;
  /** VOD's own limit per account in any 1-second window; default 100 like the platform. */
  vodRateLimitPerSecond?: number;
  /** Seconds after a recorded part of a push ends until VOD lists its file; default 0 (the platform: about 300). */
  filesReadyAfterSeconds?: number;
}

/** One API request as the simulator received it (for rate and retry assertions). */
export interface RequestRecord {
  /** Arrival, epoch ms by the simulator's clock. */
  atMs: number;
  action: string;
  /** Credential SecretId, when the Authorization header could be parsed. */
  secretId?: string;
  /** The error code answered, or undefined for success / transport faults. */
  errorCode?: string;
}

export type StreamState = 'active' | 'inactive' | 'forbid';

export interface Simulator {
  /** Base URL, e.g. `http://127.0.0.1:PORT`. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
  faults: FaultControl;
  /** The tasks it holds (read them in tests; `clear()` between cases). */
  tasks: TaskStore;
  /** Every API request received so far, oldest first. */
  requests(): RequestRecord[];
  /** Forgets the request log (between test cases); the rate window is unaffected. */
  clearRequests(): void;
  /** Sets what DescribeLiveStreamState reports for a stream (default inactive). */
  setStreamState(stream: { domainName: string; appName: string; streamName: string }, state: StreamState): void;
  /** Push sessions of streams: recording tasks overlapping them make files (SearchMedia) and events (DescribeLiveStreamEventList). */
  pushes: PushStore;
}

const streamId = (s: { domainName: string; appName: string; streamName: string }): string =>
  `${s.domainName}/${s.appName}/${s.streamName}`;

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function faultError(mode: FaultMode, nowSeconds: number): ApiError | undefined {
  switch (mode) {
    case 'unauthorized-operation':
      // What CAM answers for a key whose policies do not allow the action (a Live-only key calling VOD, say).
      return {
        code: 'AuthFailure.UnauthorizedOperation',
        message: 'The request is not authorized by CAM: the key has no permission for this operation.',
      };
    case 'vod-inactive':
      return { code: 'ResourceUnavailable.InvalidVodStatus', message: 'The VOD service has not been activated.' };
    case 'max-running':
      return {
        code: 'LimitExceeded.MaximumRunningTask',
        message: 'The current number of concurrent tasks exceeds the limit.',
      };
    case 'internal-error':
      return { code: 'InternalError', message: 'Internal error.' };
    case 'rate-limit':
      return { code: 'RequestLimitExceeded', message: 'Your current request frequency has reached the limit.' };
    case 'signature-expire':
      return expiredError(nowSeconds - 3600, nowSeconds);
    default:
      return undefined;
  }
}

function expiredError(timestamp: number, nowSeconds: number): ApiError {
  // The server time is part of the message so a client can tell the user how far off its clock is.
  return {
    code: 'AuthFailure.SignatureExpire',
    message: `Signature expired: the request timestamp ${timestamp} differs from the server time ${nowSeconds} (${new Date(nowSeconds * 1000).toISOString()}) by more than ${MAX_CLOCK_SKEW_SECONDS} seconds.`,
  };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock ?? Date.now;
  const accounts = new Map(
    (options.accounts ?? [DEMO_ACCOUNT]).map((account) => [account.secretId, account.secretKey]),
  );
  const rateWindow = createRateWindow(options.rateLimitPerSecond ?? 20);
  const templates = createTemplateCatalog();
  // VOD counts its own requests: a burst of SearchMedia pages does not use up Live's 20/s.
  const vodRateWindow = createRateWindow(options.vodRateLimitPerSecond ?? 100);
  const pushes = createPushStore(options.filesReadyAfterSeconds ?? 0);
  const tasks = createTaskStore(options.describePageSize ?? 20);
  const faults = createFaultControl();
  const streamStates = new Map<string, StreamState>();
  const log: RequestRecord[] = [];
  const sockets = new Set<Socket>();

  function send(response: ServerResponse, status: number, body: string, contentType: string): void {
    response.writeHead(status, {
      'Content-Type': contentType,
      'Content-Length': Buffer.byteLength(body),
      // The simulator's clock, not the host's: a skewed simulator must show a skewed Date like a real server would.
      Date: new Date(clock()).toUTCString(),
    });
    response.end(body);
  }

  function sendApi(response: ServerResponse, outcome: ApiOutcome<Record<string, unknown>>): void {
    const requestId = randomUUID();
    const payload = outcome.ok
      ? { Response: { ...outcome.value, RequestId: requestId } }
      : { Response: { Error: { Code: outcome.error.code, Message: outcome.error.message }, RequestId: requestId } };
    // Tencent answers API errors with HTTP 200, the error being in the body.
    send(response, 200, JSON.stringify(payload), 'application/json');
  }

  function authenticate(
    request: IncomingMessage,
    body: Buffer,
    nowSeconds: number,
  ): ApiOutcome<{ secretId: string; service: string }> {
    const auth = parseAuthorization(header(request, 'authorization'));
    if (auth === null)
      return apiError('AuthFailure.InvalidAuthorization', 'The Authorization header is missing or malformed.');
    const secretKey = accounts.get(auth.secretId);
    if (secretKey === undefined)
      return apiError(
        'AuthFailure.SecretIdNotFound',
        'The SecretId is not found, please ensure that your SecretId is correct.',
      );
    const timestampText = header(request, 'x-tc-timestamp') ?? '';
    if (!/^\d+$/.test(timestampText))
      return apiError('AuthFailure.InvalidAuthorization', 'X-TC-Timestamp is missing or not a Unix timestamp.');
    const timestamp = Number(timestampText);
    if (Math.abs(timestamp - nowSeconds) > MAX_CLOCK_SKEW_SECONDS)
      return { ok: false, error: expiredError(timestamp, nowSeconds) };
    if (SERVICE_VERSIONS[auth.service] === undefined)
      return apiError(
        'AuthFailure.SignatureFailure',
        `The credential scope service is \`${auth.service}\`, expected \`live\` or \`vod\`.`,
      );
    if (auth.date !== utcDate(timestamp))
      return apiError(
        'AuthFailure.SignatureFailure',
        'The credential scope date does not match the UTC date of X-TC-Timestamp.',
      );
    if (!auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('content-type')) {
      return apiError('AuthFailure.SignatureFailure', 'SignedHeaders must include content-type and host.');
    }
    // Each service has its own host (live.tencentcloudapi.com, vod.tencentcloudapi.com): the signed Host must name it.
    const signedHost = (header(request, 'host') ?? '').replace(/:\d+$/, '');
    if (signedHost.split('.')[0] !== auth.service) {
      return apiError(
        'AuthFailure.SignatureFailure',
        `The Host \`${signedHost}\` is not the host of the service \`${auth.service}\` (e.g. ${auth.service}.tencentcloudapi.com).`,
      );
    }
    const headers = auth.signedHeaders.map((name): [string, string] => {
      // The SDK signs the host name without the port but sends `Host: name:PORT`; sign what it signed.
      const value =
        name === 'host' ? (header(request, 'host') ?? '').replace(/:\d+$/, '') : (header(request, name) ?? '');
      return [name, value];
    });
    const url = new URL(request.url ?? '/', 'http://simulator');
    const expected = sign(secretKey, timestamp, auth.service, {
      method: request.method ?? 'POST',
      path: url.pathname,
      query: url.search.slice(1),
      headers,
      payload: body,
    });
    if (!signaturesEqual(expected, auth.signature))
      return apiError(
        'AuthFailure.SignatureFailure',
        'The provided credentials could not be validated. Please check your signature is correct.',
      );
    return apiOk({ secretId: auth.secretId, service: auth.service });
  }

  function executeVod(
    action: string,
    secretId: string,
    params: Record<string, unknown>,
    nowSeconds: number,
  ): ApiOutcome<Record<string, unknown>> {
    switch (action) {
      case 'SearchMedia':
        return searchMedia(
          params,
          pushes
            .media(
              tasks.list().filter((task) => task.secretId === secretId),
              nowSeconds,
            )
            .filter((file) => file.secretId === secretId),
        );
      default:
        return apiError('InvalidAction', `The action \`${action}\` does not exist.`);
    }
  }

  function execute(
    action: string,
    secretId: string,
    params: Record<string, unknown>,
    nowSeconds: number,
  ): ApiOutcome<Record<string, unknown>> {
    switch (action) {
      case 'CreateRecordTask': {
        const valid = validateCreate(params, nowSeconds);
        if (!valid.ok) return valid;
        return apiOk({ TaskId: tasks.create(secretId, valid.value, nowSeconds).taskId });
      }
      case 'StopRecordTask':
      case 'DeleteRecordTask': {
        const taskId = validateTaskId(params);
        if (!taskId.ok) return taskId;
        const done =
          action === 'StopRecordTask' ? tasks.stop(secretId, taskId.value) : tasks.delete(secretId, taskId.value);
        return done ? apiOk({}) : apiError('ResourceNotFound.TaskId', 'The TaskId does not exist.');
      }
      case 'DescribeRecordTask': {
        const valid = validateDescribe(params, nowSeconds);
        if (!valid.ok) return valid;
        const page = tasks.describe(secretId, valid.value);
        if (page === null) return apiError('InvalidParameterValue', 'The ScrollToken is invalid or expired.');
        const taskList = page.tasks.map((task) => ({
          TaskId: task.taskId,
          DomainName: task.domainName,
          AppName: task.appName,
          StreamName: task.streamName,
          StartTime: task.startTime,
          EndTime: task.endTime,
          TemplateId: task.templateId ?? 0,
          Stopped: task.stopped ? 1 : 0,
        }));
        return apiOk(
          page.scrollToken === undefined
            ? { TaskList: taskList }
            : { TaskList: taskList, ScrollToken: page.scrollToken },
        );
      }
      case 'DescribeLiveRecordTemplates':
        return apiOk({ Templates: templates.list() });
      case 'CreateLiveRecordTemplate':
        return templates.create(params);
      case 'DescribeLiveDomains':
        return apiOk({ AllCount: DEFAULT_DOMAINS.length, DomainList: DEFAULT_DOMAINS, CreateLimitCount: 100 });
      case 'DescribeLiveStreamEventList':
        return describeStreamEvents(params, pushes.list(), nowSeconds);
      case 'DescribeLiveStreamState': {
        const stream = validateStreamKey(params);
        if (!stream.ok) return stream;
        return apiOk({ StreamState: streamStates.get(streamId(stream.value)) ?? 'inactive' });
      }
      default:
        return apiError('InvalidAction', `The action \`${action}\` does not exist.`);
    }
  }

  async function handleControl(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const json = (status: number, value: unknown): void =>
      send(response, status, JSON.stringify(value), 'application/json');
    if (path === '/__simulator/faults' && request.method === 'DELETE') {
      faults.clear();
      return json(200, { ok: true });
    }
    if (path === '/__simulator/faults' && request.method === 'POST') {
      let body: { mode?: unknown; times?: unknown; action?: unknown };
      try {
        body = JSON.parse((await readBody(request)).toString('utf8')) as typeof body;
      } catch {
        return json(400, { error: 'body must be JSON {mode, times?, action?}' });
      }
      if (!isFaultMode(body.mode)) return json(400, { error: 'unknown fault mode' });
      if (
        body.times !== undefined &&
        (typeof body.times !== 'number' || !Number.isInteger(body.times) || body.times < 1)
      ) {
        return json(400, { error: 'times must be a positive integer' });
      }
      if (body.action !== undefined && typeof body.action !== 'string')
        return json(400, { error: 'action must be a string' });
      faults.inject(body.mode, {
        ...(typeof body.times === 'number' ? { times: body.times } : {}),
        ...(typeof body.action === 'string' ? { action: body.action } : {}),
      });
      return json(200, { ok: true, pending: faults.pending() });
    }
    if (path === '/__simulator/tasks' && request.method === 'GET') return json(200, { tasks: tasks.list() });
    if (path === '/__simulator/push' && request.method === 'POST') {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse((await readBody(request)).toString('utf8')) as Record<string, unknown>;
      } catch {
        return json(400, { error: 'body must be JSON {domain, app, stream, startTime?, endTime | durationSeconds}' });
      }
      const push = parsePush(body, unixSeconds(clock));
      if (typeof push === 'string') return json(400, { error: push });
      return json(200, { ok: true, push: pushes.add(push) });
    }
    if (path === '/__simulator/pushes' && request.method === 'GET') return json(200, { pushes: pushes.list() });
    if (path === '/__simulator/pushes' && request.method === 'DELETE') {
      pushes.clear();
      return json(200, { ok: true });
    }
    if (path === '/__simulator/requests' && request.method === 'GET') return json(200, { requests: log });
    return json(404, { error: 'unknown simulator control path' });
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const nowMs = clock();
    const nowSeconds = Math.floor(nowMs / 1000);
    const action = header(request, 'x-tc-action') ?? '';
    const record: RequestRecord = { atMs: nowMs, action };
    const secretId = parseAuthorization(header(request, 'authorization'))?.secretId;
    if (secretId !== undefined) record.secretId = secretId;
    log.push(record);
    const answer = (outcome: ApiOutcome<Record<string, unknown>>): void => {
      if (!outcome.ok) record.errorCode = outcome.error.code;
      sendApi(response, outcome);
    };

    const fault = faults.take(action);
    switch (fault) {
      case 'http-502':
        return send(response, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html');
      case 'non-json':
        return send(response, 200, '<html><body>Service temporarily unavailable</body></html>', 'text/html');
      case 'hang':
        return; // Never answer: the socket stays open until the client gives up or the simulator closes.
      case 'reset':
        request.socket.destroy();
        return;
      default: {
        const error = fault === undefined ? undefined : faultError(fault, nowSeconds);
        if (error !== undefined) return answer({ ok: false, error });
      }
    }

    if (request.method !== 'POST')
      return answer(apiError('UnsupportedProtocol', 'Only POST is supported by this simulator.'));
    // The credential scope names the service (live or vod); each has its own API version.
    const scopeService = parseAuthorization(header(request, 'authorization'))?.service ?? 'live';
    const expectedVersion = SERVICE_VERSIONS[scopeService] ?? API_VERSION;
    const version = header(request, 'x-tc-version');
    if (version !== expectedVersion)
      return answer(
        apiError('NoSuchVersion', `The API version \`${version ?? ''}\` does not exist; use ${expectedVersion}.`),
      );
    const auth = authenticate(request, body, nowSeconds);
    if (!auth.ok) return answer(auth);
    const { secretId: account, service } = auth.value;
    if (!(service === 'vod' ? vodRateWindow : rateWindow).admit(account, nowMs)) {
      return answer(apiError('RequestLimitExceeded', 'Your current request frequency has reached the limit.'));
    }
    let params: unknown;
    try {
      params = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return answer(apiError('InvalidParameter', 'The request body is not valid JSON.'));
    }
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      return answer(apiError('InvalidParameter', 'The request body must be a JSON object.'));
    }
    const outcome =
      service === 'vod'
        ? executeVod(action, account, params as Record<string, unknown>, nowSeconds)
        : execute(action, account, params as Record<string, unknown>, nowSeconds);
    if (fault === 'create-then-hang') return; // The task exists; the answer is lost.
    if (fault === 'create-then-reset') {
      request.socket.destroy();
      return;
    }
    answer(outcome);
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://simulator').pathname;
    const handler = path.startsWith('/__simulator/')
      ? handleControl(request, response, path)
      : handleApi(request, response);
    handler.catch(() => {
      if (!response.headersSent) send(response, 500, 'simulator error', 'text/plain');
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator: no TCP address');
  const port = address.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    endpoint: `http://${urlHost}:${port}`,
    port,
    faults,
    tasks,
    requests: () => log.map((entry) => ({ ...entry })),
    clearRequests() {
      log.length = 0;
    },
    setStreamState(stream, state) {
      streamStates.set(streamId(stream), state);
    },
    pushes,
    close() {
      return new Promise<void>((resolve) => {
        // Hanging requests keep their sockets open on purpose; end them so close() returns promptly.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}

/** A push from the control route's body: `startTime` defaults to now; `endTime` or `durationSeconds`. An Error text when invalid. */
export function parsePush(body: Record<string, unknown>, nowSeconds: number): PushSession | string {
  for (const name of ['domain', 'app', 'stream'] as const) {
    if (typeof body[name] !== 'string' || (body[name] as string).trim() === '')
      return `${name} must be a non-empty string`;
  }
  const isSeconds = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0;
  if (body.startTime !== undefined && !isSeconds(body.startTime)) return 'startTime must be Unix seconds';
  const startTime = (body.startTime as number | undefined) ?? nowSeconds;
  let endTime: number;
  if (isSeconds(body.endTime)) endTime = body.endTime;
  else if (body.endTime === undefined && isSeconds(body.durationSeconds)) endTime = startTime + body.durationSeconds;
  else return 'give endTime (Unix seconds) or durationSeconds';
  if (endTime <= startTime) return 'endTime must be later than startTime';
  return { domain: body.domain as string, app: body.app as string, stream: body.stream as string, startTime, endTime };
}
