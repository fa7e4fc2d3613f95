// Alerts for cron: `taper sync` and `taper alerts` print them on stdout, naming the stream, and end with 6 (done, but
// unacknowledged alerts need attention) until `taper alerts ack`; with nothing open both end with 0.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSuite } from './cli-suite.js';
import { plannedRecording, writePlans } from './plans-fixture.js';
import { parseJson, runTaper } from './run-taper.js';

const HOUR = 3_600;
const suite = useCliSuite({ envCredentials: true });

const ALERT_LINE =
  /^ALERT \[Taper\.Schedule\.Missed\]: recording gone: matinee \(live · push\.example\.com\) link 1 \(.+ → .+\) was missed: .* \(taper alerts ack gone\)$/m;

interface JsonAlert {
  recordingId: string;
  index: number;
  startTime: number;
  endTime: number;
  status: string;
  taskId: string | null;
  historyId: string | null;
  error: { code: string } | null;
  updatedAt: number;
  domain: string;
  app: string;
  stream: string;
}

describe('alerts on stdout, with the stream named', () => {
  it('a missed link: sync and alerts print it on stdout (not stderr) and exit 6, every time until acknowledged', async () => {
    const now = Math.floor(Date.now() / 1000);
    await writePlans(suite.home, [plannedRecording('gone', 'matinee', [[now - 3 * HOUR, now - 2 * HOUR]])]);

    const found = await runTaper(['sync'], { env: suite.env });
    expect(found.code, found.stderr).toBe(6);
    expect(found.stdout).toMatch(ALERT_LINE);
    expect(found.stderr).not.toContain('ALERT');
    const repeated = await runTaper(['sync'], { env: suite.env });
    expect(repeated.code).toBe(6);
    expect(repeated.stdout).toMatch(ALERT_LINE);

    const listed = await runTaper(['alerts'], { env: suite.env });
    expect(listed.code).toBe(6);
    expect(listed.stdout).toMatch(ALERT_LINE);
    expect(listed.stderr).toBe('');
    // Done, not failed: nothing for cli.log (the failure log).
    expect(existsSync(join(String(suite.env['TAPER_LOG_DIR']), 'cli.log'))).toBe(false);
  });

  it('alerts --json and sync --json: each alert keeps the link fields and gains domain, app and stream', async () => {
    const now = Math.floor(Date.now() / 1000);
    await writePlans(suite.home, [plannedRecording('gone', 'matinee', [[now - 3 * HOUR, now - 2 * HOUR]])]);
    const synced = await runTaper(['sync', '--json'], { env: suite.env });
    expect(synced.code, synced.stderr).toBe(6);
    const due = parseJson<{ due: { alerts: JsonAlert[] } }>(synced).due;
    expect(due.alerts).toEqual([
      expect.objectContaining({
        recordingId: 'gone',
        index: 0,
        status: 'missed',
        domain: 'push.example.com',
        app: 'live',
        stream: 'matinee',
      }),
    ]);

    const listed = await runTaper(['alerts', '--json'], { env: suite.env });
    expect(listed.code).toBe(6);
    const [alert] = parseJson<{ alerts: JsonAlert[] }>(listed).alerts;
    expect(alert).toEqual({
      recordingId: 'gone',
      index: 0,
      startTime: now - 3 * HOUR,
      endTime: now - 2 * HOUR,
      status: 'missed',
      taskId: null,
      historyId: null,
      error: expect.objectContaining({ code: 'Taper.Schedule.Missed' }),
      updatedAt: expect.any(Number),
      acknowledgedAt: undefined,
      domain: 'push.example.com',
      app: 'live',
      stream: 'matinee',
    });
  });
});

describe('exit 6 means attention, 0 means done', () => {
  it('after `taper alerts ack` both sync and alerts exit 0 and print no ALERT', async () => {
    const now = Math.floor(Date.now() / 1000);
    await writePlans(suite.home, [plannedRecording('gone', 'matinee', [[now - 3 * HOUR, now - 2 * HOUR]])]);
    expect((await runTaper(['sync'], { env: suite.env })).code).toBe(6);
    const acknowledged = await runTaper(['alerts', 'ack', '--all'], { env: suite.env });
    expect([acknowledged.code, acknowledged.stdout]).toEqual([0, 'Acknowledged 1 alert(s).\n']);

    const quiet = await runTaper(['sync'], { env: suite.env });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout + quiet.stderr).not.toContain('ALERT');
    const none = await runTaper(['alerts'], { env: suite.env });
    expect([none.code, none.stdout]).toEqual([0, 'No alerts.\n']);
    const noneJson = await runTaper(['alerts', '--json'], { env: suite.env });
    expect([noneJson.code, parseJson(noneJson)]).toEqual([0, { alerts: [], outcomeAlerts: [] }]);
  });

  it('with no plans at all: sync and alerts exit 0', async () => {
    const synced = await runTaper(['sync'], { env: suite.env });
    expect(synced.code, synced.stderr).toBe(0);
    const alerts = await runTaper(['alerts'], { env: suite.env });
    expect([alerts.code, alerts.stdout]).toEqual([0, 'No alerts.\n']);
  });

  it('a planned link created by sync is no alert: exit 0', async () => {
    const now = Math.floor(Date.now() / 1000);
    await writePlans(suite.home, [plannedRecording('soon', 'evening', [[now + HOUR, now + 2 * HOUR]])]);
    const synced = await runTaper(['sync'], { env: suite.env });
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).toMatch(/Created 1 planned task\(s\)/);
  });
});
