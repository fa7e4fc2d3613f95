// The zone the CLI reads wall times in comes from --tz, else TZ in every form the C library takes, and is never a
// silent UTC: `TZ=:/etc/localtime`, a POSIX rule without daylight saving (`CST-8`), empty (UTC, as POSIX says), and a
// name with a colon work; an unknown --tz or TZ, or a POSIX rule with daylight saving, is refused before anything is sent.
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useCliSuite } from './cli-suite.js';
import { parseJson, runTaper } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true });
const stream = ['--domain', 'push.example.com', '--app', 'live', '--stream', 'zoned'];
// A wall time in the coming days, read in the zone under test.
const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const utcOf = (hour: number) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour) / 1000;

async function startTimeWith(env: Record<string, string | undefined>, extra: string[] = []): Promise<number> {
  const run = await runTaper(
    ['record', ...stream, '--from', `${day} 20:00`, '--for', '1h', '--dry-run', '--json', ...extra],
    { env: { ...suite.env, ...env } },
  );
  expect(run.code, run.stderr).toBe(0);
  return parseJson<{ request: { StartTime: number } }>(run).request.StartTime;
}

/** The zone /etc/localtime names on this machine (its offset at that wall time), for the `:/etc/localtime` case. */
function localtimeZone(): string {
  return /\/zoneinfo\/(.+)$/.exec(realpathSync('/etc/localtime'))?.[1] ?? 'UTC';
}

describe('the CLI zone from --tz and TZ', () => {
  it('reads TZ=CST-8 as UTC+8, TZ=:Asia/Shanghai as Shanghai, TZ= as UTC, and --tz over TZ', async () => {
    expect(await startTimeWith({ TZ: 'CST-8' })).toBe(utcOf(12));
    expect(await startTimeWith({ TZ: ':Asia/Shanghai' })).toBe(utcOf(12));
    expect(await startTimeWith({ TZ: '' })).toBe(utcOf(20));
    expect(await startTimeWith({ TZ: 'CST-8' }, ['--tz', 'UTC'])).toBe(utcOf(20));
  });

  it('reads TZ=:/etc/localtime as the zone that file is', async () => {
    const viaFile = await startTimeWith({ TZ: ':/etc/localtime' });
    expect(viaFile).toBe(await startTimeWith({ TZ: localtimeZone() }));
  });

  it('refuses an unknown --tz, an unknown TZ and a POSIX rule with daylight saving: exit 2, what to set, nothing sent', async () => {
    suite.simulator.clearRequests();
    const cases: [Record<string, string>, string[], RegExp][] = [
      [{}, ['--tz', 'Mars/Olympus'], /--tz \\?"Mars\/Olympus\\?" is not a time zone/],
      [{ TZ: 'Nowhere/Land' }, [], /TZ=\\?"Nowhere\/Land/],
      [{ TZ: 'CET-1CEST,M3.5.0,M10.5.0/3' }, [], /daylight saving/],
    ];
    for (const [env, extra, message] of cases) {
      for (const command of [
        ['record', ...stream, '--from', `${day} 20:00`, '--for', '1h', '--json', ...extra],
        ['history', ...extra],
      ]) {
        const run = await runTaper(command, { env: { ...suite.env, ...env } });
        expect(run.code, `${command.join(' ')} ${JSON.stringify(env)}`).toBe(2);
        expect(run.stdout + run.stderr).toMatch(message);
        expect(run.stdout + run.stderr).toMatch(/IANA name such as Asia\/Shanghai/);
      }
    }
    expect(suite.simulator.requests()).toEqual([]);
  });
});
