// Every shape a tencentcloud-sdk-nodejs call rejects with, built with the SDK's own classes.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import {
  classifySdkError,
  isRateLimited,
  toAppError,
  type LiveAction,
} from '../../../../../electron/services/live-api/error-mapping.js';

const require = createRequire(import.meta.url);
const SdkException = (
  require('tencentcloud-sdk-nodejs/tencentcloud/common/exception/tencent_cloud_sdk_exception.js') as {
    default: new (
      message: string,
      requestId?: string,
      traceId?: string,
    ) => Error & { code?: string; httpCode?: number };
  }
).default;
// The SDK's transport (node-fetch 2) throws this class raw for a 200 with a non-JSON body.
const { FetchError } = require('node-fetch') as {
  FetchError: new (message: string, type: string, systemError?: object) => Error;
};

const HOST = '127.0.0.1:9000';

function apiException(code: string, message: string, requestId: string) {
  const e = new SdkException(message, requestId, 'trace');
  e.code = code;
  return e;
}

function map(error: unknown, action: LiveAction = 'DescribeLiveDomains') {
  return toAppError(classifySdkError(error), action, HOST);
}

describe('SDK error mapping', () => {
  it('keeps a Tencent API error as code, message and RequestId', () => {
    expect(map(apiException('InvalidParameter', 'EndTime must be later', 'req-1'), 'CreateRecordTask')).toEqual({
      code: 'InvalidParameter',
      message: 'EndTime must be later',
      requestId: 'req-1',
    });
  });

  it('maps an HTTP status without an API code (502 from a gateway) to Taper.HttpError', () => {
    const e = new SdkException('Bad Gateway', '', 'trace');
    e.httpCode = 502;
    const error = map(e, 'DescribeRecordTask');
    expect(error.code).toBe('Taper.HttpError');
    expect(error.message).toContain('502');
  });

  it('a 502 or a non-JSON answer to a create is an unknown outcome: the gateway may have passed it on', () => {
    const gateway = new SdkException('Bad Gateway', '', 'trace');
    gateway.httpCode = 502;
    const error = map(gateway, 'CreateRecordTask');
    expect(error.code).toBe('Taper.UnknownOutcome');
    expect(error.message).toContain('502');
    expect(error.message).toContain('taper sync');
    const html = new FetchError('invalid json response body at http://x/ reason: Unexpected token <', 'invalid-json');
    expect(map(html, 'CreateRecordTask').code).toBe('Taper.UnknownOutcome');
  });

  it('maps the raw FetchError invalid-json (200 with HTML) to Taper.InvalidResponse', () => {
    const e = new FetchError('invalid json response body at http://x/ reason: Unexpected token <', 'invalid-json');
    expect(map(e, 'StopRecordTask').code).toBe('Taper.InvalidResponse');
  });

  it('maps a JSON body without Response (TypeError inside parseResponse) to Taper.InvalidResponse', () => {
    expect(map(new TypeError("Cannot read properties of undefined (reading 'Error')")).code).toBe(
      'Taper.InvalidResponse',
    );
  });

  it.each([
    'request to http://live.tencentcloudapi.com:9/ failed, reason: connect ECONNREFUSED 127.0.0.1:9',
    'request to https://nowhere.invalid/ failed, reason: getaddrinfo ENOTFOUND nowhere.invalid',
    'request to https://x/ failed, reason: getaddrinfo EAI_AGAIN x',
    'request to https://live.tencentcloudapi.com/ failed, reason: EPROXYNOTUNNEL: the proxy proxy.example.com:3128 refused the tunnel to live.tencentcloudapi.com:443 (HTTP 407 Proxy Authentication Required)',
    'request to https://live.tencentcloudapi.com/ failed, reason: EPROXYNOTUNNEL: the proxy proxy.example.com:3128 did not open the tunnel to live.tencentcloudapi.com:443 within 20 s',
  ])('maps a connection that never happened to Taper.Network, even for a create: %s', (message) => {
    const error = map(new SdkException(message, '', 'trace'), 'CreateRecordTask');
    expect(error.code).toBe('Taper.Network');
    expect(error.message).toContain(HOST);
  });

  it.each([
    'request to https://live.tencentcloudapi.com/ failed, reason: self-signed certificate in certificate chain',
    'request to https://live.tencentcloudapi.com/ failed, reason: unable to get local issuer certificate',
    'request to https://live.tencentcloudapi.com/ failed, reason: certificate has expired',
    "request to https://live.tencentcloudapi.com/ failed, reason: Hostname/IP does not match certificate's altnames: Host: live.tencentcloudapi.com. is not in the cert's altnames: DNS:proxy.corp",
  ])(
    'maps an untrusted certificate to Taper.Network with what to do, even for a create (nothing was sent): %s',
    (message) => {
      const error = map(new SdkException(message, '', 'trace'), 'CreateRecordTask');
      expect(error.code).toBe('Taper.Network');
      expect(error.message).toMatch(/TLS certificate of .* is not trusted, so nothing was sent/);
      expect(error.message).toContain('NODE_EXTRA_CA_CERTS');
    },
  );

  it.each([
    ['network timeout at: http://live.tencentcloudapi.com:9000/'],
    ['request to http://x/ failed, reason: socket hang up'],
    ['request to http://x/ failed, reason: read ECONNRESET'],
    ['something nobody anticipated'],
  ])('a lost answer is UnknownOutcome for a create and Timeout otherwise: %s', (message) => {
    const create = map(new SdkException(message, '', 'trace'), 'CreateRecordTask');
    expect(create.code).toBe('Taper.UnknownOutcome');
    expect(create.message).toMatch(/may or may not exist/);
    expect(create.message).toContain('taper sync');
    expect(map(new SdkException(message, '', 'trace'), 'StopRecordTask').code).toBe('Taper.Timeout');
  });

  it('maps raw FetchError timeouts and body resets the same way', () => {
    expect(map(new FetchError('network timeout at: http://x/', 'request-timeout'), 'CreateRecordTask').code).toBe(
      'Taper.UnknownOutcome',
    );
    const reset = new FetchError('Invalid response body while trying to fetch http://x/: read ECONNRESET', 'system', {
      code: 'ECONNRESET',
    });
    expect(map(reset, 'CreateRecordTask').code).toBe('Taper.UnknownOutcome');
    expect(map(reset, 'DescribeRecordTask').code).toBe('Taper.Timeout');
  });

  it('does not mistake a Node errno code for an API code', () => {
    const e = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(map(e).code).toBe('Taper.Network');
  });

  it('recognises RequestLimitExceeded and its sub-codes', () => {
    expect(isRateLimited({ code: 'RequestLimitExceeded', message: '' })).toBe(true);
    expect(isRateLimited({ code: 'RequestLimitExceeded.UinLimitExceeded', message: '' })).toBe(true);
    expect(isRateLimited({ code: 'LimitExceeded.MaximumRunningTask', message: '' })).toBe(false);
  });
});
