import { describe, expect, it } from 'vitest';
import {
  dueReport,
  isNewAlert,
  isRefusal,
  lateWarning,
  linkEvent,
  markMissed,
  scheduledRecording,
  setLink,
} from '../../../../shared/schedule/link-events.js';
import { newRecording } from '../../../../shared/schedule/planned-recordings.js';
import { HOUR, entry, plansWith, stream } from '../../support/plan-fixtures.js';

const meta = { profile: null, region: null, seriesId: 's1', occurrenceDate: '2026-06-07', now: 10 };
const chain = () => newRecording('r1', { ...stream, startTime: 1_000, endTime: 1_000 + 30 * HOUR }, meta);

describe('link events', () => {
  it('copy the link as it was: a later change does not rewrite the event', () => {
    const recording = chain();
    const link = recording.links[0]!;
    const happened = linkEvent('created', recording, link, { lateBySeconds: 5 });
    setLink(link, { status: 'cancelled' }, 99);
    expect(happened).toMatchObject({
      kind: 'created',
      recordingId: 'r1',
      seriesId: 's1',
      occurrenceDate: '2026-06-07',
      lateBySeconds: 5,
      entry: null,
      error: null,
    });
    expect(happened.link.status).toBe('planned');
    expect([link.status, link.updatedAt]).toEqual(['cancelled', 99]);
  });

  it('a missed link keeps why it could not be sent, under the Missed code', () => {
    const link = chain().links[0]!;
    markMissed(link, 50);
    expect(link).toMatchObject({ status: 'missed', updatedAt: 50, error: { code: 'Taper.Schedule.Missed' } });
    expect(link.error?.message).toMatch(/^Missed: Its window ended before Taper could create the task/);
    const retried = chain().links[0]!;
    retried.error = { code: 'Taper.Network', message: 'connection refused' };
    markMissed(retried, 50);
    expect(retried.error).toEqual({ code: 'Taper.Schedule.Missed', message: 'Missed: connection refused' });
  });

  it('sorts kinds into refusals and alerts', () => {
    const recording = chain();
    const kinds = ['created', 'adopted', 'pending-sync', 'missed', 'failed', 'deferred'] as const;
    const events = kinds.map((kind) => linkEvent(kind, recording, recording.links[0]!));
    expect(events.filter(isRefusal).map((happened) => happened.kind)).toEqual(['failed', 'deferred']);
    expect(events.filter(isNewAlert).map((happened) => happened.kind)).toEqual(['missed', 'failed']);
  });

  it('warns of a link created late, by its number and how late', () => {
    const recording = chain();
    expect(lateWarning(linkEvent('created', recording, recording.links[1]!, { lateBySeconds: 30 }))).toEqual([
      { code: 'Schedule.Late', message: 'Link 2 began 30 s ago; it records from now on.' },
    ]);
    expect(lateWarning(linkEvent('created', recording, recording.links[0]!))).toEqual([]);
  });
});

describe('reports', () => {
  it("record's answer: entries created, links still planned, the split's warnings then late ones", () => {
    const recording = chain();
    const created = entry('h1', recording.links[0]!);
    setLink(recording.links[0]!, { status: 'created', taskId: created.taskId }, 20);
    const events = [linkEvent('created', recording, recording.links[0]!, { entry: created, lateBySeconds: 7 })];
    const split = [{ code: 'Chain', message: 'two links' }];
    const answer = scheduledRecording(recording, events, split);
    expect(answer.created).toEqual([created]);
    expect(answer.planned.map((link) => link.index)).toEqual([1]);
    expect(answer.warnings.map((warning) => warning.code)).toEqual(['Chain', 'Schedule.Late']);
  });

  it("runDue's answer: new alerts of this run, every open alert, and what is still planned", () => {
    const document = plansWith();
    const recording = chain();
    document.recordings.push(recording);
    markMissed(recording.links[0]!, 30);
    const events = [linkEvent('missed', recording, recording.links[0]!)];
    const report = dueReport(document, events, 30);
    expect(report.newAlerts).toEqual(events);
    expect(report.alerts.map((link) => [link.index, link.status])).toEqual([[0, 'missed']]);
    expect([report.plannedCount, report.ranAt]).toEqual([1, 30]);
  });
});
