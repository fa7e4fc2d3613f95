// The tray with recordings of several links: one item per recording, Stop stops every link, open alerts
// show as an item that opens the history (where the alerts are), and disappear once acknowledged.
import { describe, expect, it, vi } from 'vitest';
import { trayLabels } from '../../../../electron/shell/tray-labels.js';
import { buildTrayMenu, trayTooltip, type TrayMenuItem } from '../../../../electron/shell/tray-menu.js';
import { SystemTrayService, type NativeMenuItem, type TrayActions } from '../../../../electron/shell/tray-service.js';
import { deriveTrayState } from '../../../../electron/shell/tray-state.js';
import type { PlannedLink, PlannedRecording } from '../../../../shared/schedule/plans.js';
import { entry, NOW } from '../../support/history-fixtures.js';

const DAY = 86_400;
const labels = trayLabels('en', 'UTC', () => NOW);
const labelsOf = (items: readonly TrayMenuItem[] | undefined) => (items ?? []).map((item) => item.label ?? '—');

function link(recordingId: string, index: number, start: number, patch: Partial<PlannedLink> = {}): PlannedLink {
  return {
    recordingId,
    index,
    startTime: start,
    endTime: start + DAY,
    status: 'planned',
    taskId: null,
    historyId: null,
    error: null,
    updatedAt: NOW,
    ...patch,
  };
}

function plan(recordingId: string, links: PlannedLink[], patch: Partial<PlannedRecording> = {}): PlannedRecording {
  return {
    recordingId,
    stream: { domainName: 'push.example.com', appName: 'live', streamName: 'marathon' },
    startTime: links[0]?.startTime ?? NOW,
    endTime: links.at(-1)?.endTime ?? NOW,
    templateId: null,
    streamType: 0,
    extension: null,
    profile: 'main',
    region: null,
    seriesId: null,
    occurrenceDate: null,
    createdAt: NOW - 600,
    links,
    ...patch,
  };
}

/** A 30 h recording that began 10 minutes ago: link 1 recording, link 2 scheduled, both created. */
function runningChain() {
  const start = NOW - 600;
  const entries = [
    entry({
      id: 'h1',
      stream: 'marathon',
      startTime: start,
      endTime: start + DAY,
      status: 'recording',
      recordingId: 'rec-1',
    }),
    entry({ id: 'h2', stream: 'marathon', startTime: start + DAY, endTime: start + 30 * 3600, recordingId: 'rec-1' }),
  ];
  const plans = [
    plan('rec-1', [
      link('rec-1', 0, start, { status: 'created', taskId: 'task-h1', historyId: 'h1' }),
      link('rec-1', 1, start + DAY, {
        endTime: start + 30 * 3600,
        status: 'created',
        taskId: 'task-h2',
        historyId: 'h2',
      }),
    ]),
  ];
  return { entries, plans };
}

describe('tray: recordings of several links', () => {
  it('lists a running chain once, with its whole time left, and Stop stops the whole recording', () => {
    const { entries, plans } = runningChain();
    const state = deriveTrayState([...entries, entry({ id: 'lone', startTime: NOW - 60, endTime: NOW + 600 })], NOW, {
      plans,
    });
    expect(state.recording.map((task) => [task.id, task.recordingId, task.links])).toEqual([
      ['lone', null, 1],
      ['rec-1', 'rec-1', 2],
    ]);
    expect(state.upNext).toEqual([]);
    const menu = buildTrayMenu(state, labels);
    expect(labelsOf(menu)).toContain('live/marathon · push.example.com (2 links) — 29 h 50 min left');
    expect(menu.find((item) => item.label === 'Stop recording')?.submenu?.map((item) => item.action)).toEqual([
      { kind: 'stop', id: 'lone', profile: 'main' },
      { kind: 'stop-recording', recordingId: 'rec-1', profile: 'main' },
    ]);
    expect(trayTooltip(state, labels)).toBe('Taper — recording 2 tasks');
  });

  it('lists a far-ahead plan under up next from its start, and drops a stopped chain', () => {
    const far = plan('rec-far', [link('rec-far', 0, NOW + 10 * DAY, { endTime: NOW + 10 * DAY + 3_600 })]);
    const stopped = runningChain();
    const entries = stopped.entries.map((one) => ({
      ...one,
      status: one.id === 'h1' ? ('stopped' as const) : ('deleted' as const),
    }));
    const state = deriveTrayState(entries, NOW, { plans: [far, ...stopped.plans] });
    expect(state.recording).toEqual([]);
    expect(state.upNext.map((task) => [task.id, task.startTime, task.links])).toEqual([['rec-far', NOW + 10 * DAY, 1]]);
    expect(labelsOf(buildTrayMenu(state, labels))).toContain('live/marathon · push.example.com — starts Jan 25, 08:00');
  });

  it('open alerts are an item at the top that opens the history; acknowledged ones are gone', () => {
    const missed = link('rec-2', 0, NOW - 2 * DAY, {
      status: 'missed',
      error: { code: 'Taper.Schedule.Missed', message: 'missed' },
    });
    const open = deriveTrayState([], NOW, { plans: [plan('rec-2', [missed])] });
    expect(open.alerts).toBe(1);
    const menu = buildTrayMenu(open, labels);
    expect(menu[0]).toEqual({
      label: '⚠ 1 recording missed or failed — review',
      action: { kind: 'open', view: 'history' },
    });
    const acknowledged = deriveTrayState([], NOW, { plans: [plan('rec-2', [{ ...missed, acknowledgedAt: NOW }])] });
    expect(acknowledged.alerts).toBe(0);
    expect(labelsOf(buildTrayMenu(acknowledged, labels))[0]).toBe('Quick record');
    expect(trayLabels('zh-CN', 'Asia/Shanghai', () => NOW).alerts(2)).toBe('⚠ 2 个录制有错过或失败的任务');
    expect(trayLabels('zh-CN', 'Asia/Shanghai', () => NOW).links(3)).toBe('3 段任务');
  });

  it('the service runs stop-recording and open-history clicks through its actions', () => {
    let menu: NativeMenuItem[] = [];
    const actions: TrayActions = {
      quickRecord: vi.fn(),
      recordUntil: vi.fn(),
      stop: vi.fn(),
      stopRecording: vi.fn(),
      open: vi.fn(),
      copyDiagnostics: vi.fn(),
      quit: vi.fn(),
    };
    const service = new SystemTrayService({
      createTray: () => ({
        setContextMenu: (built) => (menu = built as NativeMenuItem[]),
        setToolTip: () => undefined,
        setImage: () => undefined,
        on: () => undefined,
        destroy: () => undefined,
      }),
      buildMenu: (template) => template,
      iconFor: (status) => status,
      actions,
      openOnClick: true,
    });
    const { entries, plans } = runningChain();
    const missed = plan('rec-2', [
      link('rec-2', 0, NOW - 2 * DAY, { status: 'failed', error: { code: 'InvalidParameter', message: 'x' } }),
    ]);
    service.render(deriveTrayState(entries, NOW, { plans: [...plans, missed] }), labels);
    menu[0]?.click?.();
    expect(actions.open).toHaveBeenCalledWith('history');
    menu.find((item) => item.label === 'Stop recording')?.submenu?.[0]?.click?.();
    expect(actions.stopRecording).toHaveBeenCalledWith('rec-1', 'main');
    expect(actions.stop).not.toHaveBeenCalled();
  });
});
