import { describe, expect, it, vi } from 'vitest';
import { buildTrayMenu, trayStatus, type TrayMenuItem } from '../../../../electron/shell/tray-menu.js';
import { trayLabels } from '../../../../electron/shell/tray-labels.js';
import {
  SystemTrayService,
  type NativeMenuItem,
  type TrayActions,
  type TrayLike,
} from '../../../../electron/shell/tray-service.js';
import { deriveTrayState } from '../../../../electron/shell/tray-state.js';
import { entry, NOW } from '../../support/history-fixtures.js';

const labels = trayLabels('en', 'UTC', () => NOW);
const labelsOf = (items: readonly TrayMenuItem[] | undefined) => (items ?? []).map((item) => item.label ?? '—');
const find = (items: readonly TrayMenuItem[], label: string) => items.find((item) => item.label === label);

describe('deriveTrayState', () => {
  it('puts running tasks under recording and future ones under up next, by time', () => {
    const state = deriveTrayState(
      [
        entry({ id: 'later', startTime: NOW + 7_200, endTime: NOW + 9_000 }),
        entry({ id: 'soon', startTime: NOW + 600 }),
        entry({ id: 'now', startTime: null, createdAt: NOW - 100, endTime: NOW + 1_000, status: 'recording' }),
        entry({ id: 'stale-status', startTime: NOW - 50, endTime: NOW + 50, status: 'scheduled' }),
        entry({ id: 'over', startTime: NOW - 900, endTime: NOW - 1, status: 'recording' }),
        entry({ id: 'stopped', startTime: NOW - 100, status: 'stopped' }),
        entry({ id: 'failed', taskId: null, status: 'failed' }),
      ],
      NOW,
    );
    expect(state.recording.map((task) => task.id)).toEqual(['stale-status', 'now']);
    expect(state.upNext.map((task) => task.id)).toEqual(['soon', 'later']);
    expect(trayStatus(state)).toBe('recording');
  });

  it('offers each recently used stream once, newest first, failed attempts included', () => {
    const state = deriveTrayState(
      [
        entry({ id: 'a', stream: 'morning', createdAt: NOW - 300 }),
        entry({ id: 'b', stream: 'evening', createdAt: NOW - 100, status: 'failed', taskId: null }),
        entry({ id: 'c', stream: 'morning', createdAt: NOW - 50, profile: 'other' }),
      ],
      NOW,
      { maxRecentStreams: 5 },
    );
    expect(state.recentStreams.map((stream) => [stream.streamName, stream.profile])).toEqual([
      ['morning', 'other'],
      ['evening', 'main'],
    ]);
  });

  it('limits up next and recent streams', () => {
    const many = Array.from({ length: 40 }, (_, index) =>
      entry({
        id: `t${index}`,
        stream: `s${index}`,
        startTime: NOW + 60 * (index + 1),
        endTime: NOW + 60 * (index + 2),
        createdAt: NOW - index,
      }),
    );
    const state = deriveTrayState(many, NOW, { maxUpNext: 3, maxRecentStreams: 4 });
    expect(state.upNext.map((task) => task.id)).toEqual(['t0', 't1', 't2']);
    expect(state.recentStreams.map((stream) => stream.streamName)).toEqual(['s0', 's1', 's2', 's3']);
  });
});

describe('buildTrayMenu', () => {
  it('idle: quick record points to the form, nothing scheduled, no stop menu', () => {
    const state = deriveTrayState([], NOW);
    const menu = buildTrayMenu(state, labels);
    expect(trayStatus(state)).toBe('idle');
    expect(labelsOf(menu)).toEqual([
      'Quick record',
      '—',
      'Up next',
      'Nothing scheduled',
      '—',
      'Open Taper',
      'History',
      'Settings',
      'Copy diagnostics',
      '—',
      'Quit',
    ]);
    expect(find(menu, 'Quick record')?.submenu?.[1]?.action).toEqual({ kind: 'open', view: 'record' });
  });

  it('scheduled: lists the next task with its start time', () => {
    const state = deriveTrayState([entry({ id: 'a', startTime: NOW + 600 })], NOW);
    const menu = buildTrayMenu(state, labels);
    expect(trayStatus(state)).toBe('scheduled');
    expect(labelsOf(menu)).toContain('live/show · push.example.com — starts 08:10');
    expect(find(menu, 'Stop recording')).toBeUndefined();
    expect(labels.tooltip('scheduled', 1)).toBe('Taper — 1 task scheduled');
  });

  it('recording: shows time left and a stop item per running task', () => {
    const state = deriveTrayState(
      [
        entry({ id: 'a', startTime: NOW - 60, endTime: NOW + 3_000 }),
        entry({ id: 'b', stream: 'other', startTime: NOW - 60, endTime: NOW + 90, profile: null }),
      ],
      NOW,
    );
    const menu = buildTrayMenu(state, labels);
    expect(labelsOf(menu)).toEqual(
      expect.arrayContaining([
        'Now recording',
        'live/other · push.example.com — 2 min left',
        'live/show · push.example.com — 50 min left',
      ]),
    );
    expect(find(menu, 'Stop recording')?.submenu?.map((item) => item.action)).toEqual([
      { kind: 'stop', id: 'b', profile: null },
      { kind: 'stop', id: 'a', profile: 'main' },
    ]);
  });

  it('stream names made outside Taper: Chinese and formula-like names as they are, a tab or CR as a space; the action keeps the real name', () => {
    const names = ['晚间新闻', '=HYPERLINK("x")', '+1', '-2', '@me', '\tindent', 'line\rbreak'];
    const state = deriveTrayState(
      names.map((stream, index) =>
        entry({
          id: `h${index}`,
          stream,
          startTime: NOW + 600 * (index + 1),
          endTime: NOW + 600 * (index + 2),
          createdAt: NOW - index,
        }),
      ),
      NOW,
      { maxUpNext: 10 },
    );
    const upNext = labelsOf(buildTrayMenu(state, labels)).filter((label) => label.includes('push.example.com'));
    expect(upNext).toEqual([
      'live/晚间新闻 · push.example.com — starts 08:10',
      'live/=HYPERLINK("x") · push.example.com — starts 08:20',
      'live/+1 · push.example.com — starts 08:30',
      'live/-2 · push.example.com — starts 08:40',
      'live/@me · push.example.com — starts 08:50',
      'live/ indent · push.example.com — starts 09:00',
      'live/line break · push.example.com — starts 09:10',
    ]);
    const quick = find(
      buildTrayMenu(
        deriveTrayState(
          [entry({ id: 'q', stream: 'line\rbreak', status: 'finished', startTime: NOW - 7_200, endTime: NOW - 3_600 })],
          NOW,
        ),
        labels,
      ),
      'Quick record',
    )?.submenu?.[0];
    expect(quick?.label).toBe('live/line break · push.example.com');
    expect(quick?.submenu?.[0]?.action).toMatchObject({ stream: { streamName: 'line\rbreak' } });
  });

  it('quick record: 30 min / 1 h / 2 h / Until… per recent stream', () => {
    const state = deriveTrayState(
      [entry({ id: 'a', status: 'finished', startTime: NOW - 7_200, endTime: NOW - 3_600 })],
      NOW,
    );
    const streamMenu = find(buildTrayMenu(state, labels), 'Quick record')?.submenu?.[0];
    expect(streamMenu?.label).toBe('live/show · push.example.com');
    const stream = { domainName: 'push.example.com', appName: 'live', streamName: 'show' };
    expect(streamMenu?.submenu?.map((item) => [item.label, item.action])).toEqual([
      ['30 min', { kind: 'quick-record', stream, profile: 'main', minutes: 30 }],
      ['1 h', { kind: 'quick-record', stream, profile: 'main', minutes: 60 }],
      ['2 h', { kind: 'quick-record', stream, profile: 'main', minutes: 120 }],
      ['Until…', { kind: 'record-until', stream, profile: 'main' }],
    ]);
  });

  it('speaks Simplified Chinese', () => {
    const menu = buildTrayMenu(
      deriveTrayState([], NOW),
      trayLabels('zh-CN', 'Asia/Shanghai', () => NOW),
    );
    expect(labelsOf(menu)).toEqual([
      '快速录制',
      '—',
      '即将开始',
      '没有计划的任务',
      '—',
      '打开 Taper',
      '历史记录',
      '设置',
      '复制诊断信息',
      '—',
      '退出',
    ]);
  });
});

function fakeTray(openOnClick = true) {
  const calls: string[] = [];
  let clickListener: (() => void) | undefined;
  let menu: NativeMenuItem[] = [];
  const tray: TrayLike = {
    setContextMenu: (built) => {
      calls.push('menu');
      menu = built as NativeMenuItem[];
    },
    setToolTip: (text) => calls.push(`tooltip:${text}`),
    setImage: (icon) => calls.push(`image:${icon}`),
    on: (_event, listener) => (clickListener = listener),
    destroy: () => calls.push('destroy'),
  };
  const actions: TrayActions = {
    quickRecord: vi.fn(),
    recordUntil: vi.fn(),
    stop: vi.fn(),
    stopRecording: vi.fn(),
    open: vi.fn(),
    copyDiagnostics: vi.fn(),
    quit: vi.fn(),
  };
  const createTray = vi.fn((icon: string) => {
    calls.push(`create:${icon}`);
    return tray;
  });
  const service = new SystemTrayService({
    createTray,
    buildMenu: (template) => template,
    iconFor: (status) => `${status}.png`,
    actions,
    openOnClick,
  });
  return { service, calls, actions, createTray, menu: () => menu, click: () => clickListener?.() };
}

describe('SystemTrayService', () => {
  it('creates the tray once and re-renders only what changed', () => {
    const { service, calls, createTray } = fakeTray();
    const idle = deriveTrayState([], NOW);
    expect(service.render(idle, labels)).toBe(true);
    expect(calls).toEqual(['create:idle.png', 'tooltip:Taper — idle', 'menu']);
    calls.length = 0;
    expect(service.render(deriveTrayState([], NOW), labels)).toBe(false);
    expect(calls).toEqual([]);

    const scheduled = deriveTrayState([entry({ id: 'a' })], NOW);
    expect(service.render(scheduled, labels)).toBe(true);
    expect(calls).toEqual(['image:scheduled.png', 'tooltip:Taper — 1 task scheduled', 'menu']);
    expect(createTray).toHaveBeenCalledOnce();
  });

  it('a minute passing while recording changes the menu, not the icon', () => {
    const { service, calls } = fakeTray();
    const entries = [entry({ id: 'a', startTime: NOW - 60, endTime: NOW + 3_000 })];
    service.render(deriveTrayState(entries, NOW), labels);
    calls.length = 0;
    service.render(deriveTrayState(entries, NOW + 20), labels);
    expect(calls).toEqual([]);
    service.render(deriveTrayState(entries, NOW + 120), labels);
    expect(calls).toEqual(['menu']);
  });

  it('routes clicks to the injected actions', () => {
    const { service, actions, menu, click } = fakeTray();
    service.render(deriveTrayState([entry({ id: 'a', startTime: NOW - 60 })], NOW), labels);
    const items = menu();
    items.find((item) => item.label === 'Quick record')?.submenu?.[0]?.submenu?.[1]?.click?.();
    items.find((item) => item.label === 'Stop recording')?.submenu?.[0]?.click?.();
    items.find((item) => item.label === 'History')?.click?.();
    items.find((item) => item.label === 'Quit')?.click?.();
    click();
    const stream = { domainName: 'push.example.com', appName: 'live', streamName: 'show' };
    expect(actions.quickRecord).toHaveBeenCalledWith(stream, 'main', 60);
    expect(actions.stop).toHaveBeenCalledWith('a', 'main');
    expect(actions.open).toHaveBeenNthCalledWith(1, 'history');
    expect(actions.open).toHaveBeenNthCalledWith(2, null);
    expect(actions.quit).toHaveBeenCalledOnce();
  });

  it('on macOS a click on the icon opens the menu only, never the window as well', () => {
    const { service, actions, click } = fakeTray(false);
    service.render(deriveTrayState([], NOW), labels);
    click();
    expect(actions.open).not.toHaveBeenCalled();
  });
});
