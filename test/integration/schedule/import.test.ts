// `taper import` in-process (the lead registers it in program.ts): 200 rows against the simulator at the platform's
// pace with no RequestLimitExceeded reaching the user, and invalid files refused before anything is sent.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerImport } from '../../../electron/cli/commands/import.js';
import { registerSeries } from '../../../electron/cli/commands/series.js';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';
import { runCliInProcess } from './in-process-cli.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({ accounts: [DEMO_ACCOUNT] });
});
afterAll(async () => {
  await simulator.close();
});

async function runCli(args: string[]) {
  const home = await mkdtemp(join(tmpdir(), 'taper-import-'));
  return { ...(await runCliInProcess(simulator.endpoint, home, [registerImport, registerSeries], args)), home };
}

async function csv(lines: string[]): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'taper-csv-')), 'import.csv');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

describe('taper import', () => {
  it('creates 200 tasks with no RequestLimitExceeded surfaced, and a per-row report (the rate is measured by npm run bench)', async () => {
    const rows = Array.from(
      { length: 200 },
      (_, index) => `push.example.com,live,bulk-${index},+${1 + (index % 5)}h,90m,1,`,
    );
    const file = await csv(['domain,app,stream,from,duration,template,mixed', ...rows]);
    simulator.clearRequests();
    const run = await runCli(['import', file, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      created: number;
      failed: number;
      unknown: number;
      items: { line: number; status: string; taskIds: string[] }[];
    };
    expect([report.created, report.failed, report.unknown]).toEqual([200, 0, 0]);
    expect(report.items.map((item) => item.line)).toEqual(Array.from({ length: 200 }, (_, index) => index + 2));
    expect(new Set(report.items.flatMap((item) => item.taskIds)).size).toBe(200);
    expect(run.stderr).toContain('\r200/200 created');

    const creates = simulator
      .requests()
      .filter((request) => request.action === 'CreateRecordTask' && request.errorCode === undefined);
    expect(creates).toHaveLength(200);
    expect(run.stdout + run.stderr).not.toContain('RequestLimitExceeded');
  }, 60_000);

  it('a file with invalid rows sends nothing, lists every bad line, exits 2; --skip-invalid sends the valid ones', async () => {
    const file = await csv([
      'domain,app,stream,from,until',
      'push.example.com,live,good,+1h,+2h',
      'push.example.com,live,bad name,+1h,+2h',
      'push.example.com,live,late,+3h,+1h',
    ]);
    simulator.clearRequests();
    const refused = await runCli(['import', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/line 3: .*streamName/);
    expect(refused.stderr).toMatch(/line 4: /);
    expect(simulator.requests()).toEqual([]);

    const skipped = await runCli(['import', file, '--skip-invalid']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(/line 2 push.example.com\/live\/good: created \S+/);
    expect(skipped.stdout).toMatch(/1 created, 0 unknown, 0 failed, 2 invalid row\(s\) skipped/);
  });

  it('a platform refusal is reported per row with exit 3; the others are created', async () => {
    const file = await csv([
      'domain,app,stream,from,duration',
      'push.example.com,live,one,+1h,1h',
      'push.example.com,live,two,+1h,1h',
    ]);
    simulator.faults.inject('internal-error', { action: 'CreateRecordTask' });
    const run = await runCli(['import', file, '--json', '--concurrency', '1']);
    simulator.faults.clear();
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as { items: { status: string; error: { code: string } | null }[] };
    expect(report.items.map((item) => item.status)).toEqual(['failed', 'created']);
    expect(report.items[0]?.error?.code).toMatch(/InternalError/);
  });
});

describe('taper series (in-process)', () => {
  it('add creates the occurrences within 6 days at once and reports each TaskId', async () => {
    const added = await runCli([
      'series',
      'add',
      '--domain',
      'push.example.com',
      '--app',
      'live',
      '--stream',
      'daily-show',
      '--days',
      'daily',
      '--at',
      '23:59',
      '--for',
      '30m',
      '--tz',
      'Asia/Shanghai',
      '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const output = JSON.parse(added.stdout) as {
      series: { id: string };
      due: { events: { kind: string; taskId: string }[] };
    };
    expect(output.due.events.length).toBeGreaterThanOrEqual(6);
    expect(output.due.events.every((happened) => happened.kind === 'created' && happened.taskId)).toBe(true);
  });

  it('rejects unreadable days as a usage error (runProgram turns it into exit 2)', async () => {
    await expect(
      runCli([
        'series',
        'add',
        '--domain',
        'push.example.com',
        '--app',
        'live',
        '--stream',
        's',
        '--days',
        'funday',
        '--at',
        '20:00',
        '--for',
        '1h',
      ]),
    ).rejects.toThrow(/days/);
  });
});
