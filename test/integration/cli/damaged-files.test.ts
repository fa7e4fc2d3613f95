// Damaged data files met through bin/taper, as a user would: a journal line that does not parse is moved aside alone
// (the entries after it stay); a damaged plans.json or settings.json fails the command that needs it with the file's
// name and where its copy went (moved, never deleted), and commands that do not need it keep working.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSuite } from './cli-suite.js';
import { parseJson, runTaper } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true });
const stream = (name: string) => ['--domain', 'push.example.com', '--app', 'live', '--stream', name, '--template', '1'];
const taper = (args: string[], env: Record<string, string | undefined> = suite.env) => runTaper(args, { env });
const corruptCopies = async (prefix: string) =>
  (await readdir(suite.home)).filter((name) => name.startsWith(`${prefix}.corrupt-`));
const streamsListed = async () =>
  parseJson<{ stream: string }[]>(await taper(['history', '--json']))
    .map((row) => row.stream)
    .sort();

describe('damaged data files', () => {
  it('a complete journal line that does not parse: only it is moved aside; the entries before and after it stay', async () => {
    expect((await taper(['record', ...stream('before'), '--for', '1h'])).code).toBe(0);
    await writeFile(join(suite.home, 'history.journal'), '{"seq":77,"entry":{"id":"broken" "stream"}\n', { flag: 'a' });
    expect((await taper(['record', ...stream('after'), '--for', '1h'])).code).toBe(0);

    expect(await streamsListed()).toEqual(['after', 'before']);
    const copies = await corruptCopies('history');
    expect(copies).toHaveLength(1);
    expect(await readFile(join(suite.home, copies[0] as string), 'utf8')).toBe(
      '{"seq":77,"entry":{"id":"broken" "stream"}\n',
    );
    // The journal is whole again: a later record and list see every entry, and nothing more is moved.
    expect((await taper(['record', ...stream('later'), '--for', '1h'])).code).toBe(0);
    expect(await streamsListed()).toEqual(['after', 'before', 'later']);
    expect(await corruptCopies('history')).toHaveLength(1);
  });

  it('a damaged plans.json: the command that needs it names the file and its copy; history and record still work', async () => {
    expect((await taper(['record', ...stream('far'), '--from', '+8d', '--for', '1h'])).code).toBe(0);
    const damaged = '{"version":1,"recordings":[';
    await writeFile(join(suite.home, 'plans.json'), damaged);

    const alerts = await taper(['alerts', '--json']);
    expect(alerts.code).toBe(1);
    const { error } = parseJson<{ error: { code: string; message: string } }>(alerts);
    const copies = await corruptCopies('plans');
    expect(copies).toHaveLength(1);
    expect(error.code).toBe('Taper.DataFile.Damaged');
    expect(error.message).toContain(join(suite.home, 'plans.json'));
    expect(error.message).toContain(join(suite.home, copies[0] as string));
    expect(await readFile(join(suite.home, copies[0] as string), 'utf8')).toBe(damaged);

    expect((await taper(['history'])).code).toBe(0);
    expect((await taper(['record', ...stream('next'), '--from', '+8d', '--for', '1h'])).code).toBe(0);
    expect((await taper(['alerts'])).code).toBe(0);
  });

  it('a damaged settings.json: profile commands name the file, its copy and the keys kept; env-credential records still work', async () => {
    const damaged = '{"profiles": {"studio": ';
    await writeFile(join(suite.home, 'settings.json'), damaged);
    expect((await taper(['record', ...stream('env-creds'), '--for', '1h'])).code).toBe(0);

    const listed = await taper(['profile', 'list', '--json']);
    expect(listed.code).toBe(1);
    const { error } = parseJson<{ error: { code: string; message: string } }>(listed);
    const copies = await corruptCopies('settings');
    expect(copies).toHaveLength(1);
    expect(error).toMatchObject({ code: 'Taper.DataFile.Damaged' });
    expect(error.message).toContain(join(suite.home, 'settings.json'));
    expect(error.message).toContain(join(suite.home, copies[0] as string));
    expect(error.message).toMatch(/SecretKeys are still in the keychain/);
    expect(await readFile(join(suite.home, copies[0] as string), 'utf8')).toBe(damaged);
    // A fresh file from now on.
    expect((await taper(['profile', 'list', '--json'])).code).toBe(0);
  });
});
