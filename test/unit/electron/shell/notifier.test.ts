import { describe, expect, it } from 'vitest';
import {
  Notifier,
  SCHEDULE_HORIZON_SECONDS,
  type NotificationContent,
  type Timers,
} from '../../../../electron/shell/notifier.js';
import { entry, NOW } from '../../support/history-fixtures.js';

/** Manual timers: `advance` fires due callbacks in time order. */
function manualTime(startMs: number) {
  let now = startMs;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    const target = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, timer]) => timer.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
    }
    now = target;
  };
  return { timers, clock: () => now, advance, pending };
}

function setup(language: 'en' | 'zh-CN' = 'en') {
  const time = manualTime(NOW * 1000);
  const shown: NotificationContent[] = [];
  const notifier = new Notifier({
    notify: (content) => shown.push(content),
    timers: time.timers,
    clock: time.clock,
    language: () => language,
  });
  return { notifier, shown, ...time };
}

describe('Notifier', () => {
  it('announces a settled outcome: files and length when recorded, the reason when nothing was', () => {
    const { notifier, shown } = setup();
    const file = (durationSeconds: number) => ({
      fileId: 'f',
      url: 'https://v.example/f.m3u8',
      startTime: NOW,
      endTime: NOW + durationSeconds,
      durationSeconds,
      sizeBytes: 1,
    });
    const detail = { reason: null, gaps: [], pushes: [], settledAt: NOW, acknowledgedAt: null };
    notifier.outcomeSettled(
      entry({
        id: 'r',
        stream: 'evening-show',
        outcome: 'recorded',
        outcomeDetail: { ...detail, files: [file(3_600), file(3_480)] },
      }),
    );
    notifier.outcomeSettled(
      entry({
        id: 'n',
        stream: 'evening-show',
        outcome: 'nothing',
        outcomeDetail: { ...detail, files: [], reason: 'No file: the stream was never pushed during the window.' },
      }),
    );
    notifier.outcomeSettled(entry({ id: 'u', stream: 'not-settled' }));
    expect(shown.map((n) => [n.title, n.body])).toEqual([
      ['evening-show recorded: 2 files, 1 h 58 min', 'live/evening-show · push.example.com'],
      ['evening-show: nothing was recorded', 'No file: the stream was never pushed during the window.'],
    ]);
  });

  it('announces a created task, then "safe to start pushing" 3 s later', () => {
    const { notifier, shown, advance } = setup();
    notifier.taskCreated(entry({ id: 'a', taskId: 'T-1' }));
    expect(shown.map((n) => n.title)).toEqual(['Recording task created']);
    expect(shown[0]?.body).toContain('T-1');
    advance(2_999);
    expect(shown).toHaveLength(1);
    advance(1);
    expect(shown[1]).toEqual({
      title: 'Safe to start pushing',
      body: 'live/show · push.example.com: the recording task is active now.',
      view: 'history',
    });
  });

  it('schedules began and ended from the history and fires them on time', () => {
    const { notifier, shown, advance } = setup();
    notifier.scheduleFromHistory([
      entry({ id: 'a', startTime: NOW + 60, endTime: NOW + 120 }),
      entry({ id: 'running', status: 'recording', startTime: NOW - 60, endTime: NOW + 30 }),
      entry({ id: 'failed', status: 'failed', taskId: null }),
      entry({
        id: 'far',
        startTime: NOW + SCHEDULE_HORIZON_SECONDS + 1,
        endTime: NOW + SCHEDULE_HORIZON_SECONDS + 100,
      }),
    ]);
    expect(notifier.scheduledCount).toBe(3);
    advance(30_000);
    expect(shown.map((n) => n.title)).toEqual(['Recording ended']);
    advance(30_000);
    expect(shown.map((n) => n.title)).toEqual(['Recording ended', 'Recording started']);
    advance(60_000);
    expect(shown.map((n) => n.title)).toEqual(['Recording ended', 'Recording started', 'Recording ended']);
  });

  it('rebuilding the schedule drops events of tasks that were stopped', () => {
    const { notifier, shown, advance, pending } = setup();
    const task = entry({ id: 'a', startTime: NOW + 60, endTime: NOW + 120 });
    notifier.scheduleFromHistory([task]);
    notifier.scheduleFromHistory([{ ...task, status: 'stopped' }]);
    expect(pending.size).toBe(0);
    advance(200_000);
    expect(shown).toEqual([]);
  });

  it('a failed call shows the catalog text in the chosen language, with the RequestId', () => {
    const { notifier, shown } = setup('zh-CN');
    notifier.callFailed({ code: 'Taper.UnknownOutcome', message: 'socket hang up', requestId: 'r-42' });
    expect(shown[0]?.title).toBe('Taper：调用失败');
    expect(shown[0]?.body).toContain('r-42');
    expect(shown[0]?.body).not.toContain('socket hang up');
  });

  it('dispose cancels everything pending', () => {
    const { notifier, shown, advance, pending } = setup();
    notifier.taskCreated(entry({ id: 'a' }));
    notifier.scheduleFromHistory([entry({ id: 'a' })]);
    notifier.dispose();
    expect(pending.size).toBe(0);
    advance(10_000_000);
    expect(shown).toHaveLength(1);
  });
});
