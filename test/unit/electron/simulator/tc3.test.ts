import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  parseAuthorization,
  sha256Hex,
  sign,
  signaturesEqual,
  utcDate,
} from '../../../../electron/simulator/tc3.js';

// Tencent's published Signature v3 example (public documentation values, not real credentials).
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const HOST = 'cvm.tencentcloudapi.com';

describe('TC3-HMAC-SHA256', () => {
  it('matches the published POST example', () => {
    const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
    expect(sha256Hex(payload)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    const input = {
      method: 'POST',
      path: '/',
      query: '',
      headers: [
        ['content-type', 'application/json; charset=utf-8'],
        ['host', HOST],
      ] as const,
      payload,
    };
    expect(utcDate(1551113065)).toBe('2019-02-25');
    expect(canonicalRequest(input)).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(sign(SECRET_KEY, 1551113065, 'cvm', input)).toBe(
      '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('matches the published GET example', () => {
    const input = {
      method: 'GET',
      path: '/',
      query: 'Limit=10&Offset=0',
      headers: [
        ['content-type', 'application/x-www-form-urlencoded'],
        ['host', HOST],
      ] as const,
      payload: '',
    };
    expect(sign(SECRET_KEY, 1539084154, 'cvm', input)).toBe(
      '5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474',
    );
  });

  it('changes the signature when the key, the service or the payload changes', () => {
    const input = { method: 'POST', path: '/', query: '', headers: [['host', HOST]] as const, payload: '{}' };
    const base = sign(SECRET_KEY, 1551113065, 'live', input);
    expect(sign(`${SECRET_KEY}x`, 1551113065, 'live', input)).not.toBe(base);
    expect(sign(SECRET_KEY, 1551113065, 'cvm', input)).not.toBe(base);
    expect(sign(SECRET_KEY, 1551113065, 'live', { ...input, payload: '{ }' })).not.toBe(base);
  });

  it('parses an Authorization header and rejects malformed ones', () => {
    const signature = '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';
    expect(
      parseAuthorization(
        `TC3-HMAC-SHA256 Credential=${SECRET_ID}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
      ),
    ).toEqual({
      secretId: SECRET_ID,
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature,
    });
    expect(parseAuthorization(undefined)).toBeNull();
    expect(parseAuthorization('Bearer abc')).toBeNull();
    expect(
      parseAuthorization(
        `TC3-HMAC-SHA256 Credential=${SECRET_ID}/2019-02-25/cvm/tc3_request, SignedHeaders=host, Signature=short`,
      ),
    ).toBeNull();
  });

  it('compares signatures exactly', () => {
    expect(signaturesEqual('ab', 'ab')).toBe(true);
    expect(signaturesEqual('ab', 'ac')).toBe(false);
    expect(signaturesEqual('ab', 'abc')).toBe(false);
  });
});
