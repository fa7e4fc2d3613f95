// A failed `taper` command leaves a line in cli.log (the app's log folder): cron runs have no terminal to read later.
// A successful one writes nothing, and the key never reaches the file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../electron/simulator/index.js';
import { useCliSuite } from './cli-suite.js';
import { runTaper } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true });
const stream = ['--domain', 'push.example.com', '--app', 'live', '--stream', 'evening-show'];
const logOf = () => join(String(suite.env['TAPER_LOG_DIR']), 'cli.log');

describe('cli.log', () => {
  it('a refused call is logged with its command, exit code and error code; the SecretKey is not', async () => {
    const wrongKey = 'WrongSecretKeyForTheLogTest000000000';
    const run = await runTaper(['record', ...stream, '--for', '30m'], {
      env: { ...suite.env, TENCENTCLOUD_SECRET_KEY: wrongKey },
    });
    expect(run.code).toBe(3);
    const log = readFileSync(logOf(), 'utf8');
    expect(log).toMatch(/WARN {2}taper record exited 3: /);
    expect(log).toContain('AuthFailure');
    expect(log).not.toContain(wrongKey);
    expect(log).not.toContain(DEMO_ACCOUNT.secretKey);
  });

  it('a command that succeeds writes no log at all', async () => {
    const run = await runTaper(['record', ...stream, '--for', '30m'], { env: suite.env });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(logOf())).toBe(false);
  });
});
