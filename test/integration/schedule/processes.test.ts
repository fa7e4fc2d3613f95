// The scheduler across real processes: two `taper sync` (the tray app's tick and a cron job, say) running runDue at
// the same moment create each due link exactly once; missed alerts repeat on every sync until acknowledged.
import { describe, expect, it } from 'vitest';
import { createPlanStore } from '../../../electron/services/schedule/plan-store.js';
import { useCliSuite } from '../cli/cli-suite.js';
import { plannedRecording, writePlans } from '../cli/plans-fixture.js';
import { parseJson, runTaper } from '../cli/run-taper.js';

const HOUR = 3_600;
const suite = useCliSuite({ envCredentials: true });

/** Tasks on the platform for a stream (the simulator keeps every task created). */
const creates = (streamName: string) => suite.simulator.tasks.list().filter((task) => task.streamName === streamName);

describe('runDue in two processes at once', () => {
  it('two `taper sync` started together create every due link once: a 30 h chain (2 tasks) and a single window', async () => {
    const now = Math.floor(Date.now() / 1000);
    await writePlans(suite.home, [
      plannedRecording('chain', 'marathon', [
        [now + HOUR, now + 25 * HOUR],
        [now + 25 * HOUR, now + 31 * HOUR],
      ]),
      plannedRecording('single', 'evening', [[now + 2 * HOUR, now + 3 * HOUR]]),
    ]);
    const [first, second] = await Promise.all([
      runTaper(['sync', '--json'], { env: suite.env }),
      runTaper(['sync', '--json'], { env: suite.env }),
    ]);
    expect([first.code, second.code], first.stderr + second.stderr).toEqual([0, 0]);

    expect(creates('marathon')).toHaveLength(2);
    expect(creates('evening')).toHaveLength(1);
    // Between them the two runs report each link created once; the later run found nothing left to do.
    const events = [first, second].flatMap(
      (run) => parseJson<{ due: { events: { kind: string; recordingId: string; index: number }[] } }>(run).due.events,
    );
    expect(
      events
        .filter((event) => event.kind === 'created')
        .map((event) => `${event.recordingId}#${event.index}`)
        .sort(),
    ).toEqual(['chain#0', 'chain#1', 'single#0']);

    const history = parseJson<{ stream: string; taskId: string | null; recordingId?: string }[]>(
      await runTaper(['history', '--json'], { env: suite.env }),
    );
    expect(history.filter((entry) => entry.recordingId === 'chain')).toHaveLength(2);
    expect(history).toHaveLength(3);
    const stored = await createPlanStore({ directory: suite.home }).read();
    expect(
      stored.ok && stored.value.recordings.flatMap((recording) => recording.links.map((link) => link.status)),
    ).toEqual(['created', 'created', 'created']);
  });
});

describe('taper alerts', () => {
  it('a missed link is an ALERT on every sync until acknowledged; then sync is silent and `taper alerts` says so', async () => {
    const now = Math.floor(Date.now() / 1000);
    await writePlans(suite.home, [plannedRecording('gone', 'matinee', [[now - 3 * HOUR, now - 2 * HOUR]])]);

    // On stdout with the stream named; exit 6 (done, attention needed) while it is open.
    const found = await runTaper(['sync'], { env: suite.env });
    expect(found.code).toBe(6);
    expect(found.stdout).toMatch(
      /ALERT \[Taper\.Schedule\.Missed\]: recording gone: matinee \(live · push\.example\.com\) link 1 .* \(taper alerts ack gone\)/,
    );
    const repeated = await runTaper(['sync'], { env: suite.env });
    expect(repeated.code).toBe(6);
    expect(repeated.stdout).toContain('ALERT [Taper.Schedule.Missed]: recording gone');

    const listed = parseJson<{ alerts: { recordingId: string; status: string }[] }>(
      await runTaper(['alerts', '--json'], { env: suite.env }),
    );
    expect(listed.alerts.map((alert) => [alert.recordingId, alert.status])).toEqual([['gone', 'missed']]);

    const typo = await runTaper(['alerts', 'ack', 'gnoe'], { env: suite.env });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('gnoe');
    expect((await runTaper(['alerts', 'ack'], { env: suite.env })).code).toBe(2);

    const acknowledged = await runTaper(['alerts', 'ack', 'gone'], { env: suite.env });
    expect([acknowledged.code, acknowledged.stdout]).toEqual([0, 'Acknowledged 1 alert(s).\n']);
    const quiet = await runTaper(['sync'], { env: suite.env });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout + quiet.stderr).not.toContain('ALERT');
    expect((await runTaper(['alerts'], { env: suite.env })).stdout).toBe('No alerts.\n');
    // Still in the plans (kept until pruned), marked as seen.
    const stored = await createPlanStore({ directory: suite.home }).read();
    expect(stored.ok && stored.value.recordings[0]?.links[0]?.acknowledgedAt).toBeGreaterThan(0);
  });
});
