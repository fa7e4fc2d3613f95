// `npm run package:check`: packages the built app offline and checks the result. The route, one file per step:
//   stand-in-electron.mjs   a stand-in Electron runtime (no real binary can be downloaded here) for electronDist
//   electron-builder-runs   electron-builder --linux --dir, then its deb and AppImage targets up to their downloads
//   deb-plan.mjs            electron-builder's fpm command for the deb, as a plan
//   dpkg-deb.mjs            the .deb from that plan, with dpkg-deb, as fpm would have made it
//   checks/                 what the package must be; every failed check is listed, then the run exits 1
// It expects `npm run build` to have run (the npm script runs it first) and builds only if dist is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { electronVersion, loadBuilderConfig, packageJson, projectDir, standInDir } from './config.mjs';
import { makeStandInElectron } from './stand-in-electron.mjs';
import { computeLinuxTargets, runDirBuild } from './electron-builder-runs.mjs';
import { planDeb } from './deb-plan.mjs';
import { buildDeb } from './dpkg-deb.mjs';
import { extractAll } from './deb-file.mjs';
import { createReport } from './report.mjs';
import { checkControl } from './checks/control.mjs';
import { checkContents } from './checks/contents.mjs';
import { checkAsar } from './checks/asar.mjs';
import { checkFuses } from './checks/fuses.mjs';
import { checkCli } from './checks/cli.mjs';
import { checkInstall } from './checks/install.mjs';
import { checkAppImage } from './checks/appimage.mjs';

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const step = (what) => console.log(`\npackage:check: ${what} (at ${seconds()})`);

for (const tool of ['dpkg-deb', 'dpkg', 'cp']) {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
  } catch {
    console.error(`package:check: ${tool} is missing (apt-get install dpkg-dev fakeroot)`);
    process.exit(1);
  }
}
if (
  !existsSync(join(projectDir, 'dist', 'electron', 'main.cjs')) ||
  !existsSync(join(projectDir, 'dist', 'cli', 'launch.cjs'))
) {
  step('dist/ is missing: npm run build');
  execFileSync('npm', ['run', 'build'], { cwd: projectDir, stdio: 'inherit' });
}

step('stand-in Electron runtime');
makeStandInElectron(standInDir, electronVersion);
step('electron-builder --linux --dir');
runDirBuild();
step('electron-builder deb + AppImage targets, stopped before fpm / the AppImage runtime');
const computed = await computeLinuxTargets();
const config = await loadBuilderConfig();
step('dpkg-deb');
const { file: deb, fileCount } = buildDeb(planDeb(computed.deb, config));

step('checks');
const report = createReport();
const scratch = mkdtempSync(join(tmpdir(), 'taper-package-check-'));
try {
  const root = join(scratch, 'root');
  mkdirSync(root);
  extractAll(deb, root);
  const context = { deb, root, scratch, config, packageJson, computed };
  const checks = { checkControl, checkContents, checkAsar, checkFuses, checkCli, checkInstall, checkAppImage };
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check(context, report);
    } catch (error) {
      report.check(`${name} ran to the end`, false, error instanceof Error ? error.stack : String(error));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

for (const { status, name, detail } of report.results) {
  console.log(`  ${status.padEnd(4)}  ${name}${detail ? `\n          ${detail.replace(/\n/g, '\n          ')}` : ''}`);
}
const counts = { pass: 0, FAIL: 0, skip: 0, note: 0 };
for (const { status } of report.results) counts[status] += 1;
const depends = execFileSync('dpkg-deb', ['-f', deb, 'Depends'], { encoding: 'utf8' }).trim();
console.log(`
package:  ${relative(projectDir, deb)}  (${(statSync(deb).size / 1024 / 1024).toFixed(2)} MB, ${fileCount} files)
Depends:  ${depends}
checks:   ${counts.pass} passed, ${counts.FAIL} failed, ${counts.skip} skipped  in ${seconds()}`);
const failures = report.failures();
if (failures.length > 0) {
  console.error(`\npackage:check FAILED:\n${failures.map((failure) => `  - ${failure.name}`).join('\n')}`);
  process.exit(1);
}
