// Keychain down / locked, through the real CLI with a profile whose key is in the real Secret Service:
// a clear error naming the cause, exit 5, the history still readable, and no plaintext fallback anywhere.
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/simulator/index.js';
import { recordFigures } from '../../reliability/figures.js';
import { baseEnv, freshHome, parseJson, runTaper, TAPER } from '../cli/run-taper.js';
import { secretSearch } from './secret-search.js';

const run = promisify(execFile);
const inSession = process.env['TAPER_KEYRING_SESSION'] === '1';
const ACCOUNT = {
  secretId: `AKIDKEYCHAIN${randomBytes(8).toString('hex').toUpperCase()}`,
  secretKey: `Kc${randomBytes(15).toString('hex')}`,
};
const figures = { faultsInjected: 0, faultsSurvived: 0, secretsFound: 0 };
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [ACCOUNT] });
});
afterAll(async () => {
  recordFigures('keychain-failures', { ...figures, note: 'Secret Service down (no D-Bus) and locked, via bin/taper' });
  await simulator.close();
});

interface ErrorDocument {
  error: { code: string; message: string };
}

describe.skipIf(!inSession)('keychain down or locked', () => {
  it('down (no D-Bus): record, sync, profile add and test exit 5 with Taper.Keychain.Unavailable; history readable; no plaintext', async () => {
    const home = await freshHome();
    const env = baseEnv(home, simulator.endpoint);
    const name = `down${Date.now().toString(36)}`;
    expect(
      (await runTaper(['profile', 'add', name, '--secret-id', ACCOUNT.secretId], { env, input: ACCOUNT.secretKey }))
        .code,
    ).toBe(0);
    expect(
      (
        await runTaper(
          [
            'record',
            '--domain',
            'push.example.com',
            '--app',
            'live',
            '--stream',
            'before',
            '--for',
            '1h',
            '--profile',
            name,
          ],
          { env },
        )
      ).code,
    ).toBe(0);

    const down = { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
    const attempts = [
      [
        'record',
        '--domain',
        'push.example.com',
        '--app',
        'live',
        '--stream',
        'during',
        '--for',
        '1h',
        '--profile',
        name,
        '--json',
      ],
      ['sync', '--profile', name, '--json'],
      ['profile', 'add', `${name}b`, '--secret-id', ACCOUNT.secretId, '--json'],
    ];
    for (const args of attempts) {
      figures.faultsInjected += 1;
      const attempt = await runTaper(args, { env: down, input: ACCOUNT.secretKey });
      expect(attempt.code, `${args.join(' ')}: ${attempt.stdout}${attempt.stderr}`).toBe(5);
      const { error } = parseJson<ErrorDocument>(attempt);
      expect(error.code).toBe('Taper.Keychain.Unavailable');
      // The cause and the fix, in words a user can act on.
      expect(error.message).toMatch(/Secret Service|D-Bus|keychain/i);
      expect(attempt.stdout + attempt.stderr).not.toContain(ACCOUNT.secretKey);
      figures.faultsSurvived += 1;
    }
    const human = await runTaper(
      (attempts[0] as string[]).filter((arg) => arg !== '--json'),
      { env: down },
    );
    expect(human.code).toBe(5);
    expect(human.stderr).toMatch(/error \[Taper\.Keychain\.Unavailable\]/);
    expect(human.stderr).toMatch(/next:/);

    const history = await runTaper(['history', '--json'], { env: down });
    expect(history.code, history.stderr).toBe(0);
    expect(parseJson<{ stream: string }[]>(history).map((entry) => entry.stream)).toEqual(['before']);
    const search = secretSearch(ACCOUNT.secretKey);
    await search.directory(home);
    figures.secretsFound += search.findings.length;
    expect(search.findings).toEqual([]);
    // Nothing was recorded while the keychain was down: no attempt was sent without credentials.
    expect(simulator.tasks.list().filter((task) => task.streamName === 'during')).toEqual([]);
  });

  it('locked collection: record exits 5 with Taper.Keychain.Locked quickly; history readable; no plaintext', async () => {
    // A private D-Bus session + keyring (test/with-keyring.sh again, its guard unset), so locking it leaves the
    // keyring of the other tests alone. The key reaches `taper profile add` through a file on stdin, never argv.
    const home = await freshHome();
    const work = await mkdtemp(join(tmpdir(), 'taper-locked-'));
    const keyFile = join(work, 'key');
    await writeFile(keyFile, ACCOUNT.secretKey, { mode: 0o600 });
    const name = `locked${Date.now().toString(36)}`;
    const script = [
      'set -u',
      'out="$RESULTS"',
      't() { label=$1; shift; node "$TAPER_BIN" "$@" >"$out/$label.out" 2>"$out/$label.err" </dev/null; echo $? >"$out/$label.code"; }',
      'node "$TAPER_BIN" profile add "$PROFILE" --secret-id "$SECRET_ID" <"$KEY_FILE" >"$out/add.out" 2>&1; echo $? >"$out/add.code"',
      't before record --domain push.example.com --app live --stream before-lock --for 1h --profile "$PROFILE" --json',
      'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null',
      't locked record --domain push.example.com --app live --stream while-locked --for 1h --profile "$PROFILE" --json',
      't test profile test "$PROFILE" --json',
      't history history --json',
    ].join('\n');
    const env: NodeJS.ProcessEnv = {
      ...(baseEnv(home, simulator.endpoint) as NodeJS.ProcessEnv),
      RESULTS: work,
      TAPER_BIN: TAPER,
      PROFILE: name,
      SECRET_ID: ACCOUNT.secretId,
      KEY_FILE: keyFile,
    };
    delete env['TAPER_KEYRING_SESSION'];
    delete env['XDG_DATA_HOME'];
    const started = Date.now();
    await run('bash', ['test/with-keyring.sh', 'bash', '-c', script], { env, timeout: 60_000 });
    const read = async (label: string) => ({
      code: Number(await readFile(join(work, `${label}.code`), 'utf8')),
      out: await readFile(join(work, `${label}.out`), 'utf8'),
    });
    expect((await read('add')).code).toBe(0);
    const before = await read('before');
    expect(before.code, before.out).toBe(0);
    figures.faultsInjected += 2;
    for (const label of ['locked', 'test']) {
      const result = await read(label);
      expect(result.code, `${label}: ${result.out}`).toBe(5);
      const { error } = parseJson<ErrorDocument>({ code: result.code, stdout: result.out, stderr: '' });
      expect(error.code).toBe('Taper.Keychain.Locked');
      expect(error.message).toMatch(/unlock/i);
      figures.faultsSurvived += 1;
    }
    expect(Date.now() - started).toBeLessThan(45_000);
    const history = await read('history');
    expect(history.code).toBe(0);
    expect(
      parseJson<{ stream: string }[]>({ code: 0, stdout: history.out, stderr: '' }).map((entry) => entry.stream),
    ).toEqual(['before-lock']);
    expect(simulator.tasks.list().filter((task) => task.streamName === 'while-locked')).toEqual([]);

    await rm(keyFile);
    const search = secretSearch(ACCOUNT.secretKey);
    await search.directory(home);
    await search.directory(work); // every output of the locked session
    search.text('the bash -c script (argv)', script);
    figures.secretsFound += search.findings.length;
    expect(search.findings).toEqual([]);
    await rm(work, { recursive: true, force: true });
  }, 90_000);
});
