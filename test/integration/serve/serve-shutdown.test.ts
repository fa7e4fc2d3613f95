// SIGTERM while a create is in flight: `taper serve` stops taking requests, lets the create finish and answers it,
// then exits 0. The create is held at a stand-in endpoint, so it is provably in flight when the signal arrives.
import { afterEach, describe, expect, it } from 'vitest';
import { useCliSuite } from '../cli/cli-suite.js';
import { parseJson, runTaper } from '../cli/run-taper.js';
import { startHoldingProxy, type HoldingProxy } from './holding-proxy.js';
import { bounded, call, raw, startServe } from './serve-process.js';

const suite = useCliSuite({ envCredentials: true });
let proxy: HoldingProxy | undefined;

afterEach(async () => {
  proxy?.release();
  await proxy?.close();
  proxy = undefined;
});

describe('taper serve shutdown', () => {
  it('SIGTERM during an in-flight record:create: the create completes (history and platform have it), then exit 0', async () => {
    proxy = await startHoldingProxy(suite.simulator.endpoint, 'CreateRecordTask');
    const serve = await startServe({ ...suite.env, TAPER_ENDPOINT: proxy.endpoint });
    await serve.waitForStderr(/start-up sync and run done/);
    const now = Math.floor(Date.now() / 1000);
    const creating = call<{ ok: boolean; value: { entry: { taskId: string } } }>(
      serve,
      'record:create',
      {
        request: {
          domainName: 'push.example.com',
          appName: 'live',
          streamName: 'late-night',
          startTime: now + 3_600,
          endTime: now + 7_200,
          templateId: 1,
        },
      },
      40_000,
    );
    await bounded(proxy.held(), 20_000, 'the create reaching the endpoint');

    serve.child.kill('SIGTERM');
    await serve.waitForStderr(/SIGTERM: finishing the calls in flight/);
    await serve.waitForStderr(/shutting down: 1 call\(s\) in flight/);
    // No new request is taken meanwhile (refused, or reset if it was queued as the listener closed), and the process
    // waits for the one in flight.
    await expect(
      raw(
        serve.port,
        { method: 'POST', path: '/api/app:info', headers: { Authorization: `Bearer ${serve.token}` } },
        5_000,
      ),
    ).rejects.toThrow(/ECONNREFUSED|ECONNRESET/);
    expect(serve.child.exitCode).toBeNull();
    expect(suite.simulator.tasks.list().filter((task) => task.streamName === 'late-night')).toHaveLength(0);

    proxy.release();
    const created = await creating;
    expect(created.status).toBe(200);
    expect(created.value.ok).toBe(true);
    const { taskId } = created.value.value.entry;
    expect(await serve.exited()).toBe(0);
    expect(serve.stderr()).toMatch(/INFO {2}shut down/);

    expect(
      suite.simulator.tasks
        .list()
        .filter((task) => task.streamName === 'late-night')
        .map((task) => task.taskId),
    ).toEqual([taskId]);
    const history = parseJson<{ taskId: string | null; status: string; stream: string }[]>(
      await runTaper(['history', '--json'], { env: suite.env }),
    );
    expect(history.map((entry) => [entry.stream, entry.taskId, entry.status])).toEqual([
      ['late-night', taskId, 'scheduled'],
    ]);
  });
});
