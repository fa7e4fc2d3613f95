// The simulator's TC3-HMAC-SHA256 verifier: every check live.tencentcloudapi.com makes before it runs an action, in
// the same order and with the same error codes, so a client that passes here signs the way the platform expects.
import type { IncomingMessage } from 'node:http';
import { apiError, apiOk, type ApiError, type ApiOutcome } from './api-error.js';
import { SERVICE_VERSIONS } from './api-versions.js';
import { header } from './request-reading.js';
import { parseAuthorization, sign, signaturesEqual, utcDate } from './tc3.js';

/** The platform rejects a timestamp more than this far from its own clock. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** Who signed a request that passed, and for which service (live or vod). */
export interface SignedCaller {
  secretId: string;
  service: string;
}

export function expiredError(timestamp: number, nowSeconds: number): ApiError {
  // The server time is part of the message so a client can tell the user how far off its clock is.
  return {
    code: 'AuthFailure.SignatureExpire',
    message: `Signature expired: the request timestamp ${timestamp} differs from the server time ${nowSeconds} (${new Date(nowSeconds * 1000).toISOString()}) by more than ${MAX_CLOCK_SKEW_SECONDS} seconds.`,
  };
}

/** The request's signature checked against the key of its SecretId (`accounts`: SecretId → SecretKey). */
export function authenticate(
  accounts: ReadonlyMap<string, string>,
  request: IncomingMessage,
  body: Buffer,
  nowSeconds: number,
): ApiOutcome<SignedCaller> {
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
