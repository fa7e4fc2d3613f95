// Faults: every simulator fault mode through the real `taper record`, injected over the control endpoint.
// Each must end with the contract's exit code and a catalog message; after every fault `taper sync` runs and the
// platform holds at most one task for the stream (exactly one when the create was executed): never a duplicate.
import { afterAll, describe, expect, it } from 'vitest';
import { describeError, resolveCatalogCode } from '../../../shared/errors/catalog.js';
import { FAULT_MODES, type FaultMode } from '../../../electron/simulator/index.js';
import { recordFigures } from '../../reliability/figures.js';
import { platformTasks, useCliSuite } from '../cli/cli-suite.js';
import { parseJson, runTaper } from '../cli/run-taper.js';

const suite = useCliSuite({ envCredentials: true, extraEnv: { TAPER_TIMEOUT_SECONDS: '1' } });

interface Expectation {
  /** Exit code of `taper record` (the exit-code contract, README). */
  exit: number;
  /** The code printed: a Taper.* code or the platform's own. */
  code: string;
  /** Was the create executed on the platform (so sync must find exactly one task)? */
  created: boolean;
  /** How many requests the fault spoils (rate-limit: more than the client's 5 retries). */
  times?: number;
  /** History status of the attempt after sync. */
  settled: string;
}

const EXPECTED: Record<FaultMode, Expectation> = {
  hang: { exit: 4, code: 'Taper.UnknownOutcome', created: false, settled: 'failed' },
  reset: { exit: 4, code: 'Taper.UnknownOutcome', created: false, settled: 'failed' },
  // A gateway's 502 or an HTML page may follow a create that happened: an unknown outcome, settled by sync.
  'http-502': { exit: 4, code: 'Taper.UnknownOutcome', created: false, settled: 'failed' },
  'non-json': { exit: 4, code: 'Taper.UnknownOutcome', created: false, settled: 'failed' },
  'rate-limit': { exit: 3, code: 'RequestLimitExceeded', created: false, times: 6, settled: 'failed' },
  'signature-expire': { exit: 3, code: 'AuthFailure.SignatureExpire', created: false, settled: 'failed' },
  'internal-error': { exit: 3, code: 'InternalError', created: false, settled: 'failed' },
  'vod-inactive': { exit: 3, code: 'ResourceUnavailable.InvalidVodStatus', created: false, settled: 'failed' },
  'max-running': { exit: 3, code: 'LimitExceeded.MaximumRunningTask', created: false, settled: 'failed' },
  // A key whose CAM policies do not allow the action (meant for VOD's SearchMedia; a create refused the same way).
  'unauthorized-operation': { exit: 3, code: 'AuthFailure.UnauthorizedOperation', created: false, settled: 'failed' },
  'create-then-hang': { exit: 4, code: 'Taper.UnknownOutcome', created: true, settled: 'scheduled' },
  'create-then-reset': { exit: 4, code: 'Taper.UnknownOutcome', created: true, settled: 'scheduled' },
};

const outcome = { injected: 0, survived: 0 };
afterAll(() => {
  recordFigures('faults', {
    faultsInjected: outcome.injected,
    faultsSurvived: outcome.survived,
    note: `${FAULT_MODES.length} modes via bin/taper + sync; plus rate-limit absorbed`,
  });
});

async function inject(mode: FaultMode, times = 1): Promise<void> {
  const response = await fetch(`${suite.simulator.endpoint}/__simulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode, times, action: 'CreateRecordTask' }),
  });
  expect(response.status).toBe(200);
}

interface Entry {
  taskId: string | null;
  status: string;
  stream: string;
  error: { code: string } | null;
}

describe('every simulator fault mode through bin/taper', () => {
  it('covers every mode the simulator has', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...FAULT_MODES].sort());
  });

  for (const mode of FAULT_MODES) {
    it(`${mode}: exit ${EXPECTED[mode].exit} with ${EXPECTED[mode].code} and its catalog text; sync leaves no duplicate`, async () => {
      const expected = EXPECTED[mode];
      const stream = `fault-${mode}-${Date.now()}`;
      const args = [
        'record',
        '--domain',
        'push.example.com',
        '--app',
        'live',
        '--stream',
        stream,
        '--from',
        '+1h',
        '--for',
        '1h',
        '--template',
        '1',
      ];
      outcome.injected += 1;
      await inject(mode, expected.times);

      // Human output: the code in brackets and the catalog's own title for it.
      const run = await runTaper(args, { env: suite.env });
      expect(run.code, run.stderr).toBe(expected.exit);
      expect(run.stderr).toContain(`error [${expected.code}]`);
      expect(resolveCatalogCode(expected.code), `${expected.code} has a catalog entry`).toBeDefined();
      const firstLine = describeError({ code: expected.code }, 'en').title.split(' (')[0] ?? '';
      expect(run.stderr).toContain(firstLine);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      // Every unknown outcome tells the user how to settle it.
      if (expected.code === 'Taper.UnknownOutcome') expect(run.stderr).toMatch(/taper sync/);

      const synced = await runTaper(['sync', '--json'], { env: suite.env });
      expect(synced.code, synced.stderr).toBe(0);
      const report = parseJson<{ resolved: number; stillUnknown: number }>(synced);
      const onPlatform = (await platformTasks(suite.simulator)).filter((task) => task.streamName === stream);
      expect(onPlatform).toHaveLength(expected.created ? 1 : 0);

      const history = parseJson<Entry[]>(
        await runTaper(['history', '--stream', stream, '--json'], { env: suite.env }),
      ).filter((entry) => entry.stream === stream);
      expect(history, 'one attempt, one entry').toHaveLength(1);
      if (expected.created) {
        // The lost answer is found on the platform: the entry gets its TaskId, nothing is created again.
        expect(report.resolved).toBe(1);
        expect(history[0]).toMatchObject({ taskId: onPlatform[0]?.taskId, status: 'scheduled' });
      } else if (expected.exit === 4) {
        // Nothing on the platform yet: within the listing's grace period the attempt stays unknown, never guessed.
        expect(report.stillUnknown).toBe(1);
        expect(history[0]).toMatchObject({ taskId: null, status: 'unknown' });
      } else {
        expect(history[0]).toMatchObject({ taskId: null, status: 'failed', error: { code: expected.code } });
      }

      if (!expected.created) {
        // The request was not executed: recording again (the fault is used up) creates exactly one task.
        const retry = await runTaper([...args, '--json'], { env: suite.env });
        expect(retry.code, retry.stderr).toBe(0);
        expect((await platformTasks(suite.simulator)).filter((task) => task.streamName === stream)).toHaveLength(1);
        const resynced = await runTaper(['sync', '--json'], { env: suite.env });
        expect(resynced.code, resynced.stderr).toBe(0);
        const entries = parseJson<Entry[]>(
          await runTaper(['history', '--stream', stream, '--json'], { env: suite.env }),
        );
        // The retry's task belongs to the retry's entry only; the earlier attempt is not pinned on it.
        expect(entries.filter((entry) => entry.taskId !== null)).toHaveLength(1);
      }
      outcome.survived += 1;
    });
  }

  it('a single RequestLimitExceeded is absorbed by the client retry: one task, exit 0', async () => {
    const stream = `fault-rate-once-${Date.now()}`;
    outcome.injected += 1;
    await inject('rate-limit', 1);
    const run = await runTaper(
      [
        'record',
        '--domain',
        'push.example.com',
        '--app',
        'live',
        '--stream',
        stream,
        '--from',
        '+1h',
        '--for',
        '1h',
        '--json',
      ],
      { env: suite.env },
    );
    expect(run.code, run.stderr).toBe(0);
    expect((await platformTasks(suite.simulator)).filter((task) => task.streamName === stream)).toHaveLength(1);
    outcome.survived += 1;
  });
});
