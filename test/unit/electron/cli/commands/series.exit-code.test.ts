import { describe, expect, it } from 'vitest';
import { alertsExitCode, syncExitCode, worse } from '../../../../../electron/cli/commands/series.js';
import { ExitCode } from '../../../../../electron/cli/exit-codes.js';
import type { DueReport, LinkEvent, LinkEventKind } from '../../../../../electron/services/schedule/scheduler.js';
import type { AppError } from '../../../../../shared/result.js';
import { HOUR, link, NOW } from '../../../support/cli-fixtures.js';

const missed = link('rec-1', 0, NOW - 2 * HOUR, NOW - HOUR, { status: 'missed' });

function event(kind: LinkEventKind, error: AppError | null = null): LinkEvent {
  return {
    kind,
    recordingId: 'rec-1',
    seriesId: null,
    occurrenceDate: null,
    stream: { domainName: 'd.example.com', appName: 'live', streamName: 's' },
    link: missed,
    lateBySeconds: 0,
    entry: null,
    error,
  };
}

const report = (
  events: LinkEvent[],
  alerts = events
    .filter((happened) => happened.kind === 'missed' || happened.kind === 'failed')
    .map((happened) => happened.link),
): DueReport => ({
  events,
  newAlerts: [],
  alerts,
  plannedCount: 0,
  ranAt: NOW,
});

describe('exit code 6 (done, alerts need attention)', () => {
  it('is part of the contract', () => {
    expect(ExitCode.Attention).toBe(6);
    expect(alertsExitCode(0)).toBe(0);
    expect(alertsExitCode(2)).toBe(6);
  });

  it('sync: 0 when done with nothing open, 6 while alerts are open (new or repeated), missed or refused', () => {
    expect(syncExitCode(report([]))).toBe(0);
    expect(syncExitCode(report([event('created')]))).toBe(0);
    expect(syncExitCode(report([event('missed')]))).toBe(6);
    expect(syncExitCode(report([event('failed', { code: 'InvalidParameter.TemplateNotFound', message: 'x' })]))).toBe(
      6,
    );
    expect(syncExitCode(report([], [missed]))).toBe(6);
  });

  it('sync: what could not be done now wins over alerts (unknown outcome 4, credentials 5, network 4)', () => {
    expect(syncExitCode(report([event('pending-sync')], [missed]))).toBe(4);
    expect(
      syncExitCode(report([event('deferred', { code: 'Taper.Credentials.Missing', message: 'x' })], [missed])),
    ).toBe(5);
    expect(syncExitCode(report([event('deferred', { code: 'Taper.Network', message: 'x' })]))).toBe(4);
  });

  it('ranks below every failure', () => {
    for (const code of [
      ExitCode.ApiRefused,
      ExitCode.Failure,
      ExitCode.InvalidInput,
      ExitCode.Unknown,
      ExitCode.Credentials,
    ]) {
      expect(worse(ExitCode.Attention, code)).toBe(code);
      expect(worse(code, ExitCode.Attention)).toBe(code);
    }
    expect(worse(ExitCode.Ok, ExitCode.Attention)).toBe(ExitCode.Attention);
  });
});
