// Bad input: generated bad `taper record` invocations, through the real program in-process (fast, many)
// and through bin/taper as a child process (a few hundred). Every one must exit 2 with Taper.InvalidInput and a
// stable message, and the simulator must never receive a CreateRecordTask.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';
import { recordFigures } from '../../reliability/figures.js';
import { baseEnv, freshHome, runTaper } from '../cli/run-taper.js';
import { badRecordInvocation, type BadRecord } from './bad-record-argv.js';
import { inProcessCli, type InProcessCli } from './in-process-cli.js';

const IN_PROCESS_RUNS = 1500;
const PROCESS_RUNS = 200;
const PROCESS_PARALLEL = 4;

let simulator: Simulator;
let env: Record<string, string | undefined>;
let cli: InProcessCli;
const tried = { inProcess: 0, process: 0 };

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [DEMO_ACCOUNT], rateLimitPerSecond: 10_000 });
  env = {
    ...baseEnv(await freshHome(), simulator.endpoint),
    TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
    TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
  };
  // A fixed clock: the same argv must give the very same message every time.
  const now = Date.now();
  cli = inProcessCli(env, () => now);
});
afterAll(async () => {
  recordFigures('bad-input', {
    inputsTried: tried.inProcess + tried.process,
    note: `taper record: ${tried.inProcess} in-process + ${tried.process} via bin/taper`,
  });
  await simulator.close();
});

interface ErrorDocument {
  error: { code: string; message: string; requestId: string | null };
}

/** The contract for a refused input, whoever ran it. */
function expectRefused(bad: BadRecord, run: { code: number | null; stdout: string; stderr: string }): ErrorDocument {
  const context = `${JSON.stringify(bad.argv).slice(0, 400)} corrupted ${bad.corrupted.join(',')}\nstdout: ${run.stdout.slice(0, 400)}\nstderr: ${run.stderr.slice(0, 400)}`;
  expect(run.code, context).toBe(2);
  let document: ErrorDocument;
  try {
    document = JSON.parse(run.stdout) as ErrorDocument;
  } catch {
    throw new Error(`stdout is not one JSON document: ${context}`);
  }
  expect(document.error.code, context).toBe('Taper.InvalidInput');
  expect(document.error.message.length, context).toBeGreaterThan(5);
  expect(document.error.requestId, context).toBeNull();
  // No crash: no stack trace or internal error leaks out.
  expect(run.stderr + run.stdout, context).not.toMatch(
    /\n\s+at .+:\d+:\d+|TypeError|RangeError|ReferenceError|unexpected failure/,
  );
  return document;
}

async function createRequestsReceived(): Promise<number> {
  // Read the log the way another process would: over the control endpoint.
  const response = await fetch(`${simulator.endpoint}/__simulator/requests`);
  const { requests } = (await response.json()) as { requests: { action: string }[] };
  return requests.filter((request) => request.action === 'CreateRecordTask').length;
}

describe('bad `taper record` input', () => {
  it('control: a good invocation does reach the simulator, so "nothing received" below means something', async () => {
    const run = await cli.run([
      'record',
      '--domain',
      'push.example.com',
      '--app',
      'live',
      '--stream',
      'control',
      '--for',
      '1h',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(await createRequestsReceived()).toBe(1);
  });

  it(`in-process: ${IN_PROCESS_RUNS} generated bad invocations exit 2 with a stable Taper.InvalidInput, none sent`, async () => {
    await fc.assert(
      fc.asyncProperty(badRecordInvocation, async (bad) => {
        tried.inProcess += 1;
        const first = expectRefused(bad, await cli.run(bad.argv));
        const again = expectRefused(bad, await cli.run(bad.argv));
        expect(again, 'same input, same answer').toEqual(first);
      }),
      { numRuns: IN_PROCESS_RUNS },
    );
    expect(await createRequestsReceived()).toBe(1); // the control's, nothing more
    expect(simulator.tasks.list().map((task) => task.streamName)).toEqual(['control']);
  }, 120_000);

  it(`bin/taper: ${PROCESS_RUNS} generated bad invocations exit 2 with Taper.InvalidInput, none sent`, async () => {
    const samples = fc.sample(badRecordInvocation, { numRuns: PROCESS_RUNS });
    const queue = [...samples];
    const workers = Array.from({ length: PROCESS_PARALLEL }, async () => {
      for (let bad = queue.shift(); bad !== undefined; bad = queue.shift()) {
        expectRefused(bad, await runTaper(bad.argv, { env }));
        tried.process += 1;
      }
    });
    await Promise.all(workers);
    expect(await createRequestsReceived()).toBe(1); // the control's, nothing more
    expect(simulator.tasks.list().map((task) => task.streamName)).toEqual(['control']);
  }, 150_000);
});
