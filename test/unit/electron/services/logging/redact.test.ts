import { describe, expect, it } from 'vitest';
import { redact } from '../../../../../electron/services/logging/redact.js';

const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const TOKEN = 'c7eb9Q0Z3e1Y_longSessionToken-value.with~chars';

describe('redact', () => {
  it('removes a SecretKey after its name, in every spelling and notation', () => {
    expect(redact(`SecretKey=${SECRET_KEY}`)).toBe('SecretKey=***');
    expect(redact(`secretKey: ${SECRET_KEY}`)).toBe('secretKey: ***');
    expect(redact(`secret_key=${SECRET_KEY} next`)).toBe('secret_key=*** next');
    expect(redact(`{"SecretKey":"${SECRET_KEY}","Region":"ap-guangzhou"}`)).toBe(
      '{"SecretKey":"***","Region":"ap-guangzhou"}',
    );
    expect(redact(`{ "SecretKey" : "${SECRET_KEY}" }`)).toBe('{ "SecretKey" : "***" }');
    expect(redact(`{ secretKey: '${SECRET_KEY}', region: 'ap-shanghai' }`)).toBe(
      "{ secretKey: '***', region: 'ap-shanghai' }",
    );
    // JSON inside a JSON string (a logged request body).
    expect(redact(`"body":"{\\"SecretKey\\":\\"${SECRET_KEY}\\"}"`)).toBe('"body":"{\\"SecretKey\\":\\"***\\"}"');
    expect(redact(`"Credentials":{"TmpSecretKey":"${SECRET_KEY}"}`)).toBe('"Credentials":{"TmpSecretKey":"***"}');
    expect(redact(`taper profile add prod --secret-key ${SECRET_KEY}`)).toBe('taper profile add prod --secret-key ***');
    expect(redact(`client_secret=${SECRET_KEY}&a=1`)).toBe('client_secret=***&a=1');
  });

  it('removes the values of an environment dump', () => {
    const dump = [
      `TENCENTCLOUD_SECRET_ID=${SECRET_ID}`,
      `TENCENTCLOUD_SECRET_KEY=${SECRET_KEY}`,
      `TENCENTCLOUD_SESSION_TOKEN=${TOKEN}`,
      'TENCENTCLOUD_REGION=ap-guangzhou',
    ].join('\n');
    expect(redact(dump)).toBe(
      [
        'TENCENTCLOUD_SECRET_ID=AKID…MPLE',
        'TENCENTCLOUD_SECRET_KEY=***',
        'TENCENTCLOUD_SESSION_TOKEN=***',
        'TENCENTCLOUD_REGION=ap-guangzhou',
      ].join('\n'),
    );
  });

  it('shortens a SecretId to AKID… and its last 4 characters', () => {
    expect(redact(`profile prod uses ${SECRET_ID}.`)).toBe('profile prod uses AKID…MPLE.');
    expect(redact(`{"SecretId":"${SECRET_ID}"}`)).toBe('{"SecretId":"AKID…MPLE"}');
    expect(redact('the sandbox id AKIDTAPERSANDBOX00000000000000000000')).toBe('the sandbox id AKID…0000');
  });

  it('removes a TC3 Authorization header value and any Signature', () => {
    const header = `Authorization: TC3-HMAC-SHA256 Credential=${SECRET_ID}/2026-12-01/live/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c`;
    expect(redact(header)).toBe('Authorization: ***');
    expect(redact(`${header}\nHost: live.tencentcloudapi.com`)).toBe(
      'Authorization: ***\nHost: live.tencentcloudapi.com',
    );
    expect(redact(`{"Authorization":"TC3-HMAC-SHA256 Credential=${SECRET_ID}/x, Signature=abc","Host":"h"}`)).toBe(
      '{"Authorization":"***","Host":"h"}',
    );
    expect(redact(`{ authorization: 'TC3-HMAC-SHA256 Credential=${SECRET_ID}/x, Signature=abc' }`)).toBe(
      "{ authorization: '***' }",
    );
    expect(redact(`Map(1) { 'authorization' => 'TC3-HMAC-SHA256 Signature=abc' }`)).toBe(
      "Map(1) { 'authorization' => '***' }",
    );
    expect(redact('https://example.com/a?X-Amz-Signature=abcdef0123&x=1')).toBe(
      'https://example.com/a?X-Amz-Signature=***&x=1',
    );
    expect(redact('Signature=deadbeef, SignedHeaders=host')).toBe('Signature=***, SignedHeaders=host');
  });

  it('keeps error codes that merely contain the words', () => {
    expect(redact('AuthFailure.InvalidAuthorization: The Authorization header is malformed')).toBe(
      'AuthFailure.InvalidAuthorization: The Authorization header is malformed',
    );
    expect(redact('AuthFailure.SignatureFailure: signature mismatch')).toBe(
      'AuthFailure.SignatureFailure: signature mismatch',
    );
    expect(redact('AuthFailure.TokenFailure: token expired')).toBe('AuthFailure.TokenFailure: token expired');
    expect(redact("The profile's SecretKey is not in the keychain.")).toBe(
      "The profile's SecretKey is not in the keychain.",
    );
  });

  it('removes X-TC-Token, session tokens, bearer tokens and token query parameters', () => {
    expect(redact(`X-TC-Token: ${TOKEN}`)).toBe('X-TC-Token: ***');
    expect(redact(`{ 'X-TC-Token': '${TOKEN}' }`)).toBe("{ 'X-TC-Token': '***' }");
    expect(redact(`{"Token":"${TOKEN}","ExpiredTime":1}`)).toBe('{"Token":"***","ExpiredTime":1}');
    expect(redact(`sessionToken=${TOKEN}`)).toBe('sessionToken=***');
    expect(redact(`sent with Bearer ${TOKEN} to the hook`)).toBe('sent with Bearer *** to the hook');
    expect(redact(`https://hooks.example.com/notify?token=${TOKEN}&stream=show`)).toBe(
      'https://hooks.example.com/notify?token=***&stream=show',
    );
    expect(redact(`https://hooks.example.com/x?access_token=${TOKEN}#top`)).toBe(
      'https://hooks.example.com/x?access_token=***#top',
    );
  });

  it('removes a password in a URL, keeping the user and the host', () => {
    expect(redact('proxy http://ana:s3cr%40t@proxy.example.com:3128 refused')).toBe(
      'proxy http://ana:***@proxy.example.com:3128 refused',
    );
    expect(redact('HTTPS_PROXY=https://ana:p:a:ss@10.0.0.1:8443/')).toBe('HTTPS_PROXY=https://ana:***@10.0.0.1:8443/');
    expect(redact('socks5://:only-password@host')).toBe('socks5://:***@host');
    expect(redact('{"password":"hunter2"} password=hunter2')).toBe('{"password":"***"} password=***');
    // A port is not a password.
    expect(redact('https://live.tencentcloudapi.com:443/path@v2')).toBe('https://live.tencentcloudapi.com:443/path@v2');
  });

  it('leaves ordinary text alone: streams, TaskIds, RequestIds, paths, times', () => {
    const ordinary = [
      'created task UpTbk5RSVhRQFkAAfHwQCCjcRD0lRFcZ0xTSlNTQltlRVRLU1JAWW9EUb for 5000.livepush.myqcloud.com/live/show',
      'TaskId=1500004122-UpTbk5RSVhRQFkAAfHwQCCjcRD0lRFcZ0xTSlNTQltlRVRLU1JAWW9EUb',
      '{"Response":{"RequestId":"eac6b301-a322-493a-8e36-83b295459397","TaskId":"UpTbk5RSVhRQFkAAfHwQCCjcRD0lRFcZ0xTSlNTQltlRVRLU1JAWW9EUb"}}',
      'stream news_2026-12-01 from 2026-12-01T20:00:00+08:00 for 2h (Asia/Shanghai)',
      '/home/ana/.config/Taper/logs/main.log',
      'RequestLimitExceeded: 20 per second, retry after 1000 ms',
      'hasSecret: true, secretId masked AKID****EXAMPLE',
      'tokens: 3',
    ];
    for (const line of ordinary) expect(redact(line)).toBe(line);
  });

  it('is idempotent', () => {
    const once = redact(`SecretKey=${SECRET_KEY} Authorization: TC3 x ${SECRET_ID} http://a:b@c Bearer ${TOKEN}`);
    expect(redact(once)).toBe(once);
  });
});
