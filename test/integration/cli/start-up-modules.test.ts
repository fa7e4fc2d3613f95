// What `taper history` loads of Node itself, seen from inside the real process: the built-ins no history command
// needs stay unloaded (fs/promises with readline and the watchers, os, crypto, http), each of which Node compiles
// at first use (docs/performance.md). A change that reaches one of them at start-up fails here, not only in a bench.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, freshHome, runTaper } from './run-taper.js';

const HOOK = `process.on('exit', () => require('node:fs').writeFileSync(process.env.TAPER_TEST_MODULES, process.moduleLoadList.join('\\n')));`;

async function modulesOf(args: readonly string[]): Promise<string[]> {
  const home = await freshHome();
  const hook = join(home, 'module-list-hook.cjs');
  const list = join(home, 'modules.txt');
  await writeFile(hook, HOOK);
  const env = { ...baseEnv(home), TZ: 'Asia/Shanghai', NODE_OPTIONS: `--require ${hook}`, TAPER_TEST_MODULES: list };
  // Twice: the second run is the usual one, with the code cache and the zone days the first one kept.
  for (let run = 0; run < 2; run += 1) {
    const result = await runTaper(args, { env });
    expect(result.code, result.stderr).toBe(0);
  }
  return (await readFile(list, 'utf8')).split('\n');
}

describe('taper history at start-up', () => {
  it('loads none of the built-ins it does not use', async () => {
    const modules = await modulesOf(['history']);
    // The hook saw the CLI run: the launcher compiles the bundle with node:vm.
    expect(modules).toContain('NativeModule vm');
    for (const unused of ['fs/promises', 'os', 'readline', 'crypto', 'http', 'https', 'net', 'tls'])
      expect(modules, unused).not.toContain(`NativeModule ${unused}`);
  });
});
