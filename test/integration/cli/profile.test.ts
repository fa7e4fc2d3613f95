// Profiles through the real CLI and the real Secret Service of the test session (test/with-keyring.sh).
import { execFileSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../electron/simulator/index.js';
import { useCliSuite } from './cli-suite.js';
import { parseJson, runTaper } from './run-taper.js';
import { filesUnder } from '../support/files-under.js';

const suite = useCliSuite();

const profileName = () => `p${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

describe('taper profile', () => {
  it('six `profile add` processes at once (a script, the app) keep all six profiles: settings.json changes under a lock', async () => {
    const names = Array.from({ length: 6 }, profileName).map((name, index) => `${name}x${index}`);
    const runs = await Promise.all(
      names.map((name) =>
        runTaper(['profile', 'add', name, '--secret-id', DEMO_ACCOUNT.secretId], {
          env: suite.env,
          input: `${DEMO_ACCOUNT.secretKey}\n`,
        }),
      ),
    );
    expect(
      runs.map((run) => run.code),
      runs.map((run) => run.stderr).join(''),
    ).toEqual(names.map(() => 0));
    const listed = parseJson<{ name: string }[]>(await runTaper(['profile', 'list', '--json'], { env: suite.env }));
    expect(listed.map((profile) => profile.name).sort()).toEqual([...names].sort());
    for (const name of names) await runTaper(['profile', 'remove', name], { env: suite.env });
  });

  it('adds a profile with the SecretKey from stdin into the keychain, never into a file', async () => {
    const name = profileName();
    const added = await runTaper(
      ['profile', 'add', name, '--secret-id', DEMO_ACCOUNT.secretId, '--region', 'ap-shanghai'],
      { env: suite.env, input: `${DEMO_ACCOUNT.secretKey}\n` },
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout + added.stderr).not.toContain(DEMO_ACCOUNT.secretKey);

    const listed = parseJson<{ name: string; secretIdMasked: string; region: string }[]>(
      await runTaper(['profile', 'list', '--json'], { env: suite.env }),
    );
    expect(listed).toEqual([
      expect.objectContaining({ name, region: 'ap-shanghai', secretIdMasked: expect.stringMatching(/^AKID\*{4}/) }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(DEMO_ACCOUNT.secretId);

    // The secret is in the real Secret Service...
    const stored = execFileSync('secret-tool', ['search', '--all', 'service', 'Taper'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(stored).toContain(name);
    // ...and in no file under the data directory.
    for (const file of await filesUnder(suite.home)) {
      expect(await readFile(file, 'utf8'), file).not.toContain(DEMO_ACCOUNT.secretKey);
      if (file.endsWith('.json')) expect((await stat(file)).mode & 0o077, `${file} is private`).toBe(0);
    }

    const recorded = await runTaper(
      [
        'record',
        '--domain',
        'push.example.com',
        '--app',
        'live',
        '--stream',
        'via-profile',
        '--for',
        '1h',
        '--profile',
        name,
        '--json',
      ],
      { env: suite.env },
    );
    expect(recorded.code, recorded.stderr).toBe(0);
    const history = parseJson<{ profile: string; region: string }[]>(
      await runTaper(['history', '--json'], { env: suite.env }),
    );
    expect(history[0]).toMatchObject({ profile: name, region: 'ap-shanghai' });
  });

  it('tests keys: OK, wrong key, unknown SecretId', async () => {
    const good = profileName();
    await runTaper(['profile', 'add', good, '--secret-id', DEMO_ACCOUNT.secretId], {
      env: suite.env,
      input: DEMO_ACCOUNT.secretKey,
    });
    const ok = await runTaper(['profile', 'test', good], { env: suite.env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/keys OK/);

    const wrong = profileName();
    await runTaper(['profile', 'add', wrong, '--secret-id', DEMO_ACCOUNT.secretId], {
      env: suite.env,
      input: 'definitely-not-the-key',
    });
    const wrongRun = await runTaper(['profile', 'test', wrong, '--json'], { env: suite.env });
    expect(wrongRun.code).toBe(3);
    expect(parseJson<{ status: string }>(wrongRun).status).toBe('wrong-key');

    const unknown = profileName();
    await runTaper(['profile', 'add', unknown, '--secret-id', 'AKIDnobodyhasthisid000000000000000'], {
      env: suite.env,
      input: 'whatever',
    });
    expect(
      parseJson<{ status: string }>(await runTaper(['profile', 'test', unknown, '--json'], { env: suite.env })).status,
    ).toBe('unknown-secret-id');
  });

  it('reports no network when the endpoint does not answer', async () => {
    const name = profileName();
    await runTaper(['profile', 'add', name, '--secret-id', DEMO_ACCOUNT.secretId], {
      env: suite.env,
      input: DEMO_ACCOUNT.secretKey,
    });
    const run = await runTaper(['profile', 'test', name, '--json'], {
      env: { ...suite.env, TAPER_ENDPOINT: 'http://127.0.0.1:9' },
    });
    expect(run.code).toBe(4);
    expect(parseJson<{ status: string }>(run).status).toBe('no-network');
  });

  it('removes a profile and its keychain entry', async () => {
    const name = profileName();
    await runTaper(['profile', 'add', name, '--secret-id', DEMO_ACCOUNT.secretId], {
      env: suite.env,
      input: DEMO_ACCOUNT.secretKey,
    });
    expect((await runTaper(['profile', 'remove', name], { env: suite.env })).code).toBe(0);
    const stored = execFileSync('secret-tool', ['search', '--all', 'service', 'Taper'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(stored).not.toContain(name);
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
            's',
            '--for',
            '1h',
            '--profile',
            name,
          ],
          { env: suite.env },
        )
      ).code,
    ).toBe(5);
  });

  it('without a Secret Service: exit 5 with the cause, nothing written in plain text, history still readable', async () => {
    const noKeychain = { ...suite.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/taper-bus' };
    const run = await runTaper(['profile', 'add', 'offline', '--secret-id', DEMO_ACCOUNT.secretId, '--json'], {
      env: noKeychain,
      input: DEMO_ACCOUNT.secretKey,
    });
    expect(run.code).toBe(5);
    expect(parseJson<{ error: { code: string; message: string } }>(run).error.code).toBe('Taper.Keychain.Unavailable');
    for (const file of await filesUnder(suite.home))
      expect(await readFile(file, 'utf8')).not.toContain(DEMO_ACCOUNT.secretKey);
    expect((await runTaper(['history', '--json'], { env: noKeychain })).code).toBe(0);
  });

  it('refuses an empty SecretKey (exit 2)', async () => {
    expect(
      (
        await runTaper(['profile', 'add', profileName(), '--secret-id', DEMO_ACCOUNT.secretId], {
          env: suite.env,
          input: '',
        })
      ).code,
    ).toBe(2);
  });
});
