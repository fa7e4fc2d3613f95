// `taper` from the extracted package, through its wrapper and the (stand-in) app runtime, the way /usr/bin/taper
// runs it: --version (answered by the launcher, bin/taper), --help (the real CLI bundle runs), and the keychain addon
// loading from app.asar.unpacked as the bundle resolves it. The wrapper finds its files from its own real path, so
// it runs from this scratch root as from /.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** A clean environment: no NODE_OPTIONS or proxy of the machine, and the CLI's data and code cache in the scratch dir. */
export function cliEnvironment(scratch) {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: join(scratch, 'home'),
    TAPER_HOME: join(scratch, 'taper-home'),
    TAPER_COMPILE_CACHE: join(scratch, 'taper-cache'),
    LANG: 'C.UTF-8',
  };
}

const run = (command, args, env) => spawnSync(command, args, { env, encoding: 'utf8', timeout: 30_000 });
const oneLine = (result) =>
  `exit ${result.status}${result.error ? ` (${result.error.message})` : ''}: ${(result.stderr || result.stdout || '').trim().split('\n').slice(0, 3).join(' | ')}`;

export function checkCli({ root, scratch, config, packageJson }, report) {
  const app = join(root, 'opt', config.productName);
  const wrapper = join(app, 'resources', 'bin', config.linux.executableName);
  const env = cliEnvironment(scratch);

  const version = run(wrapper, ['--version'], env);
  report.check(
    `taper --version prints ${packageJson.version}`,
    version.status === 0 && version.stdout.trim() === packageJson.version,
    oneLine(version),
  );

  // What the postinst's /usr/bin link does, made relative so that it resolves inside the scratch root.
  const usrBin = join(root, 'usr', 'bin');
  mkdirSync(usrBin, { recursive: true });
  symlinkSync(
    join('..', '..', 'opt', config.productName, 'resources', 'bin', config.linux.executableName),
    join(usrBin, 'taper'),
  );
  const linked = run(join(usrBin, 'taper'), ['--version'], env);
  report.check(
    'taper --version through a /usr/bin/taper link',
    linked.status === 0 && linked.stdout.trim() === packageJson.version,
    oneLine(linked),
  );

  const help = run(join(usrBin, 'taper'), ['--help'], env);
  report.check(
    'taper --help exits 0 (the CLI bundle itself runs)',
    help.status === 0 && /^Usage: taper/m.test(help.stdout),
    oneLine(help),
  );

  // The keychain package resolved from the CLI's folder, by Node's own rules, must load its native addon.
  const probe = `const { createRequire } = require('node:module');
const fromCli = createRequire(${JSON.stringify(join(app, 'resources', 'app.asar.unpacked', 'dist', 'cli', 'launch.cjs'))});
const keyring = fromCli('@napi-rs/keyring');
if (typeof keyring.Entry !== 'function') throw new Error('no Entry export');
const addon = Object.keys(require.cache).find((file) => file.endsWith('.node'));
process.stdout.write(addon ?? 'no addon loaded');`;
  const keyring = run(join(app, config.linux.executableName), ['-e', probe], { ...env, ELECTRON_RUN_AS_NODE: '1' });
  report.check(
    'keychain addon loads from app.asar.unpacked (as the CLI resolves it)',
    keyring.status === 0 && keyring.stdout.includes('/resources/app.asar.unpacked/node_modules/@napi-rs/keyring-'),
    keyring.status === 0 ? keyring.stdout : oneLine(keyring),
  );
}
