import { describe, expect, it } from 'vitest';
import {
  canActOnGroup,
  filterItems,
  groupHistory,
  statusSummary,
  type RecordingGroup,
} from '../../../../renderer/history/recording-groups.js';
import type { PlannedLink, PlannedRecording } from '../../../../shared/schedule/plans.js';
import { historyEntry } from '../../support/fake-api.js';

const NOW = 1_795_608_000;
const DAY = 86_400;
const stream = { domainName: '5000.livepush.myqcloud.com', appName: 'live', streamName: 'marathon' };

function link(index: number, patch: Partial<PlannedLink> = {}): PlannedLink {
  return {
    recordingId: 'rec-1',
    index,
    startTime: NOW + index * DAY,
    endTime: NOW + (index + 1) * DAY,
    status: 'planned',
    taskId: null,
    historyId: null,
    error: null,
    updatedAt: NOW,
    ...patch,
  };
}

function plan(links: PlannedLink[], patch: Partial<PlannedRecording> = {}): PlannedRecording {
  return {
    recordingId: 'rec-1',
    stream,
    startTime: links[0]?.startTime ?? NOW,
    endTime: links.at(-1)?.endTime ?? NOW,
    templateId: null,
    streamType: 0,
    extension: null,
    profile: null,
    region: null,
    seriesId: null,
    occurrenceDate: null,
    createdAt: NOW - 60,
    links,
    ...patch,
  };
}

const groups = (items: ReturnType<typeof groupHistory>) =>
  items.filter((item): item is RecordingGroup => item.kind === 'recording');

describe('groupHistory', () => {
  it('makes one group of the entries of one recording, in link order, with the links still planned', () => {
    const first = historyEntry({
      id: 'h1',
      taskId: 'T1',
      status: 'recording',
      stream: 'marathon',
      startTime: null,
      createdAt: NOW,
      endTime: NOW + DAY,
      recordingId: 'rec-1',
    });
    const second = historyEntry({
      id: 'h2',
      taskId: 'T2',
      status: 'scheduled',
      stream: 'marathon',
      startTime: NOW + DAY,
      endTime: NOW + 2 * DAY,
      createdAt: NOW,
      recordingId: 'rec-1',
    });
    const lone = historyEntry({ id: 'h3', stream: 'news' });
    const items = groupHistory(
      [second, lone, first],
      [
        plan([
          link(0, { status: 'created', taskId: 'T1', historyId: 'h1' }),
          link(1, { status: 'created', taskId: 'T2', historyId: 'h2' }),
          link(2, { startTime: NOW + 2 * DAY, endTime: NOW + 2 * DAY + 3_600 }),
        ]),
      ],
    );
    expect(
      items.filter((item) => item.kind === 'task').map((item) => (item.kind === 'task' ? item.entry.id : '')),
    ).toEqual(['h3']);
    const [group] = groups(items);
    expect(group?.links.map((one) => [one.index, one.status, one.taskId])).toEqual([
      [0, 'recording', 'T1'],
      [1, 'scheduled', 'T2'],
      [2, 'planned', null],
    ]);
    // A planned link is created once within reach: 6 days before its start.
    expect(group?.links[2]?.createAt).toBe(NOW + 2 * DAY - 6 * DAY);
    expect(group && [group.startTime, group.endTime, group.attempts]).toEqual([NOW, NOW + 2 * DAY + 3_600, 2]);
    expect(group && statusSummary(group)).toEqual([
      { status: 'recording', count: 1 },
      { status: 'scheduled', count: 1 },
      { status: 'planned', count: 1 },
    ]);
    expect(group && canActOnGroup(group)).toBe(true);
  });

  it('shows a far-ahead plan with no task yet, and a recording whose plan was pruned from its entries alone', () => {
    const onlyPlanned = groups(
      groupHistory([], [plan([link(0, { startTime: NOW + 10 * DAY, endTime: NOW + 10 * DAY + 3_600 })])]),
    )[0];
    expect(onlyPlanned?.links.map((one) => one.status)).toEqual(['planned']);
    expect(onlyPlanned?.stream).toBe('marathon');
    const old = [
      historyEntry({
        id: 'o2',
        stream: 'old',
        status: 'finished',
        startTime: NOW - DAY,
        endTime: NOW,
        recordingId: 'rec-old',
      }),
      historyEntry({
        id: 'o1',
        stream: 'old',
        status: 'finished',
        startTime: NOW - 2 * DAY,
        endTime: NOW - DAY,
        recordingId: 'rec-old',
      }),
    ];
    const pruned = groups(groupHistory(old, []))[0];
    expect(pruned?.links.map((one) => one.entry?.id)).toEqual(['o1', 'o2']);
    expect(pruned && [pruned.startTime, pruned.endTime]).toEqual([NOW - 2 * DAY, NOW]);
    expect(pruned && canActOnGroup(pruned)).toBe(false);
  });

  it('keeps missed and failed links with their reason, and cancelled ones after a stop', () => {
    const missed = link(0, {
      status: 'missed',
      error: { code: 'Taper.Schedule.Missed', message: 'Missed: app not running' },
    });
    const group = groups(groupHistory([], [plan([missed, link(1, { status: 'cancelled' })])]))[0];
    expect(group?.links.map((one) => [one.status, one.error?.code ?? null])).toEqual([
      ['missed', 'Taper.Schedule.Missed'],
      ['cancelled', null],
    ]);
    expect(group && canActOnGroup(group)).toBe(false);
  });

  it('groups 20,000 entries quickly (linear)', () => {
    const entries = Array.from({ length: 20_000 }, (_, index) =>
      historyEntry({
        id: `e${index}`,
        createdAt: NOW - index,
        recordingId: index % 2 === 0 ? `rec-${(index / 2) % 1000}` : null,
      }),
    );
    const started = performance.now();
    const items = groupHistory(entries, []);
    const shown = filterItems(items, { search: '', status: '' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(shown).toHaveLength(10_000 + 1_000);
  });
});

describe('filterItems', () => {
  it('matches a group on its stream, any link status and its whole window; newest first', () => {
    const entry = historyEntry({
      id: 'h1',
      stream: 'marathon',
      status: 'recording',
      createdAt: NOW,
      recordingId: 'rec-1',
      startTime: NOW,
      endTime: NOW + DAY,
    });
    const lone = historyEntry({
      id: 'h2',
      stream: 'news',
      status: 'finished',
      createdAt: NOW - 10,
      startTime: NOW - 7_200,
      endTime: NOW - 3_600,
    });
    const items = groupHistory(
      [entry, lone],
      [plan([link(0, { status: 'created', historyId: 'h1', taskId: entry.taskId }), link(1)])],
    );
    expect(filterItems(items, { search: 'MARA', status: '' }).map((item) => item.kind)).toEqual(['recording']);
    expect(filterItems(items, { search: '', status: 'recording' }).map((item) => item.kind)).toEqual(['recording']);
    expect(filterItems(items, { search: '', status: '' }).map((item) => item.kind)).toEqual(['recording', 'task']);
    // The second link (tomorrow) is inside the group's window: a date filter on tomorrow still finds the recording.
    expect(
      filterItems(items, { search: '', status: '', from: NOW + DAY + 60, until: NOW + DAY + 120 }).map(
        (item) => item.kind,
      ),
    ).toEqual(['recording']);
  });
});
