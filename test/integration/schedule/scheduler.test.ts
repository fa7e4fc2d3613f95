// The scheduler on real files and the simulator: chains, far-ahead plans surviving a restart, late and missed
// windows, and a DST change in a series' zone.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PlansDocument } from '../../../shared/schedule/plans.js';
import { freshDataDir, jumpClock, startApp, useSimulator } from './schedule-setup.js';

const HOUR = 3_600;
const DAY = 86_400;
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const stream = { domainName: 'push.example.com', appName: 'live', streamName: 'marathon' };

const time = jumpClock(unix('2026-10-20T10:00:00Z'));
const holder = useSimulator(time);

let dataDir: string;
beforeEach(async () => {
  dataDir = await freshDataDir();
  holder.simulator.tasks.clear();
  time.jumpTo(unix('2026-10-20T10:00:00Z'));
});

const platformTasks = () =>
  holder.simulator.tasks.list().filter((task) => task.streamName === stream.streamName || task.streamName === 'news');

describe('scheduler with the simulator', () => {
  it('a 60-hour recording becomes 3 tasks with no gap on the platform; delete acts on every link', async () => {
    const app = await startApp(dataDir, holder.simulator.endpoint, time);
    const start = time.now() + HOUR;
    const recorded = await app.scheduler.record({
      ...stream,
      startTime: start,
      endTime: start + 60 * HOUR,
      templateId: 1,
    });
    if (!recorded.ok) throw new Error(recorded.error.message);
    const tasks = platformTasks().sort((a, b) => a.startTime - b.startTime);
    expect(tasks.map((task) => [task.startTime - start, task.endTime - start])).toEqual([
      [0, 24 * HOUR],
      [24 * HOUR, 48 * HOUR],
      [48 * HOUR, 60 * HOUR],
    ]);
    const history = await app.services.history.list();
    expect(history.ok && history.value.map((entry) => entry.recordingId)).toEqual(
      Array(3).fill(recorded.value.recordingId),
    );

    const deleted = await app.scheduler.deleteRecording(recorded.value.recordingId);
    expect(deleted.ok && deleted.value.map((action) => [action.action, action.error])).toEqual(
      Array(3).fill(['deleted', null]),
    );
    expect(platformTasks()).toEqual([]);
  });

  it('a far-ahead plan survives a restart; the app down at the due time and started inside the window records the rest', async () => {
    const first = await startApp(dataDir, holder.simulator.endpoint, time);
    const start = time.now() + 9 * DAY;
    const recorded = await first.scheduler.record({ ...stream, startTime: start, endTime: start + 3 * HOUR });
    expect(recorded.ok && recorded.value.planned).toHaveLength(1);
    expect(platformTasks()).toEqual([]);
    const file = join(dataDir, 'plans.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    time.jumpTo(start + HOUR); // The app was down from now until an hour into the window.
    const restarted = await startApp(dataDir, holder.simulator.endpoint, time);
    const due = await restarted.scheduler.runDue();
    if (!due.ok) throw new Error(due.error.message);
    expect(due.value.events.map((happened) => happened.kind)).toEqual(['created']);
    const [task] = platformTasks();
    expect(Math.abs((task?.startTime ?? 0) - (start + HOUR))).toBeLessThan(30); // Started at creation: the rest.
    expect(task?.endTime).toBe(start + 3 * HOUR);
    const again = await restarted.scheduler.runDue();
    expect(again.ok && again.value.events).toEqual([]);
    expect(platformTasks()).toHaveLength(1);
  });

  it('started after the window ended: a missed alert, kept in plans.json, nothing created', async () => {
    const app = await startApp(dataDir, holder.simulator.endpoint, time);
    const start = time.now() + 8 * DAY;
    await app.scheduler.record({ ...stream, startTime: start, endTime: start + HOUR });
    time.jumpTo(start + 2 * HOUR);
    const restarted = await startApp(dataDir, holder.simulator.endpoint, time);
    const due = await restarted.scheduler.runDue();
    expect(due.ok && due.value.newAlerts.map((happened) => happened.error?.code)).toEqual(['Taper.Schedule.Missed']);
    const stored = JSON.parse(await readFile(join(dataDir, 'plans.json'), 'utf8')) as PlansDocument;
    expect(stored.recordings[0]?.links[0]?.status).toBe('missed');
    expect(platformTasks()).toEqual([]);
  });

  it('a Sunday 20:00 Europe/Berlin series stays at 20:00 local across the October DST change, created 6 days ahead', async () => {
    const app = await startApp(dataDir, holder.simulator.endpoint, time);
    const added = await app.scheduler.addSeries({
      stream: { ...stream, streamName: 'news' },
      daysOfWeek: [7],
      startWallTime: '20:00',
      durationSeconds: HOUR,
      timeZone: 'Europe/Berlin',
    });
    if (!added.ok) throw new Error(added.error.message);
    await app.scheduler.runDue();
    time.jumpTo(unix('2026-10-27T10:00:00Z'));
    await app.scheduler.runDue();
    const starts = platformTasks()
      .map((task) => task.startTime)
      .sort();
    expect(starts).toEqual([unix('2026-10-25T20:00:00+01:00'), unix('2026-11-01T20:00:00+01:00')]);
  });

  it('an unknown outcome is never created twice: the next run waits for sync', async () => {
    const app = await startApp(dataDir, holder.simulator.endpoint, time);
    const start = time.now() + 8 * DAY;
    await app.scheduler.record({ ...stream, startTime: start, endTime: start + HOUR });
    time.jumpTo(start - 5 * DAY);
    holder.simulator.faults.inject('create-then-reset');
    const lost = await app.scheduler.runDue();
    holder.simulator.faults.clear();
    expect(lost.ok && lost.value.events.map((happened) => happened.kind)).toEqual(['pending-sync']);
    const again = await app.scheduler.runDue();
    expect(again.ok && again.value.events).toEqual([]);
    expect(platformTasks()).toHaveLength(1);
    const synced = await app.services.sync.run();
    expect(synced.ok && synced.value.resolved).toBe(1);
    const settled = await app.scheduler.runDue();
    expect(settled.ok && settled.value.events.map((happened) => happened.kind)).toEqual(['adopted']);
    expect(platformTasks()).toHaveLength(1);
  });
});
