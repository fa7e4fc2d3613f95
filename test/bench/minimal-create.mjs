// The reference for `taper record`: the least a script can do to create one task by hand — node:http and a
// TC3-HMAC-SHA256 signature from node:crypto, no validation, no history, no keychain. The in-process figure
// imports createByHand as its bare round trip.
// Usage: node minimal-create.mjs ENDPOINT SECRET_ID STREAM END_TIME   (SecretKey in TENCENTCLOUD_SECRET_KEY)
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = 'live.tencentcloudapi.com';
const CONTENT_TYPE = 'application/json; charset=utf-8';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const hmac = (key, text) => createHmac('sha256', key).update(text).digest();

/** One signed CreateRecordTask over plain HTTP; resolves to the TaskId, rejects with the API's answer. */
export function createByHand({ endpoint, secretId, secretKey, stream, endTime }) {
  const url = new URL(endpoint);
  const body = JSON.stringify({
    DomainName: 'bench.livepush.example.com',
    AppName: 'live',
    StreamName: stream,
    EndTime: endTime,
    TemplateId: 1,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  // The signed host is the real API host (the simulator checks it like the platform); the socket goes to loopback.
  const canonical = `POST\n/\n\ncontent-type:${CONTENT_TYPE}\nhost:${HOST}\n\ncontent-type;host\n${sha256(body)}`;
  const scope = `${date}/live/tc3_request`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonical)}`;
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), 'live'), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/',
        headers: {
          Host: HOST,
          'Content-Type': CONTENT_TYPE,
          'X-TC-Action': 'CreateRecordTask',
          'X-TC-Version': '2018-08-01',
          'X-TC-Timestamp': String(timestamp),
          'X-TC-Region': 'ap-guangzhou',
          Authorization: `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          const answer = JSON.parse(text).Response;
          if (answer?.TaskId) resolve(answer.TaskId);
          else reject(new Error(JSON.stringify(answer)));
        });
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

// Run as a script (the whole-process reference), not when imported by the in-process figure.
if (process.argv[1] !== undefined && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [endpoint, secretId, stream, endTime] = process.argv.slice(2);
  createByHand({
    endpoint,
    secretId,
    secretKey: process.env.TENCENTCLOUD_SECRET_KEY ?? '',
    stream,
    endTime: Number(endTime),
  }).then(
    (taskId) => process.stdout.write(`${taskId}\n`),
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
