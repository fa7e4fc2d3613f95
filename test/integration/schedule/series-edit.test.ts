// `taper series edit` in-process against the simulator: created occurrences are kept (never doubled on the
// platform), a day added is created at the new time, bad input exits 2 with nothing changed.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSeries } from '../../../electron/cli/commands/series.js';
import type { CliContext } from '../../../electron/cli/cli-context.js';
import { createNodeServices } from '../../../electron/services/create-node-services.js';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';

const ZONE = 'Asia/Shanghai';
const DAY_NAMES = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({ accounts: [DEMO_ACCOUNT] });
});
afterAll(async () => {
  await simulator.close();
});

async function runCli(home: string, args: string[]) {
  const env = { TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId, TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey, TAPER_ENDPOINT: simulator.endpoint, TAPER_HOME: home, TZ: 'UTC' };
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    io: { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => '', promptHidden: async () => '', stdinIsTerminal: false, env, clock: Date.now },
    exitCode: 0,
    services: () => createNodeServices({ env, clock: Date.now, dataDir: home }),
  };
  const program = new Command('taper').exitOverride();
  registerSeries(program, context);
  await program.parseAsync(args, { from: 'user' });
  return { code: context.exitCode, stdout, stderr };
}

/** The date `days` from today in the show's zone, and its weekday as `taper` reads it. */
function dayAhead(days: number) {
  const date = Temporal.Now.plainDateISO(ZONE).add({ days });
  return { date: date.toString(), name: DAY_NAMES[date.dayOfWeek] as string };
}
const noonAt = (date: string, time = '12:00') => Math.floor(Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(ZONE).epochMilliseconds / 1000);

describe('taper series edit', () => {
  it('keeps created occurrences, creates an added day at the new time, never doubles a task', async () => {
    const home = await mkdtemp(join(tmpdir(), 'taper-series-edit-'));
    const stream = `edit-${process.pid}`;
    const tasks = () => simulator.tasks.list().filter((task) => task.streamName === stream);
    const in3 = dayAhead(3);
    const in2 = dayAhead(2);

    const added = await runCli(home, ['series', 'add', '--domain', 'push.example.com', '--app', 'live', '--stream', stream, '--days', in3.name, '--at', '12:00', '--for', '1h', '--tz', ZONE, '--json']);
    expect(added.code, added.stderr).toBe(0);
    const id = (JSON.parse(added.stdout) as { series: { id: string } }).series.id;
    expect(tasks().map((task) => task.startTime)).toEqual([noonAt(in3.date)]);

    const edited = await runCli(home, ['series', 'edit', id, '--days', `${in2.name},${in3.name}`, '--at', '13:30', '--json']);
    expect(edited.code, edited.stderr).toBe(0);
    const report = JSON.parse(edited.stdout) as { series: { startWallTime: string; daysOfWeek: number[] }; replanned: number; kept: { date: string; taskIds: string[] }[]; due: { events: { kind: string; occurrenceDate: string }[] } };
    expect(report.series.startWallTime).toBe('13:30');
    expect(report.kept.map((kept) => kept.date)).toEqual([in3.date]);
    expect(report.kept[0]?.taskIds).toEqual([tasks()[0]?.taskId]);
    expect(report.due.events.map((happened) => [happened.kind, happened.occurrenceDate])).toEqual([['created', in2.date]]);
    expect(tasks().map((task) => task.startTime).sort()).toEqual([noonAt(in2.date, '13:30'), noonAt(in3.date)].sort());

    const text = await runCli(home, ['series', 'edit', id, '--name', 'Noon news']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Noon news');
    expect(text.stdout).toMatch(new RegExp(`kept ${in3.date} .*created under the old schedule`));
    expect(tasks()).toHaveLength(2);
  }, 30_000);

  it('bad input exits 2 and changes nothing; an unknown id exits 2', async () => {
    const home = await mkdtemp(join(tmpdir(), 'taper-series-edit-'));
    const added = await runCli(home, ['series', 'add', '--domain', 'push.example.com', '--app', 'live', '--stream', `bad-${process.pid}`, '--days', 'sun', '--at', '06:00', '--for', '1h', '--tz', ZONE, '--json']);
    const id = (JSON.parse(added.stdout) as { series: { id: string } }).series.id;
    const bad = await runCli(home, ['series', 'edit', id, '--at', '25:00', '--for', '30h', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'Taper.InvalidInput' } });
    expect((await runCli(home, ['series', 'edit', id])).code).toBe(2);
    expect((await runCli(home, ['series', 'edit', 'no-such-series', '--at', '07:00'])).code).toBe(2);
    const listed = await runCli(home, ['series', 'list', '--json']);
    expect((JSON.parse(listed.stdout) as { startWallTime: string }[]).map((series) => series.startWallTime)).toEqual(['06:00']);
  }, 30_000);
});
