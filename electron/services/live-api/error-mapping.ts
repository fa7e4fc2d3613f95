// Every way a tencentcloud-sdk-nodejs call can fail, turned into one AppError. The SDK is not uniform:
// API errors carry `code`; HTTP errors only `httpCode`; transport errors are re-wrapped with the message
// only; and a 200 with a non-JSON body escapes as node-fetch's raw FetchError (`type: 'invalid-json'`).
import type { AppError } from '../../../shared/result.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';

/** What kind of failure a thrown value is, before deciding what it means for a given call. */
export type FailureKind =
  | { kind: 'api'; code: string; message: string; requestId?: string }
  | { kind: 'http'; status: number; statusText: string }
  | { kind: 'invalid-response'; detail: string }
  | { kind: 'network'; detail: string }
  | { kind: 'untrusted-certificate'; detail: string }
  | { kind: 'timeout'; detail: string }
  | { kind: 'connection-lost'; detail: string };

// EPROXYNOTUNNEL: a proxy did not open the tunnel (tunnel-agent.ts), so nothing reached the platform.
const NOT_CONNECTED =
  /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|ERR_INVALID_URL|EPROXYNOTUNNEL)\b/;
// TLS verification failed: the handshake ended before a byte of the request was written. Node's texts, as the SDK
// keeps only the message; a proxy that inspects TLS (with its own CA) is the usual cause at a company site.
const UNTRUSTED_CERTIFICATE =
  /self[- ]signed certificate|unable to verify the first certificate|unable to get (local )?issuer certificate|certificate has expired|certificate is not yet valid|does not match certificate's altnames|certificate signature failure|certificate revoked|ERR_TLS_CERT_ALTNAME_INVALID|CERT_HAS_EXPIRED|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE/;
const TIMED_OUT = /network timeout at|timeout|ETIMEDOUT|ESOCKETTIMEDOUT/i;
const LOST = /socket hang up|ECONNRESET|EPIPE|ECONNABORTED|premature close|aborted/i;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Classifies any value an SDK call may reject with. */
export function classifySdkError(error: unknown): FailureKind {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const message = text(e.message) || String(error);
  const code = text(e.code);
  // An API error: the SDK copies Response.Error.Code into `code` (node errors use `code` too, but as E-names).
  if (code !== '' && !/^E[A-Z_]+$/.test(code) && !code.startsWith('ERR_')) {
    const requestId = text(e.requestId);
    return requestId === '' ? { kind: 'api', code, message } : { kind: 'api', code, message, requestId };
  }
  if (typeof e.httpCode === 'number') return { kind: 'http', status: e.httpCode, statusText: message };
  if (e.name === 'FetchError') {
    const type = text(e.type);
    if (type === 'invalid-json') return { kind: 'invalid-response', detail: message };
    if (type === 'request-timeout' || type === 'body-timeout') return { kind: 'timeout', detail: message };
  }
  if (e.name === 'SyntaxError' || e.name === 'TypeError') {
    // The SDK's parseResponse reads `data.Response.Error`: a JSON body without `Response` throws a TypeError.
    return { kind: 'invalid-response', detail: message };
  }
  const detail = `${message} ${code}`;
  if (UNTRUSTED_CERTIFICATE.test(detail)) return { kind: 'untrusted-certificate', detail: message };
  if (NOT_CONNECTED.test(detail)) return { kind: 'network', detail: message };
  if (TIMED_OUT.test(detail)) return { kind: 'timeout', detail: message };
  if (LOST.test(detail)) return { kind: 'connection-lost', detail: message };
  // Unrecognised: treat like a lost answer, the only safe assumption for a create.
  return { kind: 'connection-lost', detail: message };
}

/** The calls Taper makes; only CreateRecordTask changes state in a way a blind retry could duplicate. */
export type LiveAction =
  | 'CreateRecordTask'
  | 'StopRecordTask'
  | 'DeleteRecordTask'
  | 'DescribeRecordTask'
  | 'DescribeLiveRecordTemplates'
  | 'CreateLiveRecordTemplate'
  | 'DescribeLiveStreamState'
  | 'DescribeLiveDomains'
  | 'DescribeLiveStreamEventList'
  /** VOD's (recording files). */
  | 'SearchMedia';

/** Maps a classified failure of `action` to the AppError the user sees. `host` is named in network messages. */
export function toAppError(failure: FailureKind, action: LiveAction, host: string): AppError {
  switch (failure.kind) {
    case 'api':
      return failure.requestId === undefined
        ? { code: failure.code, message: failure.message }
        : { code: failure.code, message: failure.message, requestId: failure.requestId };
    case 'http':
    case 'invalid-response': {
      const answer =
        failure.kind === 'http'
          ? `HTTP ${failure.status} ${failure.statusText} without an API error code`
          : `something that is not a Tencent Cloud API response (${failure.detail})`;
      // A gateway can answer 502 (or an HTML page) after the service created the task: for a create, that is a lost
      // answer, so sync must check before anything is retried.
      if (action === 'CreateRecordTask') {
        return {
          code: LocalErrorCode.UnknownOutcome,
          message: `The CreateRecordTask request got ${answer} from ${host}: the task may or may not exist. Run \`taper sync\` to check before trying again.`,
        };
      }
      return failure.kind === 'http'
        ? { code: LocalErrorCode.HttpError, message: `${host} answered ${answer}.` }
        : { code: LocalErrorCode.InvalidResponse, message: `${host} answered ${answer}.` };
    }
    case 'network':
      return {
        code: LocalErrorCode.Network,
        message: `Could not connect to ${host}; nothing was sent (${failure.detail}).`,
      };
    case 'untrusted-certificate':
      return {
        code: LocalErrorCode.Network,
        message:
          `The TLS certificate of ${host} is not trusted, so nothing was sent (${failure.detail}). ` +
          'If your network inspects TLS traffic, add its CA certificate with NODE_EXTRA_CA_CERTS; otherwise check the endpoint.',
      };
    case 'timeout':
    case 'connection-lost': {
      const what = failure.kind === 'timeout' ? 'timed out' : 'lost its connection';
      if (action === 'CreateRecordTask') {
        return {
          code: LocalErrorCode.UnknownOutcome,
          message: `The CreateRecordTask request ${what} after it was sent: the task may or may not exist. Run \`taper sync\` to check before trying again (${failure.detail}).`,
        };
      }
      return { code: LocalErrorCode.Timeout, message: `${action} ${what} (${failure.detail}).` };
    }
  }
}

/** True for RequestLimitExceeded and its sub-codes: the platform did not execute the request, so a retry is safe. */
export function isRateLimited(error: AppError): boolean {
  return error.code === 'RequestLimitExceeded' || error.code.startsWith('RequestLimitExceeded.');
}
