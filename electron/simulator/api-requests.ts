// One API request from arrival to answer, in the platform's order: logged, then an injected fault, the method and
// API version, the TC3 signature, the account's rate window, the JSON body, and only then the action.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../shared/clock.js';
import { apiError, type ApiOutcome } from './api-error.js';
import type { ApiActions } from './api-actions.js';
import { API_VERSION, SERVICE_VERSIONS } from './api-versions.js';
import { faultError } from './fault-answers.js';
import type { FaultControl, FaultMode } from './faults.js';
import type { RateWindow } from './rate-window.js';
import { header, readBody } from './request-reading.js';
import type { SimulatorResponder } from './responses.js';
import { authenticate } from './signature-check.js';
import { parseAuthorization } from './tc3.js';

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

export interface ApiRequestContext {
  clock: Clock;
  /** SecretId → SecretKey of the accepted credentials. */
  accounts: ReadonlyMap<string, string>;
  faults: FaultControl;
  /** Live's rate window and VOD's own. */
  rateWindows: { live: RateWindow; vod: RateWindow };
  actions: ApiActions;
  /** The request log, appended to. */
  log: RequestRecord[];
  respond: SimulatorResponder;
}

type Answer = ApiOutcome<Record<string, unknown>>;

/**
 * A transport fault acted out (a 502 page, HTML where JSON belongs, no answer, a reset); true when one was, so the
 * request goes no further.
 */
function actTransportFault(
  fault: FaultMode | undefined,
  request: IncomingMessage,
  response: ServerResponse,
  respond: SimulatorResponder,
): boolean {
  switch (fault) {
    case 'http-502':
      respond.send(response, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html');
      return true;
    case 'non-json':
      respond.send(response, 200, '<html><body>Service temporarily unavailable</body></html>', 'text/html');
      return true;
    case 'hang':
      return true; // Never answer: the socket stays open until the client gives up or the simulator closes.
    case 'reset':
      request.socket.destroy();
      return true;
    default:
      return false;
  }
}

/** The request's parameters: an empty body is `{}`; anything but a JSON object is InvalidParameter. */
function parseParams(body: Buffer): ApiOutcome<Record<string, unknown>> {
  let params: unknown;
  try {
    params = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return apiError('InvalidParameter', 'The request body is not valid JSON.');
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return apiError('InvalidParameter', 'The request body must be a JSON object.');
  }
  return { ok: true, value: params as Record<string, unknown> };
}

/** A request that passed every check, ready for its action. */
interface AdmittedRequest {
  account: string;
  service: string;
  params: Record<string, unknown>;
}

/** The method, version, signature, rate and body checks, in the platform's order; the first refusal is the answer. */
function admitRequest(
  context: ApiRequestContext,
  request: IncomingMessage,
  body: Buffer,
  nowMs: number,
): ApiOutcome<AdmittedRequest> {
  if (request.method !== 'POST') return apiError('UnsupportedProtocol', 'Only POST is supported by this simulator.');
  // The credential scope names the service (live or vod); each has its own API version.
  const scopeService = parseAuthorization(header(request, 'authorization'))?.service ?? 'live';
  const expectedVersion = SERVICE_VERSIONS[scopeService] ?? API_VERSION;
  const version = header(request, 'x-tc-version');
  if (version !== expectedVersion)
    return apiError('NoSuchVersion', `The API version \`${version ?? ''}\` does not exist; use ${expectedVersion}.`);
  const auth = authenticate(context.accounts, request, body, Math.floor(nowMs / 1000));
  if (!auth.ok) return auth;
  const { secretId: account, service } = auth.value;
  if (!(service === 'vod' ? context.rateWindows.vod : context.rateWindows.live).admit(account, nowMs)) {
    return apiError('RequestLimitExceeded', 'Your current request frequency has reached the limit.');
  }
  const params = parseParams(body);
  if (!params.ok) return params;
  return { ok: true, value: { account, service, params: params.value } };
}

export async function handleApiRequest(
  context: ApiRequestContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = await readBody(request);
  const nowMs = context.clock();
  const action = header(request, 'x-tc-action') ?? '';
  const record: RequestRecord = { atMs: nowMs, action };
  const secretId = parseAuthorization(header(request, 'authorization'))?.secretId;
  if (secretId !== undefined) record.secretId = secretId;
  context.log.push(record);
  const answer = (outcome: Answer): void => {
    if (!outcome.ok) record.errorCode = outcome.error.code;
    context.respond.sendApi(response, outcome);
  };

  const fault = context.faults.take(action);
  if (actTransportFault(fault, request, response, context.respond)) return;
  const error = fault === undefined ? undefined : faultError(fault, Math.floor(nowMs / 1000));
  if (error !== undefined) return answer({ ok: false, error });

  const admitted = admitRequest(context, request, body, nowMs);
  if (!admitted.ok) return answer(admitted);
  const { account, service, params } = admitted.value;
  const nowSeconds = Math.floor(nowMs / 1000);
  const outcome =
    service === 'vod'
      ? context.actions.vod(action, account, params, nowSeconds)
      : context.actions.live(action, account, params, nowSeconds);
  if (fault === 'create-then-hang') return; // The task exists; the answer is lost.
  if (fault === 'create-then-reset') {
    request.socket.destroy();
    return;
  }
  answer(outcome);
}
