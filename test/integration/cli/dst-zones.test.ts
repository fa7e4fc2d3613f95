// DST beyond Berlin, through bin/taper as an operator types it: Sydney (an hour), Lord Howe (30 minutes), Santiago
// (at midnight: a day without 00:00). A wall time in a gap is refused with the jump it fell into, a repeated one with
// both readings, and a show that straddles a change lasts its real length. Dates in 2027: ahead of any run's clock.
import { describe, expect, it } from 'vitest';
import { useCliSuite } from './cli-suite.js';
import { parseJson, runTaper } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true });
const stream = ['--domain', 'push.example.com', '--app', 'live', '--stream', 'dst-show'];

async function dryRun(zone: string, window: string[]) {
  const run = await runTaper(['record', ...stream, '--tz', zone, ...window, '--dry-run', '--json'], { env: suite.env });
  return {
    code: run.code,
    json: parseJson<{ request?: { StartTime: number; EndTime: number }; error?: { code: string; message: string } }>(
      run,
    ),
  };
}

describe('DST changes in Sydney, Lord Howe and Santiago', () => {
  it("refuses a wall time in each spring gap, naming the jump (Santiago's at midnight: no 00:00 that day)", async () => {
    const gaps: [string, string, string][] = [
      ['Australia/Sydney', '2027-10-03 02:30', 'from 02:00 to 03:00'],
      ['Australia/Lord_Howe', '2027-10-03 02:15', 'from 02:00 to 02:30'],
      ['America/Santiago', '2027-09-05 00:30', 'from 00:00 to 01:00'],
      ['America/Santiago', '2027-09-05 00:00', 'from 00:00 to 01:00'],
    ];
    for (const [zone, from, jump] of gaps) {
      const { code, json } = await dryRun(zone, ['--from', from, '--for', '1h']);
      expect(code, `${zone} ${from}`).toBe(2);
      expect(json.error?.message, `${zone} ${from}`).toContain(jump);
    }
  });

  it('asks which reading of a repeated wall time is meant, with both offsets (Lord Howe repeats 30 minutes)', async () => {
    const { code, json } = await dryRun('Australia/Lord_Howe', ['--from', '2027-04-04 01:45', '--for', '1h']);
    expect(code).toBe(2);
    expect(json.error?.message).toContain('+11:00');
    expect(json.error?.message).toContain('+10:30');
    const chosen = await dryRun('Australia/Lord_Howe', ['--from', '2027-04-04T01:45+10:30', '--for', '1h']);
    expect(chosen.code).toBe(0);
    expect(chosen.json.request?.StartTime).toBe(Date.UTC(2027, 3, 3, 15, 15) / 1000);
  });

  it('a show across a change lasts its real length: Santiago 23:30 → 01:30 is one hour, Sydney 01:30 → 03:30 three', async () => {
    const santiago = await dryRun('America/Santiago', ['--from', '2027-09-04 23:30', '--until', '2027-09-05 01:30']);
    expect(santiago.code).toBe(0);
    expect((santiago.json.request?.EndTime ?? 0) - (santiago.json.request?.StartTime ?? 0)).toBe(3_600);
    const sydney = await dryRun('Australia/Sydney', ['--from', '2027-04-04 01:30', '--until', '2027-04-04 03:30']);
    expect(sydney.code).toBe(0);
    expect((sydney.json.request?.EndTime ?? 0) - (sydney.json.request?.StartTime ?? 0)).toBe(3 * 3_600);
    // --for counts real time too: 2 h from 23:30 in Santiago ends at 02:30 local on the short day.
    const lasting = await dryRun('America/Santiago', ['--from', '2027-09-04 23:30', '--for', '2h']);
    expect((lasting.json.request?.EndTime ?? 0) - (lasting.json.request?.StartTime ?? 0)).toBe(7_200);
  });
});
