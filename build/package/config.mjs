// Where the package check works and what it reads. Every expected value comes from build/electron-builder.yml and
// package.json as electron-builder itself reads them (its own config loader), so the check cannot disagree with the
// build about what was asked for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Resolves packages from the project (electron-builder and its own dependencies: @electron/fuses, @electron/asar). */
export const requireFromProject = createRequire(join(projectDir, 'package.json'));

export const configFile = 'build/electron-builder.yml';
/** The Electron version the app is built against (package.json devDependencies), given to electron-builder so it
 * does not probe node_modules/electron, whose binary is absent here. */
export const electronVersion = '45.4.1';

export const releaseDir = join(projectDir, 'release');
/** electron-builder's --dir output (its name for an x64 Linux build). */
export const unpackedDir = join(releaseDir, 'linux-unpacked');
/** The stand-in runtime given as electronDist: inside release/, which git ignores. */
export const standInDir = join(releaseDir, 'stand-in-electron');

export const packageJson = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'));

/** build/electron-builder.yml merged and defaulted the way electron-builder does it (app-builder-lib's getConfig). */
export async function loadBuilderConfig() {
  const { getConfig } = requireFromProject('app-builder-lib/out/util/config/config.js');
  return getConfig(projectDir, configFile, null);
}

/** electron-builder's own default Depends for deb (app-builder-lib FpmTarget), which `deb.depends` replaces. */
export function electronBuilderDefaultDebDepends() {
  const FpmTarget = requireFromProject('app-builder-lib/out/targets/FpmTarget.js').default;
  return FpmTarget.prototype.getDefaultDepends.call(null, 'deb');
}

/** electron-builder's own default Recommends for deb, used when `deb.recommends` is not set. */
export function electronBuilderDefaultDebRecommends() {
  const FpmTarget = requireFromProject('app-builder-lib/out/targets/FpmTarget.js').default;
  return FpmTarget.prototype.getDefaultRecommends.call(null, 'deb');
}
