// The simulator's wire behaviour with hand-made requests (signed by its own, vector-checked signer).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSandbox } from '../../../electron/simulator/cli-banner.js';
import { parsePort } from '../../../electron/simulator/main.js';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/server.js';
import { sign, utcDate } from '../../../electron/simulator/tc3.js';

const SKEW_MS = 42_000;
let sim: Simulator;
const nowSeconds = (): number => Math.floor((Date.now() + SKEW_MS) / 1000);

beforeAll(async () => {
  sim = await startSimulator({ clock: () => Date.now() + SKEW_MS });
});
afterAll(async () => {
  await sim.close();
});

interface Call {
  action: string;
  body?: object;
  timestamp?: number;
  service?: string;
  date?: string;
  version?: string;
  secretKey?: string;
  signedHost?: string;
}

function post(
  call: Call,
): Promise<{ status: number; headers: Record<string, unknown>; json: { Response: Record<string, unknown> } }> {
  const payload = JSON.stringify(call.body ?? {});
  const timestamp = call.timestamp ?? nowSeconds();
  const service = call.service ?? 'live';
  const host = `live.tencentcloudapi.com:${sim.port}`;
  const signature = sign(call.secretKey ?? DEMO_ACCOUNT.secretKey, timestamp, service, {
    method: 'POST',
    path: '/',
    query: '',
    headers: [
      ['content-type', 'application/json'],
      ['host', call.signedHost ?? 'live.tencentcloudapi.com'],
    ],
    payload,
  });
  const authorization = `TC3-HMAC-SHA256 Credential=${DEMO_ACCOUNT.secretId}/${call.date ?? utcDate(timestamp)}/${service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sim.port,
        method: 'POST',
        path: '/',
        headers: {
          Host: host,
          'Content-Type': 'application/json',
          'X-TC-Action': call.action,
          'X-TC-Version': call.version ?? '2018-08-01',
          'X-TC-Timestamp': String(timestamp),
          'X-TC-Region': 'ap-guangzhou',
          Authorization: authorization,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const errorCode = (json: { Response: Record<string, unknown> }) =>
  (json.Response.Error as { Code?: string } | undefined)?.Code;

describe('simulator over HTTP', () => {
  it('accepts a request whose host was signed without the port (the SDK quirk) and dates the answer by its own clock', async () => {
    const answer = await post({ action: 'DescribeLiveDomains' });
    expect(answer.status).toBe(200);
    expect(errorCode(answer.json)).toBeUndefined();
    expect(answer.json.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(String(answer.headers.date)) - (Date.now() + SKEW_MS))).toBeLessThan(2000);
  });

  it('rejects a signature over the host with its port, a wrong service, a wrong scope date and a wrong key', async () => {
    expect(
      errorCode(
        (await post({ action: 'DescribeLiveDomains', signedHost: `live.tencentcloudapi.com:${sim.port}` })).json,
      ),
    ).toBe('AuthFailure.SignatureFailure');
    expect(errorCode((await post({ action: 'DescribeLiveDomains', service: '127' })).json)).toBe(
      'AuthFailure.SignatureFailure',
    );
    expect(errorCode((await post({ action: 'DescribeLiveDomains', date: '2001-01-01' })).json)).toBe(
      'AuthFailure.SignatureFailure',
    );
    expect(errorCode((await post({ action: 'DescribeLiveDomains', secretKey: 'wrong' })).json)).toBe(
      'AuthFailure.SignatureFailure',
    );
  });

  it('rejects a timestamp more than 300 s off and names the server time', async () => {
    const answer = await post({ action: 'DescribeLiveDomains', timestamp: nowSeconds() - 301 });
    expect(errorCode(answer.json)).toBe('AuthFailure.SignatureExpire');
    expect((answer.json.Response.Error as { Message: string }).Message).toMatch(
      new RegExp(`server time ${nowSeconds()}|server time ${nowSeconds() - 1}`),
    );
    expect(
      errorCode((await post({ action: 'DescribeLiveDomains', timestamp: nowSeconds() - 290 })).json),
    ).toBeUndefined();
  });

  it('answers NoSuchVersion, InvalidAction and parameter errors with HTTP 200', async () => {
    const version = await post({ action: 'DescribeLiveDomains', version: '2017-01-01' });
    expect([version.status, errorCode(version.json)]).toEqual([200, 'NoSuchVersion']);
    expect(errorCode((await post({ action: 'DescribeNothing' })).json)).toBe('InvalidAction');
    expect(
      errorCode(
        (
          await post({
            action: 'CreateRecordTask',
            body: { AppName: 'a', StreamName: 's', EndTime: nowSeconds() + 60 },
          })
        ).json,
      ),
    ).toBe('MissingParameter');
  });

  it('takes faults and reads tasks over HTTP for other processes', async () => {
    const inject = await fetch(`${sim.endpoint}/__simulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'max-running', times: 1, action: 'CreateRecordTask' }),
    });
    expect(inject.status).toBe(200);
    const body = { DomainName: 'd.example.com', AppName: 'a', StreamName: 's', EndTime: nowSeconds() + 600 };
    expect(errorCode((await post({ action: 'CreateRecordTask', body })).json)).toBe('LimitExceeded.MaximumRunningTask');
    const created = await post({ action: 'CreateRecordTask', body });
    const tasks = (await (await fetch(`${sim.endpoint}/__simulator/tasks`)).json()) as { tasks: { taskId: string }[] };
    expect(tasks.tasks.map((t) => t.taskId)).toEqual([created.json.Response.TaskId]);

    expect(
      (
        await fetch(`${sim.endpoint}/__simulator/faults`, {
          method: 'POST',
          body: JSON.stringify({ mode: 'nonsense' }),
        })
      ).status,
    ).toBe(400);
    await fetch(`${sim.endpoint}/__simulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'internal-error', times: 5 }),
    });
    expect((await fetch(`${sim.endpoint}/__simulator/faults`, { method: 'DELETE' })).status).toBe(200);
    expect(sim.faults.pending()).toEqual([]);
  });
});

describe('sandbox entry', () => {
  it('prints the endpoint, the demo credentials and how to use them', () => {
    const text = describeSandbox({ endpoint: 'http://127.0.0.1:9000' });
    expect(text).toContain('TAPER_ENDPOINT=http://127.0.0.1:9000');
    expect(text).toContain(`TENCENTCLOUD_SECRET_ID=${DEMO_ACCOUNT.secretId}`);
    expect(text).toContain(`TENCENTCLOUD_SECRET_KEY=${DEMO_ACCOUNT.secretKey}`);
    expect(text).toContain('taper record');
  });

  it('parses --port', () => {
    expect(parsePort([])).toBeUndefined();
    expect(parsePort(['--port', '9000'])).toBe(9000);
    expect(parsePort(['--port=0'])).toBe(0);
    expect(parsePort(['--port', 'x'])).toMatch(/invalid/);
  });
});
