import { describe, expect, it } from 'vitest';
import { newRecording } from '../../../../shared/schedule/planned-recordings.js';
import {
  acknowledgeAlertsIn,
  actionSteps,
  actionTargets,
  cancelPlannedLinks,
  recordingEntries,
  type ActionTarget,
} from '../../../../shared/schedule/recording-targets.js';
import { DAY, HOUR, entry, plansWith, stream } from '../../support/plan-fixtures.js';

const meta = { profile: null, region: null, seriesId: null, occurrenceDate: null, now: 0 };
/** A 30 h chain from `DAY`: link 0 created (h0), link 1 still planned. */
function chain() {
  const recording = newRecording('r1', { ...stream, startTime: DAY, endTime: DAY + 30 * HOUR }, meta);
  Object.assign(recording.links[0]!, { status: 'created', taskId: 'task-h0', historyId: 'h0' });
  return recording;
}
const target = (overrides: Partial<ActionTarget>): ActionTarget => ({
  index: 0,
  taskId: 'task-a',
  status: 'recording',
  startTime: 0,
  historyId: 'ha',
  ...overrides,
});

describe('targets of stop and delete', () => {
  it('cancels the planned links only, stamping them', () => {
    const recording = chain();
    expect(cancelPlannedLinks(recording, 77)).toEqual([1]);
    expect(recording.links.map((link) => [link.status, link.updatedAt])).toEqual([
      ['created', 0],
      ['cancelled', 77],
    ]);
    expect(cancelPlannedLinks(undefined, 77)).toEqual([]);
  });

  it("takes the recording's history entries (or the plain task's) and adopted links, earliest first", () => {
    const recording = chain();
    Object.assign(recording.links[1]!, { status: 'created', taskId: 'task-adopted', historyId: null });
    const entries = [
      entry('h0', recording.links[0]!, { recordingId: 'r1' }),
      entry('other', recording.links[0]!),
      entry('r2', recording.links[0]!),
    ];
    expect(recordingEntries(entries, 'r1').map((found) => found.id)).toEqual(['h0']);
    expect(recordingEntries(entries, 'r2').map((found) => found.id)).toEqual(['r2']);
    expect(actionTargets(recording, recordingEntries(entries, 'r1')).reverse()).toEqual([
      { index: 1, taskId: 'task-adopted', status: 'scheduled', startTime: DAY + 24 * HOUR, historyId: null },
      { index: 0, taskId: 'task-h0', status: 'scheduled', startTime: DAY, historyId: 'h0' },
    ]);
    expect(actionTargets(undefined, [entries[2]!]).map((found) => found.index)).toEqual([-1]);
  });

  it('stops the running link, deletes those not begun, and leaves done or unknown ones', () => {
    const targets = [
      target({ index: 0, taskId: 'task-running', startTime: 100 }),
      target({ index: 1, taskId: 'task-later', startTime: 900, status: 'scheduled' }),
      target({ index: 2, taskId: 'task-running', startTime: 100 }),
      target({ index: 3, taskId: 'task-stopped', status: 'stopped' }),
      target({ index: 4, taskId: 'task-gone', status: 'deleted' }),
      target({ index: 5, taskId: null, status: 'unknown', historyId: 'hu' }),
    ];
    const steps = actionSteps(targets, 'stop', 500);
    expect(steps).toHaveLength(3);
    expect(steps[0]).toEqual({ kind: 'call', action: 'stopped', index: 0, taskId: 'task-running', historyId: 'ha' });
    expect(steps[1]).toEqual({ kind: 'call', action: 'deleted', index: 1, taskId: 'task-later', historyId: 'ha' });
    expect(steps[2]).toEqual({
      kind: 'decided',
      action: {
        index: 5,
        taskId: null,
        action: 'skipped',
        error: {
          code: 'Taper.UnknownOutcome',
          message: 'Its create has an unknown outcome; run sync, then act again.',
        },
      },
    });
    const deleting = actionSteps(targets, 'delete', 500).filter((step) => step.kind === 'call');
    expect(deleting.map((step) => [step.index, step.action])).toEqual([
      [0, 'deleted'],
      [1, 'deleted'],
      [3, 'deleted'],
    ]);
  });
});

describe('acknowledging alerts', () => {
  const alerting = () => {
    const document = plansWith();
    for (const id of ['r1', 'r2']) {
      const recording = newRecording(id, { ...stream, startTime: DAY, endTime: DAY + HOUR }, meta);
      recording.links[0]!.status = 'missed';
      document.recordings.push(recording);
    }
    return document;
  };

  it("marks the chosen recordings' open alerts seen and answers copies of them", () => {
    const document = alerting();
    const acknowledged = acknowledgeAlertsIn(document, ['r2'], 42);
    expect(acknowledged.ok && acknowledged.value.map((link) => [link.recordingId, link.acknowledgedAt])).toEqual([
      ['r2', 42],
    ]);
    expect(document.recordings.map((recording) => recording.links[0]?.acknowledgedAt)).toEqual([undefined, 42]);
    expect(acknowledgeAlertsIn(document, 'all', 43).ok && document.recordings[0]?.links[0]?.acknowledgedAt).toBe(43);
  });

  it('changes nothing when an id is unknown, naming every unknown one', () => {
    const document = alerting();
    expect(acknowledgeAlertsIn(document, ['r1', 'x', 'y'], 42)).toEqual({
      ok: false,
      error: { code: 'Taper.Schedule.NotFound', message: 'No recording with id x, y.' },
    });
    expect(document.recordings.every((recording) => recording.links[0]?.acknowledgedAt === undefined)).toBe(true);
  });
});
