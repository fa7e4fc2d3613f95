// Recordings beyond one task (planned more than 6 days ahead, chains, missed links) through the real CLI: `taper
// history` lists their links that have no task yet, and `taper stop|delete RECORDING_ID` acts on every link as the
// app's recordings:stop/delete do, cancelling planned links without a call; an id Taper does not know is refused.
import { describe, expect, it } from 'vitest';
import { platformTasks, useCliSuite } from './cli-suite.js';
import { plannedRecording, writePlans } from './plans-fixture.js';
import { parseJson, runTaper } from './run-taper.js';

const HOUR = 3_600;
const suite = useCliSuite({ envCredentials: true });
// Two-day chains start at +132h: the second link then begins 6.5 days out and stays planned however slow the machine.
// (At +5d it began exactly 6 days out, and became due as soon as the record crossed into the next second.)
const streamFlags = (name: string) => [
  '--domain',
  'push.example.com',
  '--app',
  'live',
  '--stream',
  name,
  '--template',
  '1',
];

interface Row {
  id: string | null;
  taskId: string | null;
  status: string;
  domain: string;
  app: string;
  stream: string;
  startTime: number | null;
  endTime: number;
  recordingId: string | null;
  error: { code: string } | null;
}

interface RecordingAction {
  index: number;
  taskId: string | null;
  action: string;
  error: { code: string } | null;
}

async function record(args: string[]): Promise<{
  recordingId: string;
  links: { taskId: string | null; status: string; startTime: number; endTime: number }[];
}> {
  const run = await runTaper(['record', ...args, '--json'], { env: suite.env });
  expect(run.code, run.stderr).toBe(0);
  return parseJson(run);
}

const history = async (...args: string[]) =>
  parseJson<Row[]>(await runTaper(['history', ...args, '--json'], { env: suite.env }));
const sent = () => suite.simulator.requests().map((request) => request.action);

describe('taper history lists planned and missed recordings', () => {
  it('a recording 8 days ahead is listed as planned with its recordingId (text and JSON)', async () => {
    const { recordingId, links } = await record([...streamFlags('far-show'), '--from', '+8d', '--for', '2h']);
    expect(links.map((link) => link.status)).toEqual(['planned']);

    const text = await runTaper(['history'], { env: suite.env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).not.toContain('No recordings in the history yet.');
    expect(text.stdout).toMatch(
      new RegExp(
        `^planned +push\\.example\\.com/live/far-show  .+ → .+  \\(no TaskId yet: created from .+\\)  recording ${recordingId} link 1$`,
        'm',
      ),
    );

    const rows = await history();
    expect(rows).toEqual([
      expect.objectContaining({
        id: null,
        taskId: null,
        requestId: null,
        status: 'planned',
        domain: 'push.example.com',
        app: 'live',
        stream: 'far-show',
        startTime: links[0]?.startTime,
        endTime: links[0]?.endTime,
        recordingId,
        linkIndex: 0,
        templateId: 1,
        error: null,
      }),
    ]);
    expect(await history('--status', 'planned')).toHaveLength(1);
    expect(await history('--status', 'scheduled')).toEqual([]);
    expect(await history('--stream', 'other')).toEqual([]);
  });

  it('a chain with one link created and one planned: both listed, both with the recordingId', async () => {
    const { recordingId } = await record([...streamFlags('two-days'), '--from', '+132h', '--for', '48h']);
    const rows = await history();
    expect(rows.map((row) => [row.status, row.recordingId, row.taskId === null])).toEqual([
      ['scheduled', recordingId, false],
      ['planned', recordingId, true],
    ]);
    expect(rows[1]?.startTime).toBe(rows[0]?.endTime);
    expect((await history('--status', 'planned')).map((row) => row.status)).toEqual(['planned']);
  });

  it('a missed link is listed as missed with its error code; lone tasks carry recordingId null', async () => {
    const now = Math.floor(Date.now() / 1000);
    await writePlans(suite.home, [plannedRecording('gone', 'matinee', [[now - 3 * HOUR, now - 2 * HOUR]], 'missed')]);
    await record([...streamFlags('lone'), '--from', '+1h', '--for', '1h']);
    const rows = await history();
    expect(rows.map((row) => [row.stream, row.status, row.recordingId])).toEqual([
      ['lone', 'scheduled', null],
      ['matinee', 'missed', 'gone'],
    ]);
    expect(rows[1]?.error?.code).toBe('Taper.Schedule.Missed');
    const text = await runTaper(['history', '--status', 'missed'], { env: suite.env });
    expect(text.stdout).toMatch(
      /^missed +push\.example\.com\/live\/matinee {2}.+ {2}\(no TaskId\) {2}\[Taper\.Schedule\.Missed\] {2}recording gone link 1$/m,
    );
  });
});

describe('taper stop|delete RECORDING_ID', () => {
  it('delete of a recording that is only planned cancels it without any API call; the history no longer lists it', async () => {
    const { recordingId } = await record([...streamFlags('far-show'), '--from', '+8d', '--for', '2h']);
    suite.simulator.clearRequests();
    const removed = await runTaper(['delete', recordingId, '--json'], { env: suite.env });
    expect(removed.code, removed.stderr).toBe(0);
    expect(parseJson(removed)).toEqual({
      recordingId,
      actions: [{ index: 0, taskId: null, action: 'cancelled', error: null }],
    });
    expect(sent()).toEqual([]);
    expect(await history()).toEqual([]);
  });

  it('stop of a recording that is only planned cancels it too (text per link), nothing sent', async () => {
    const { recordingId } = await record([...streamFlags('far-show'), '--from', '+8d', '--for', '2h']);
    suite.simulator.clearRequests();
    const stopped = await runTaper(['stop', recordingId], { env: suite.env });
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stdout).toBe(
      `Stopped recording ${recordingId}: 1 link(s)\n  link 1: cancelled (was planned; nothing sent)\n`,
    );
    expect(sent()).toEqual([]);
  });

  it('delete of a chain with a created and a planned link: the task is deleted, the planned link cancelled', async () => {
    const { recordingId, links } = await record([...streamFlags('two-days'), '--from', '+132h', '--for', '48h']);
    const taskId = links.find((link) => link.status !== 'planned')?.taskId;
    expect(taskId).toBeTruthy();
    suite.simulator.clearRequests();
    const removed = await runTaper(['delete', recordingId, '--json'], { env: suite.env });
    expect(removed.code, removed.stderr).toBe(0);
    const { actions } = parseJson<{ recordingId: string; actions: RecordingAction[] }>(removed);
    expect([...actions].sort((a, b) => a.index - b.index)).toEqual([
      { index: 0, taskId, action: 'deleted', error: null },
      { index: 1, taskId: null, action: 'cancelled', error: null },
    ]);
    expect(sent()).toEqual(['DeleteRecordTask']);
    expect((await platformTasks(suite.simulator)).some((task) => task.taskId === taskId)).toBe(false);
    expect((await history()).map((row) => [row.status, row.recordingId])).toEqual([['deleted', recordingId]]);
  });

  it('stop of a running chain: the running link stops, later created links are deleted, planned ones cancelled', async () => {
    // 8 links: the 7th starts exactly 6 days out (created or not, by the second the record lands), the 8th beyond.
    const { recordingId, links } = await record([...streamFlags('week-long'), '--for', '8d']);
    const created = links.filter((link) => link.taskId !== null);
    expect(links.length - created.length).toBeGreaterThan(0);
    const stopped = await runTaper(['stop', recordingId, '--json'], { env: suite.env });
    expect(stopped.code, stopped.stderr).toBe(0);
    const { actions } = parseJson<{ actions: RecordingAction[] }>(stopped);
    const byIndex = [...actions].sort((a, b) => a.index - b.index);
    expect(byIndex.map((action) => action.action)).toEqual(
      links.map((link, index) => (link.taskId === null ? 'cancelled' : index === 0 ? 'stopped' : 'deleted')),
    );
    expect(byIndex.every((action) => action.error === null)).toBe(true);
    const text = await runTaper(['history', '--stream', 'week-long'], { env: suite.env });
    expect(text.stdout).toMatch(/^stopped +push\.example\.com\/live\/week-long/m);
    expect(text.stdout).not.toMatch(/^planned/m);
  });

  it('a TaskId still stops just that task, as before', async () => {
    const { links } = await record([...streamFlags('two-days'), '--from', '+132h', '--for', '48h']);
    const taskId = links.find((link) => link.taskId !== null)?.taskId ?? '';
    const removed = await runTaper(['delete', taskId, '--json'], { env: suite.env });
    expect(removed.code, removed.stderr).toBe(0);
    expect(parseJson(removed)).toMatchObject({ taskId, status: 'deleted' });
    // The other link is still planned.
    expect((await history()).map((row) => row.status)).toEqual(['deleted', 'planned']);
  });

  it('a recordingId Taper does not know: exit 2, a clear error, nothing sent', async () => {
    await record([...streamFlags('far-show'), '--from', '+8d', '--for', '2h']);
    suite.simulator.clearRequests();
    for (const action of ['stop', 'delete']) {
      const json = await runTaper([action, '3f0c8a52-0000-4000-8000-000000000000', '--json'], { env: suite.env });
      expect(json.code).toBe(2);
      expect(parseJson<{ error: { code: string; message: string } }>(json).error).toMatchObject({
        code: 'Taper.Task.NotFound',
        message:
          'No recording or task with id 3f0c8a52-0000-4000-8000-000000000000 in the history or the plans; nothing was sent.',
      });
      const text = await runTaper([action, '3f0c8a52-0000-4000-8000-000000000000'], { env: suite.env });
      expect(text.code).toBe(2);
      expect(text.stderr).toContain(
        'error [Taper.Task.NotFound]: No recording or task with id 3f0c8a52-0000-4000-8000-000000000000',
      );
    }
    expect(sent()).toEqual([]);
    expect((await history()).map((row) => row.status)).toEqual(['planned']);
  });
});
