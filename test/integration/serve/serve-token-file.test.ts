// `taper serve --token-file PATH`: the token outlives a restart, the file is created 0600 (in a 0700 folder), and a
// file others could read, a symlink or one without a token is refused before anything listens. Also the flags' other
// contracts: the default port, and a port in use.
import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSuite } from '../cli/cli-suite.js';
import { runTaper } from '../cli/run-taper.js';
import { call, startServe } from './serve-process.js';

const suite = useCliSuite({ envCredentials: true });

describe('taper serve --token-file', () => {
  it('creates the file 0600 in a 0700 folder, serves its token, and reuses it on the next start', async () => {
    const file = join(suite.home, 'private', 'serve-token');
    const first = await startServe(suite.env, ['--port', '0', '--token-file', file]);
    try {
      expect((await readFile(file, 'utf8')).trim()).toBe(first.token);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(join(suite.home, 'private'))).mode & 0o777).toBe(0o700);
      expect((await call(first, 'app:info')).status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = await startServe(suite.env, ['--port', '0', '--token-file', file]);
    try {
      expect(second.token).toBe(first.token);
      expect((await call(second, 'app:info')).status).toBe(200);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('refuses a token file that others may read, a symlink, and one without a token: exit 5, nothing served', async () => {
    const open = join(suite.home, 'open-token');
    await writeFile(open, `${'A'.repeat(43)}\n`, { mode: 0o600 });
    await chmod(open, 0o644);
    const shared = await runTaper(['serve', '--no-open', '--port', '0', '--token-file', open], { env: suite.env });
    expect([shared.code, shared.stdout]).toEqual([5, '']);
    expect(shared.stderr).toContain('chmod 600');
    expect(shared.stderr).not.toContain('A'.repeat(43));

    const target = join(suite.home, 'real-token');
    await writeFile(target, `${'B'.repeat(43)}\n`, { mode: 0o600 });
    const link = join(suite.home, 'linked-token');
    await symlink(target, link);
    const linked = await runTaper(['serve', '--no-open', '--port', '0', '--token-file', link], { env: suite.env });
    expect([linked.code, linked.stdout]).toEqual([5, '']);
    expect(linked.stderr).toContain('symbolic link');

    const weak = join(suite.home, 'weak-token');
    await writeFile(weak, 'secret\n', { mode: 0o600 });
    const short = await runTaper(['serve', '--no-open', '--port', '0', '--token-file', weak], { env: suite.env });
    expect([short.code, short.stdout]).toEqual([5, '']);
    expect(short.stderr).toContain('128 bits');

    const folder = join(suite.home, 'a-folder');
    await mkdir(folder, { mode: 0o700 });
    const notFile = await runTaper(['serve', '--no-open', '--port', '0', '--token-file', folder], { env: suite.env });
    expect(notFile.code).toBe(5);
  });
});

describe('taper serve flags', () => {
  it('documents the default port 8765 and --port 0; a port in use is exit 1 with a hint', async () => {
    const help = await runTaper(['serve', '--help'], { env: suite.env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--port <port>.*0 picks a free one.*\(default: 8765\)/s);
    expect(help.stdout).toContain('--no-open');
    expect(help.stdout).toContain('--token-file <path>');

    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = busy.address() as AddressInfo;
      const taken = await runTaper(['serve', '--no-open', '--port', String(port)], { env: suite.env });
      expect([taken.code, taken.stdout]).toEqual([1, '']);
      expect(taken.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
    const invalid = await runTaper(['serve', '--no-open', '--port', '70000'], { env: suite.env });
    expect(invalid.code).toBe(2);
  });
});
