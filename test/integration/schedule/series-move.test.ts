// `taper series move` in-process against the simulator: the created task of the moved occurrence is replaced by exactly
// one task at the new time, a far occurrence is only re-planned, bad input exits 2 with nothing changed.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerSeries } from '../../../electron/cli/commands/series.js';
import { useInProcessCli } from './in-process-cli.js';
import { dayAhead, noonAt, ZONE } from './series-dates.js';

const cli = useInProcessCli([registerSeries]);
const runCli = cli.runCli;

describe('taper series move', () => {
  it('replaces the created task by one at the new time; a far occurrence is re-planned; list shows the change', async () => {
    const home = await mkdtemp(join(tmpdir(), 'taper-series-move-'));
    const stream = `move-${process.pid}`;
    const tasks = () => cli.simulator.tasks.list().filter((task) => task.streamName === stream);
    const in3 = dayAhead(3);
    const in10 = dayAhead(10);

    const added = await runCli(home, [
      'series',
      'add',
      '--domain',
      'push.example.com',
      '--app',
      'live',
      '--stream',
      stream,
      '--days',
      in3.name,
      '--at',
      '12:00',
      '--for',
      '1h',
      '--tz',
      ZONE,
      '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const id = (JSON.parse(added.stdout) as { series: { id: string } }).series.id;
    const [oldTask] = tasks();
    expect(oldTask?.startTime).toBe(noonAt(in3.date));

    const moved = await runCli(home, ['series', 'move', id, in3.date, '--at', '14:30', '--for', '90m', '--json']);
    expect(moved.code, moved.stderr).toBe(0);
    const report = JSON.parse(moved.stdout) as {
      moved: boolean;
      occurrence: { startTime: number; endTime: number; changed: boolean };
      actions: { action: string; taskId: string }[];
      events: { kind: string; taskId: string }[];
    };
    expect(report.moved).toBe(true);
    expect(report.occurrence).toMatchObject({
      startTime: noonAt(in3.date, '14:30'),
      endTime: noonAt(in3.date, '16:00'),
      changed: true,
    });
    expect(report.actions.map((action) => [action.action, action.taskId])).toEqual([['deleted', oldTask?.taskId]]);
    expect(report.events.map((happened) => happened.kind)).toEqual(['created']);
    // On the platform: the old task is gone and exactly one task records the new window.
    expect(tasks().map((task) => [task.taskId, task.startTime, task.endTime])).toEqual([
      [report.events[0]?.taskId, noonAt(in3.date, '14:30'), noonAt(in3.date, '16:00')],
    ]);

    const far = await runCli(home, ['series', 'move', id, in10.date, '--at', '09:15']);
    expect(far.code, far.stderr).toBe(0);
    expect(far.stdout).toContain(`Moved ${in10.date} of series ${id}: ${in10.date} 09:15:00`);
    expect(far.stdout).toContain('Planned: its task is created once it is within 6 days');
    expect(tasks()).toHaveLength(1);

    const synced = await runCli(home, ['series', 'list']);
    expect(synced.stdout).toContain(`changed: ${in3.date} at 14:30 for 1h30m, ${in10.date} at 09:15 for 1h`);
  }, 30_000);

  it('bad input and unknown ids exit 2 and change nothing', async () => {
    const home = await mkdtemp(join(tmpdir(), 'taper-series-move-'));
    const stream = `move-bad-${process.pid}`;
    const in3 = dayAhead(3);
    const in4 = dayAhead(4);
    const added = await runCli(home, [
      'series',
      'add',
      '--domain',
      'push.example.com',
      '--app',
      'live',
      '--stream',
      stream,
      '--days',
      in3.name,
      '--at',
      '12:00',
      '--for',
      '1h',
      '--tz',
      ZONE,
      '--json',
    ]);
    const id = (JSON.parse(added.stdout) as { series: { id: string } }).series.id;
    const before = cli.simulator.tasks.list().filter((task) => task.streamName === stream);
    expect(before).toHaveLength(1);

    const wrongDay = await runCli(home, ['series', 'move', id, in4.date, '--at', '13:00', '--json']);
    expect(wrongDay.code).toBe(2);
    expect(JSON.parse(wrongDay.stdout)).toMatchObject({ error: { code: 'Taper.InvalidInput' } });
    expect((await runCli(home, ['series', 'move', id, in3.date])).code).toBe(2);
    expect((await runCli(home, ['series', 'move', id, in3.date, '--for', '30h'])).code).toBe(2);
    expect((await runCli(home, ['series', 'move', id, in3.date, '--at', '25:00'])).code).toBe(2);
    expect((await runCli(home, ['series', 'move', id, 'tomorrow', '--at', '13:00'])).code).toBe(2);
    const unknown = await runCli(home, ['series', 'move', 'no-such-series', in3.date, '--at', '13:00']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-series');

    expect(cli.simulator.tasks.list().filter((task) => task.streamName === stream)).toEqual(before);
    const listed = await runCli(home, ['series', 'list', '--json']);
    expect((JSON.parse(listed.stdout) as { overrides?: unknown }[]).map((series) => series.overrides)).toEqual([
      undefined,
    ]);
  }, 30_000);
});
