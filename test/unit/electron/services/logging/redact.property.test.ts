// Generated secrets in every context the redaction knows, inside generated log text: none survives. Generated
// ordinary text (streams, TaskIds, RequestIds) comes out as it went in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../../../../electron/services/logging/redact.js';

const RUNS = { numRuns: 1000 };

const secretKey = fc.stringMatching(/^[A-Za-z0-9+/]{32}$/);
const secretId = fc.stringMatching(/^[A-Za-z0-9]{32,40}$/).map((rest) => `AKID${rest}`);
const token = fc.stringMatching(/^[A-Za-z0-9_.~+/=-]{16,200}$/);
const signature = fc.stringMatching(/^[0-9a-f]{64}$/);
const user = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/);
const password = fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=%:-]{6,40}$/);

const streamName = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const taskId = fc.stringMatching(/^[A-Za-z0-9]{54}$/);
const words = fc.array(
  fc.oneof(
    fc.constantFrom(
      'created',
      'task',
      'for',
      'sync:',
      'failed',
      'RequestId',
      '5000.livepush.myqcloud.com',
      'ap-guangzhou',
      '->',
      '{',
      '}',
      '(2h)',
      '[ipc]',
    ),
    streamName,
    fc.uuid(),
  ),
  { maxLength: 8 },
);
/** Some ordinary log text on either side of the secret. */
const around = (context: fc.Arbitrary<{ text: string; secrets: string[] }>) =>
  fc
    .tuple(words, context, words)
    .map(([before, { text, secrets }, after]) => ({ line: [...before, text, ...after].join(' '), secrets }));

const keyContexts = secretKey.chain((key) =>
  fc
    .constantFrom(
      (k: string) => `SecretKey=${k}`,
      (k: string) => `secretKey: ${k}`,
      (k: string) => `secret_key=${k}`,
      (k: string) => `{"SecretKey":"${k}","Region":"ap-guangzhou"}`,
      (k: string) => `{ secretKey: '${k}' }`,
      (k: string) => `{\\"SecretKey\\":\\"${k}\\"}`,
      (k: string) => `TENCENTCLOUD_SECRET_KEY=${k}`,
      (k: string) => `--secret-key ${k}`,
      (k: string) => `"TmpSecretKey": "${k}"`,
    )
    .map((template) => ({ text: template(key), secrets: [key] })),
);

const authorizationContexts = fc.tuple(secretId, signature, token).chain(([id, sig, sessionToken]) =>
  fc
    .constantFrom(
      () =>
        `Authorization: TC3-HMAC-SHA256 Credential=${id}/2026-12-01/live/tc3_request, SignedHeaders=content-type;host, Signature=${sig}`,
      () =>
        `{"Authorization":"TC3-HMAC-SHA256 Credential=${id}/2026-12-01/live/tc3_request, SignedHeaders=content-type;host, Signature=${sig}","X-TC-Token":"${sessionToken}"}`,
      () =>
        `{ authorization: 'TC3-HMAC-SHA256 Credential=${id}/d/live/tc3_request, Signature=${sig}', 'x-tc-token': '${sessionToken}' }`,
      () => `Signature=${sig}&X-TC-Token=${sessionToken}`,
    )
    .map((template) => ({ text: template(), secrets: [sig, sessionToken, id] })),
);

const tokenContexts = token.chain((value) =>
  fc
    .constantFrom(
      (t: string) => `X-TC-Token: ${t}`,
      (t: string) => `"SessionToken":"${t}"`,
      (t: string) => `TENCENTCLOUD_SESSION_TOKEN=${t}`,
      (t: string) => `Authorization: Bearer ${t}`,
      (t: string) => `Bearer ${t}`,
      (t: string) => `https://hooks.example.com/notify?token=${t}&stream=show`,
      (t: string) => `--session-token ${t}`,
    )
    .map((template) => ({ text: template(value), secrets: [value] })),
);

const urlContexts = fc
  .tuple(user, password, fc.constantFrom('http', 'https', 'socks5'))
  .map(([name, secret, scheme]) => ({
    text: `proxy ${scheme}://${name}:${secret}@proxy.example.com:3128 refused the tunnel`,
    secrets: [secret],
  }));

describe('redact (generated)', () => {
  it('no generated secret survives in any known context', () => {
    fc.assert(
      fc.property(
        around(fc.oneof(keyContexts, authorizationContexts, tokenContexts, urlContexts)),
        ({ line, secrets }) => {
          const out = redact(line);
          for (const secret of secrets) expect(out).not.toContain(secret);
          expect(redact(out)).toBe(out);
        },
      ),
      RUNS,
    );
  });

  it('a SecretId anywhere keeps only AKID… and its last 4 characters', () => {
    fc.assert(
      fc.property(
        around(secretId.map((id) => ({ text: `{"SecretId":"${id}"}`, secrets: [id] }))),
        ({ line, secrets: [id = ''] }) => {
          const out = redact(line);
          expect(out).not.toContain(id);
          expect(out).toContain(`AKID…${id.slice(-4)}`);
        },
      ),
      RUNS,
    );
  });

  it('ordinary text is unchanged', () => {
    const line = fc
      .tuple(streamName, taskId, fc.uuid(), fc.integer({ min: 1, max: 1_799_999_999 }), words)
      .map(([stream, id, requestId, start, rest]) =>
        [
          `created TaskId ${id} (1500004122-${id}) for 5000.livepush.myqcloud.com/live/${stream} at ${start}`,
          `RequestId ${requestId}`,
          `{"RequestId":"${requestId}","TaskId":"${id}"}`,
          ...rest,
        ].join(' '),
      );
    fc.assert(
      fc.property(line, (text) => {
        expect(redact(text)).toBe(text);
      }),
      RUNS,
    );
  });
});
