import { describe, expect, it } from 'vitest';
import { historyRows, isPlanRow } from '../../../../../electron/cli/commands/history-rows.js';
import { DAY, entry, HOUR, link, NOW, recording } from '../../../support/cli-fixtures.js';

const far = recording('far', 'far-show', [link('far', 0, NOW + 8 * DAY, NOW + 8 * DAY + 2 * HOUR)]);

describe('historyRows', () => {
  it('lists a planned link that has no attempt, in the shape of an entry, with recordingId and when it is created', () => {
    expect(historyRows([], [far])).toEqual([
      {
        id: null,
        taskId: null,
        requestId: null,
        status: 'planned',
        domain: '5000.livepush.myqcloud.com',
        app: 'live',
        stream: 'far-show',
        startTime: NOW + 8 * DAY,
        endTime: NOW + 8 * DAY + 2 * HOUR,
        templateId: 1,
        streamType: 0,
        profile: null,
        region: null,
        createdAt: NOW - DAY,
        updatedAt: NOW - DAY,
        error: null,
        source: 'taper',
        extension: null,
        recordingId: 'far',
        seriesId: null,
        linkIndex: 0,
        createAt: NOW + 2 * DAY, // 6 days before its start
      },
    ]);
  });

  it('lists missed links; leaves out created, pending and cancelled ones (their attempts are the history entries)', () => {
    const chain = recording('chain', 'evening-show', [
      link('chain', 0, NOW - 2 * DAY, NOW - DAY, { status: 'created', taskId: 'task-a', historyId: 'a' }),
      link('chain', 1, NOW - DAY, NOW - HOUR, {
        status: 'missed',
        error: { code: 'Taper.Schedule.Missed', message: 'Missed' },
      }),
      link('chain', 2, NOW - HOUR, NOW + HOUR, { status: 'pending-sync', historyId: 'b' }),
      link('chain', 3, NOW + HOUR, NOW + DAY, { status: 'cancelled' }),
    ]);
    const rows = historyRows(
      [
        entry('b', { taskId: null, status: 'unknown', createdAt: NOW - HOUR }),
        entry('a', { createdAt: NOW - 2 * DAY }),
      ],
      [chain],
    );
    expect(rows.map((row) => [row.id, row.status, row.recordingId])).toEqual([
      ['b', 'unknown', 'chain'],
      [null, 'missed', 'chain'],
      ['a', 'scheduled', 'chain'],
    ]);
    expect(rows[1]).toMatchObject({ createAt: null, linkIndex: 1, error: { code: 'Taper.Schedule.Missed' } });
  });

  it('a planned link whose attempt is in the history is that attempt, not a second row', () => {
    const plan = recording('r', 'evening-show', [link('r', 0, NOW + HOUR, NOW + 2 * HOUR, { historyId: 'h1' })]);
    expect(historyRows([entry('h1', { recordingId: 'r' })], [plan]).map((row) => row.id)).toEqual(['h1']);
  });

  it('names the recording of entries the plans know by history id or TaskId; lone entries get null', () => {
    const plan = recording('r', 'evening-show', [
      link('r', 0, NOW, NOW + HOUR, { status: 'created', historyId: 'h1', taskId: 'task-h1' }),
      link('r', 1, NOW + HOUR, NOW + 2 * HOUR, { status: 'created', taskId: 'adopted' }),
    ]);
    const rows = historyRows([entry('h1'), entry('h2', { taskId: 'adopted' }), entry('lone')], [plan]);
    expect(rows.map((row) => [row.id, row.recordingId])).toEqual([
      ['h1', 'r'],
      ['h2', 'r'],
      ['lone', null],
    ]);
  });

  it('filters plan rows and entries alike by stream (substring, any case) and status', () => {
    const rows = [entry('e1', { stream: 'Evening-Show' }), entry('e2', { stream: 'news', status: 'finished' })];
    expect(historyRows(rows, [far], { stream: 'FAR' }).map((row) => row.stream)).toEqual(['far-show']);
    expect(historyRows(rows, [far], { stream: 'evening' }).map((row) => row.id)).toEqual(['e1']);
    expect(historyRows(rows, [far], { status: 'planned' }).map((row) => row.recordingId)).toEqual(['far']);
    expect(historyRows(rows, [far], { status: 'finished' }).map((row) => row.id)).toEqual(['e2']);
    expect(historyRows(rows, [far], { status: 'missed' })).toEqual([]);
  });

  it('orders newest first by when the attempt was made or the recording planned; a chain keeps its link order', () => {
    const chain = recording(
      'c',
      's',
      [link('c', 0, NOW + 8 * DAY, NOW + 9 * DAY), link('c', 1, NOW + 9 * DAY, NOW + 10 * DAY)],
      { createdAt: NOW - HOUR },
    );
    const rows = historyRows([entry('new', { createdAt: NOW }), entry('old', { createdAt: NOW - DAY * 3 })], [chain]);
    expect(rows.map((row) => (isPlanRow(row) ? `c#${row.linkIndex}` : row.id))).toEqual(['new', 'c#0', 'c#1', 'old']);
  });
});
