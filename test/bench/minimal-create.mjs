// The reference for `taper record`: the least a script can do to create one task by hand — node:http and a
// TC3-HMAC-SHA256 signature from node:crypto, no validation, no history, no keychain.
// Usage: node minimal-create.mjs ENDPOINT SECRET_ID STREAM END_TIME   (SecretKey in TENCENTCLOUD_SECRET_KEY)
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';

const [endpoint, secretId, stream, endTime] = process.argv.slice(2);
const secretKey = process.env.TENCENTCLOUD_SECRET_KEY ?? '';
const url = new URL(endpoint);
const host = 'live.tencentcloudapi.com';
const body = JSON.stringify({ DomainName: 'bench.livepush.example.com', AppName: 'live', StreamName: stream, EndTime: Number(endTime) });
const timestamp = Math.floor(Date.now() / 1000);
const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const hmac = (key, text) => createHmac('sha256', key).update(text).digest();
const contentType = 'application/json; charset=utf-8';
const canonical = `POST\n/\n\ncontent-type:${contentType}\nhost:${host}\n\ncontent-type;host\n${sha256(body)}`;
const scope = `${date}/live/tc3_request`;
const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonical)}`;
const key = hmac(hmac(hmac(`TC3${secretKey}`, date), 'live'), 'tc3_request');
const signature = createHmac('sha256', key).update(toSign).digest('hex');

const call = request({
  host: url.hostname,
  port: url.port,
  method: 'POST',
  path: '/',
  headers: {
    Host: host,
    'Content-Type': contentType,
    'X-TC-Action': 'CreateRecordTask',
    'X-TC-Version': '2018-08-01',
    'X-TC-Timestamp': String(timestamp),
    'X-TC-Region': 'ap-guangzhou',
    Authorization: `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
  },
}, (response) => {
  let text = '';
  response.on('data', (chunk) => (text += chunk));
  response.on('end', () => {
    const answer = JSON.parse(text).Response;
    if (!answer.TaskId) {
      process.stderr.write(`${JSON.stringify(answer)}\n`);
      process.exitCode = 1;
    } else process.stdout.write(`${answer.TaskId}\n`);
  });
});
call.end(body);
