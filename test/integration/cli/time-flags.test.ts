// Relative past times after a space (`--from -2h`) are values, not flags, for every time-valued option: as with
// `--from=-2h`, which keeps working. (Required option-arguments are taken whole by commander; this pins it down.)
import { describe, expect, it } from 'vitest';
import { useCliSuite } from './cli-suite.js';
import { parseJson, runTaper } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true });
const stream = ['--domain', 'push.example.com', '--app', 'live', '--stream', 'rewind'];

describe('time options take values that start with a dash', () => {
  it('record --from -2h and --from=-2h mean the same start; --until -1m is read as a time (and refused as past)', async () => {
    const spaced = await runTaper(['record', ...stream, '--from', '-2h', '--for', '3h', '--dry-run', '--json'], {
      env: suite.env,
    });
    expect(spaced.code, spaced.stderr).toBe(0);
    const joined = await runTaper(['record', ...stream, '--from=-2h', '--for', '3h', '--dry-run', '--json'], {
      env: suite.env,
    });
    expect(joined.code, joined.stderr).toBe(0);
    const now = Math.floor(Date.now() / 1000);
    const start = (run: typeof spaced) => parseJson<{ request: { StartTime: number } }>(run).request.StartTime;
    expect(Math.abs(start(spaced) - (now - 2 * 3_600))).toBeLessThan(30);
    expect(Math.abs(start(spaced) - start(joined))).toBeLessThan(30);

    const past = await runTaper(['record', ...stream, '--from', '-2h', '--until', '-1m', '--json'], { env: suite.env });
    expect(past.code).toBe(2);
    // Refused for what the times say, not as an unknown option.
    expect(parseJson<{ error: { code: string; message: string } }>(past).error.message).not.toMatch(/unknown option/);
  });

  it('tasks --from -2d, --from -90m, --until -1d (and the = forms) are read as times', async () => {
    const created = await runTaper(['record', ...stream, '--for', '1h', '--json'], { env: suite.env });
    expect(created.code, created.stderr).toBe(0);
    const { taskId } = parseJson<{ taskId: string }>(created);
    for (const args of [
      ['--from', '-2d', '--until', '+2h'],
      ['--from=-2d', '--until=+2h'],
      ['--until', '+2h', '--from', '-90m'],
    ]) {
      const listed = await runTaper(['tasks', ...args, '--stream', 'rewind', '--json'], { env: suite.env });
      expect(listed.code, `${args.join(' ')}: ${listed.stderr}`).toBe(0);
      expect(parseJson<{ taskId: string }[]>(listed).map((task) => task.taskId)).toEqual([taskId]);
    }
    const before = await runTaper(['tasks', '--from', '-2d', '--until', '-1d', '--stream', 'rewind', '--json'], {
      env: suite.env,
    });
    expect([before.code, parseJson(before)]).toEqual([0, []]);
  });
});
