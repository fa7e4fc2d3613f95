// A profile's own endpoint, with no TAPER_ENDPOINT to override it: `taper profile add --endpoint URL` is where that
// profile's record, test and sync go (a private endpoint, the international site). Two simulators tell them apart: the
// profile's gets every call, the other none. The key lives in the real Secret Service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';
import { baseEnv, freshHome, parseJson, runTaper } from '../cli/run-taper.js';

const inSession = process.env['TAPER_KEYRING_SESSION'] === '1';
let own: Simulator;
let other: Simulator;

beforeAll(async () => {
  own = await startSimulator({ accounts: [DEMO_ACCOUNT] });
  other = await startSimulator({ accounts: [DEMO_ACCOUNT] });
});
afterAll(async () => {
  await own.close();
  await other.close();
});

describe.skipIf(!inSession)("a profile's own endpoint", () => {
  it('carries record, profile test and sync when TAPER_ENDPOINT is not set; the default profile too', async () => {
    const home = await freshHome();
    const env = baseEnv(home);
    expect(env['TAPER_ENDPOINT']).toBeUndefined();
    const name = `own${Date.now().toString(36)}`;
    const added = await runTaper(
      ['profile', 'add', name, '--secret-id', DEMO_ACCOUNT.secretId, '--endpoint', own.endpoint, '--json'],
      { env, input: `${DEMO_ACCOUNT.secretKey}\n` },
    );
    expect(added.code, added.stderr).toBe(0);
    // A second profile elsewhere, so the endpoint is the chosen profile's and not the only one there is.
    expect(
      (
        await runTaper(
          ['profile', 'add', `${name}x`, '--secret-id', DEMO_ACCOUNT.secretId, '--endpoint', other.endpoint],
          { env, input: `${DEMO_ACCOUNT.secretKey}\n` },
        )
      ).code,
    ).toBe(0);

    const tested = await runTaper(['profile', 'test', name, '--json'], { env });
    expect(tested.code, tested.stderr).toBe(0);
    const recorded = await runTaper(
      [
        'record',
        '--domain',
        'push.example.com',
        '--app',
        'live',
        '--stream',
        'own-endpoint',
        '--for',
        '1h',
        '--profile',
        name,
        '--json',
      ],
      { env },
    );
    expect(recorded.code, recorded.stderr).toBe(0);
    const { taskId } = parseJson<{ taskId: string }>(recorded);
    const synced = await runTaper(['sync', '--profile', name, '--json'], { env });
    expect(synced.code, synced.stderr).toBe(0);

    const actions = own.requests().map((request) => request.action);
    expect(actions).toContain('CreateRecordTask');
    expect(actions).toContain('DescribeRecordTask');
    expect(other.requests()).toEqual([]);
    expect(own.tasks.list().map((task) => task.taskId)).toContain(taskId);

    // Made the default, it needs no --profile: still its own endpoint.
    expect((await runTaper(['profile', 'default', name], { env })).code).toBe(0);
    own.clearRequests();
    expect(
      (
        await runTaper(
          ['record', '--domain', 'push.example.com', '--app', 'live', '--stream', 'own-default', '--for', '1h'],
          { env },
        )
      ).code,
    ).toBe(0);
    expect(own.requests().map((request) => request.action)).toContain('CreateRecordTask');
    expect(other.requests()).toEqual([]);
  });
});
