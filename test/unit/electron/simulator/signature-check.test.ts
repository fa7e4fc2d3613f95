// The simulator's signature check on its own, without a socket: each refusal the platform makes, and a request
// signed the way the SDK signs it (Host with the port sent, without it signed) passing.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { authenticate, MAX_CLOCK_SKEW_SECONDS } from '../../../../electron/simulator/signature-check.js';
import { sign, utcDate } from '../../../../electron/simulator/tc3.js';

const SECRET_ID = 'AKIDsimulatorcheck0000000000000000';
const SECRET_KEY = 'simulator-check-key';
const ACCOUNTS: ReadonlyMap<string, string> = new Map([[SECRET_ID, SECRET_KEY]]);
const NOW = 1_796_000_000;
const BODY = Buffer.from('{"DomainName":"d"}');

interface Signed {
  service?: string;
  host?: string;
  timestamp?: number;
  key?: string;
  secretId?: string;
  signedHeaders?: string;
}

/** A request as the SDK sends it, with the parts a case changes. */
function request(options: Signed = {}): IncomingMessage {
  const service = options.service ?? 'live';
  const timestamp = options.timestamp ?? NOW;
  const host = options.host ?? `${service}.tencentcloudapi.com:8080`;
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    host,
    'x-tc-timestamp': String(timestamp),
  };
  const signedHeaders = options.signedHeaders ?? 'content-type;host';
  const signature = sign(options.key ?? SECRET_KEY, timestamp, service, {
    method: 'POST',
    path: '/',
    query: '',
    headers: signedHeaders
      .split(';')
      .map((name): [string, string] => [name, name === 'host' ? host.replace(/:\d+$/, '') : (headers[name] ?? '')]),
    payload: BODY,
  });
  headers.authorization =
    `TC3-HMAC-SHA256 Credential=${options.secretId ?? SECRET_ID}/${utcDate(timestamp)}/${service}/tc3_request, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { method: 'POST', url: '/', headers } as unknown as IncomingMessage;
}

const codeOf = (outcome: ReturnType<typeof authenticate>) => (outcome.ok ? 'ok' : outcome.error.code);

describe('authenticate', () => {
  it('passes a request signed with the account key, for live and for vod', () => {
    expect(authenticate(ACCOUNTS, request(), BODY, NOW)).toEqual({
      ok: true,
      value: { secretId: SECRET_ID, service: 'live' },
    });
    expect(authenticate(ACCOUNTS, request({ service: 'vod' }), BODY, NOW)).toMatchObject({
      ok: true,
      value: { service: 'vod' },
    });
  });

  it('refuses a missing header, an unknown SecretId, a wrong key and a changed body', () => {
    const unsigned = { method: 'POST', url: '/', headers: {} } as unknown as IncomingMessage;
    expect(codeOf(authenticate(ACCOUNTS, unsigned, BODY, NOW))).toBe('AuthFailure.InvalidAuthorization');
    expect(codeOf(authenticate(ACCOUNTS, request({ secretId: 'AKIDother' }), BODY, NOW))).toBe(
      'AuthFailure.SecretIdNotFound',
    );
    expect(codeOf(authenticate(ACCOUNTS, request({ key: 'another-key' }), BODY, NOW))).toBe(
      'AuthFailure.SignatureFailure',
    );
    expect(codeOf(authenticate(ACCOUNTS, request(), Buffer.from('{}'), NOW))).toBe('AuthFailure.SignatureFailure');
  });

  it('refuses a timestamp beyond the skew, naming the server time', () => {
    const late = authenticate(ACCOUNTS, request({ timestamp: NOW - MAX_CLOCK_SKEW_SECONDS - 1 }), BODY, NOW);
    expect(codeOf(late)).toBe('AuthFailure.SignatureExpire');
    expect(late.ok ? '' : late.error.message).toContain(String(NOW));
    expect(codeOf(authenticate(ACCOUNTS, request({ timestamp: NOW - MAX_CLOCK_SKEW_SECONDS }), BODY, NOW))).toBe('ok');
  });

  it("refuses another service, a Host not the service's, and SignedHeaders without host", () => {
    expect(codeOf(authenticate(ACCOUNTS, request({ service: 'cvm' }), BODY, NOW))).toBe('AuthFailure.SignatureFailure');
    expect(
      codeOf(authenticate(ACCOUNTS, request({ service: 'vod', host: 'live.tencentcloudapi.com' }), BODY, NOW)),
    ).toBe('AuthFailure.SignatureFailure');
    expect(codeOf(authenticate(ACCOUNTS, request({ signedHeaders: 'content-type' }), BODY, NOW))).toBe(
      'AuthFailure.SignatureFailure',
    );
  });
});
