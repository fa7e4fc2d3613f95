// `taper series edit` in-process against the simulator: created occurrences are kept (never doubled on the
// platform), a day added is created at the new time, bad input exits 2 with nothing changed.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerSeries } from '../../../electron/cli/commands/series.js';
import { useInProcessCli } from './in-process-cli.js';
import { dayAhead, noonAt, ZONE } from './series-dates.js';

const cli = useInProcessCli([registerSeries]);
const runCli = cli.runCli;

describe('taper series edit', () => {
  it('keeps created occurrences, creates an added day at the new time, never doubles a task', async () => {
    const home = await mkdtemp(join(tmpdir(), 'taper-series-edit-'));
    const stream = `edit-${process.pid}`;
    const tasks = () => cli.simulator.tasks.list().filter((task) => task.streamName === stream);
    const in3 = dayAhead(3);
    const in2 = dayAhead(2);

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
    expect(tasks().map((task) => task.startTime)).toEqual([noonAt(in3.date)]);

    const edited = await runCli(home, [
      'series',
      'edit',
      id,
      '--days',
      `${in2.name},${in3.name}`,
      '--at',
      '13:30',
      '--json',
    ]);
    expect(edited.code, edited.stderr).toBe(0);
    const report = JSON.parse(edited.stdout) as {
      series: { startWallTime: string; daysOfWeek: number[] };
      replanned: number;
      kept: { date: string; taskIds: string[] }[];
      due: { events: { kind: string; occurrenceDate: string }[] };
    };
    expect(report.series.startWallTime).toBe('13:30');
    expect(report.kept.map((kept) => kept.date)).toEqual([in3.date]);
    expect(report.kept[0]?.taskIds).toEqual([tasks()[0]?.taskId]);
    expect(report.due.events.map((happened) => [happened.kind, happened.occurrenceDate])).toEqual([
      ['created', in2.date],
    ]);
    expect(
      tasks()
        .map((task) => task.startTime)
        .sort(),
    ).toEqual([noonAt(in2.date, '13:30'), noonAt(in3.date)].sort());

    const text = await runCli(home, ['series', 'edit', id, '--name', 'Noon news']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Noon news');
    expect(text.stdout).toMatch(new RegExp(`kept ${in3.date} .*created under the old schedule`));
    expect(tasks()).toHaveLength(2);
  }, 30_000);

  it('bad input exits 2 and changes nothing; an unknown id exits 2', async () => {
    const home = await mkdtemp(join(tmpdir(), 'taper-series-edit-'));
    const added = await runCli(home, [
      'series',
      'add',
      '--domain',
      'push.example.com',
      '--app',
      'live',
      '--stream',
      `bad-${process.pid}`,
      '--days',
      'sun',
      '--at',
      '06:00',
      '--for',
      '1h',
      '--tz',
      ZONE,
      '--json',
    ]);
    const id = (JSON.parse(added.stdout) as { series: { id: string } }).series.id;
    const bad = await runCli(home, ['series', 'edit', id, '--at', '25:00', '--for', '30h', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'Taper.InvalidInput' } });
    expect((await runCli(home, ['series', 'edit', id])).code).toBe(2);
    expect((await runCli(home, ['series', 'edit', 'no-such-series', '--at', '07:00'])).code).toBe(2);
    const listed = await runCli(home, ['series', 'list', '--json']);
    expect((JSON.parse(listed.stdout) as { startWallTime: string }[]).map((series) => series.startWallTime)).toEqual([
      '06:00',
    ]);
  }, 30_000);
});
