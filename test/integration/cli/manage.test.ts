// Managing tasks after creation with the real CLI: unknown outcomes and sync, stop, delete, tasks, export.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../electron/simulator/index.js';
import { platformTasks, useCliSuite } from './cli-suite.js';
import { freshHome, parseJson, runTaper } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true, extraEnv: { TAPER_TIMEOUT_SECONDS: '1' } });

const stream = ['--domain', 'push.example.com', '--app', 'live', '--stream', 'match-day'];

interface Entry {
  id: string;
  taskId: string | null;
  status: string;
  error: { code: string } | null;
}

describe('unknown outcome', () => {
  it('exits 4, keeps the attempt as unknown, and sync finds the task instead of creating it twice', async () => {
    const uniqueStream = ['--domain', 'push.example.com', '--app', 'live', '--stream', `lost-answer-${Date.now()}`];
    suite.simulator.faults.inject('create-then-hang', { times: 1 });
    const run = await runTaper(['record', ...uniqueStream, '--from', '+1h', '--for', '1h', '--json'], {
      env: suite.env,
    });
    expect(run.code).toBe(4);
    expect(parseJson<{ error: { code: string } }>(run).error.code).toBe('Taper.UnknownOutcome');

    const before = parseJson<Entry[]>(await runTaper(['history', '--json'], { env: suite.env }));
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ status: 'unknown', taskId: null });

    const created = (await platformTasks(suite.simulator)).filter((task) => task.streamName === uniqueStream[5]);
    expect(created).toHaveLength(1);

    const sync = await runTaper(['sync', '--json'], { env: suite.env });
    expect(sync.code, sync.stderr).toBe(0);
    expect(parseJson<{ resolved: number }>(sync).resolved).toBe(1);
    const after = parseJson<Entry[]>(await runTaper(['history', '--json'], { env: suite.env })).filter(
      (entry) => entry.taskId === created[0]?.taskId,
    );
    expect(after).toHaveLength(1);
    expect(after[0]?.status).toBe('scheduled');
    expect((await platformTasks(suite.simulator)).filter((task) => task.streamName === uniqueStream[5])).toHaveLength(
      1,
    );
  });

  it('a reset connection after the create is unknown too (exit 4), never "failed"', async () => {
    suite.simulator.faults.inject('create-then-reset', { times: 1 });
    const run = await runTaper(['record', ...stream, '--from', '+1h', '--for', '1h'], { env: suite.env });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/Taper\.UnknownOutcome/);
    expect(run.stderr).toMatch(/sync/);
  });

  it('a 502 or a non-JSON answer is reported without a crash', async () => {
    suite.simulator.faults.inject('http-502', { times: 1 });
    const gateway = await runTaper(['record', ...stream, '--from', '+1h', '--for', '1h', '--json'], { env: suite.env });
    expect(gateway.code).toBe(4);
    suite.simulator.faults.inject('non-json', { times: 1 });
    const html = await runTaper(['record', ...stream, '--from', '+1h', '--for', '1h', '--json'], { env: suite.env });
    expect(html.code).toBe(4);
    expect(parseJson<{ error: { code: string } }>(html).error.code).toMatch(/^Taper\./);
  });
});

describe('stop, delete, tasks, export', () => {
  it('stops and deletes a task by TaskId, and the history follows', async () => {
    const created = parseJson<{ taskId: string }>(
      await runTaper(['record', ...stream, '--for', '1h', '--json'], { env: suite.env }),
    );
    const stop = await runTaper(['stop', created.taskId], { env: suite.env });
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stdout).toMatch(/Stopped task/);
    expect(parseJson<Entry[]>(await runTaper(['history', '--json'], { env: suite.env }))[0]?.status).toBe('stopped');

    const removed = await runTaper(['delete', created.taskId, '--json'], { env: suite.env });
    expect(removed.code, removed.stderr).toBe(0);
    expect(parseJson<{ status: string }>(removed).status).toBe('deleted');
    expect((await platformTasks(suite.simulator)).some((task) => task.taskId === created.taskId)).toBe(false);
  });

  it('deleting a task of the history that the platform no longer has is an API refusal (exit 3)', async () => {
    const created = parseJson<{ taskId: string }>(
      await runTaper(['record', ...stream, '--from', '+1h', '--for', '1h', '--json'], { env: suite.env }),
    );
    // Gone behind Taper's back (the console, another operator).
    expect(suite.simulator.tasks.delete(DEMO_ACCOUNT.secretId, created.taskId)).toBe(true);
    const run = await runTaper(['delete', created.taskId, '--json'], { env: suite.env });
    expect(run.code).toBe(3);
    expect(parseJson<{ error: { code: string } }>(run).error.code).toMatch(/^(ResourceNotFound|InvalidParameter)/);
  });

  it('a TaskId this history never saw (made in the console) still reaches the API: its task is stopped', async () => {
    const elsewhere = await freshHome();
    const created = parseJson<{ taskId: string }>(
      await runTaper(['record', ...stream, '--for', '1h', '--json'], { env: { ...suite.env, TAPER_HOME: elsewhere } }),
    );
    const run = await runTaper(['stop', created.taskId, '--json'], { env: suite.env });
    expect(run.code, run.stderr).toBe(0);
    const unknownToBoth = await runTaper(['delete', 'NoSuchTaskId0000', '--json'], { env: suite.env });
    // The platform is asked, and its refusal is the answer (exit 3), as for any TaskId.
    expect(unknownToBoth.code).toBe(3);
  });

  it('lists platform tasks in a window with tasks --json', async () => {
    const name = `listed-${Date.now()}`;
    const created = parseJson<{ taskId: string }>(
      await runTaper(
        [
          'record',
          '--domain',
          'push.example.com',
          '--app',
          'live',
          '--stream',
          name,
          '--from',
          '+1h',
          '--for',
          '1h',
          '--json',
        ],
        { env: suite.env },
      ),
    );
    const listed = await runTaper(
      ['tasks', '--from', String(Math.floor(Date.now() / 1000) - 3600), '--until', '+2h', '--stream', name, '--json'],
      { env: suite.env },
    );
    expect(listed.code, listed.stderr).toBe(0);
    expect(parseJson<{ taskId: string }[]>(listed).map((task) => task.taskId)).toEqual([created.taskId]);
  });

  it('exports the history as CSV and JSON files', async () => {
    await runTaper(['record', ...stream, '--for', '1h'], { env: suite.env });
    const csvFile = join(suite.home, 'out.csv');
    expect((await runTaper(['history', 'export', '--format', 'csv', '--out', csvFile], { env: suite.env })).code).toBe(
      0,
    );
    const csv = await readFile(csvFile, 'utf8');
    // A file starts with the UTF-8 BOM (Excel then reads it as UTF-8), then the header.
    expect(csv.split('\n')[0]).toMatch(/^\uFEFFtaskId,requestId,status,domain,app,stream,startTime,endTime/);
    expect(csv).toContain('match-day');
    const json = await runTaper(['history', 'export', '--format', 'json'], { env: suite.env });
    expect(JSON.parse(json.stdout)).toHaveLength(1);
    expect((await runTaper(['history', 'export', '--format', 'xml'], { env: suite.env })).code).toBe(2);
  });
});
