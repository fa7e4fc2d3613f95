// The two electron-builder runs of the offline route.
//  1. `electron-builder --linux --dir`: the real packaging step (asar, asarUnpack, extraResources, fuses), with the
//     stand-in runtime as electronDist. Run as the CLI, the same command a release runner uses.
//  2. Its deb and AppImage targets on that output (prepackaged), stopped by electron-builder's own
//     `effectiveOptionComputed` hook just before they would download fpm / the AppImage runtime. The deb target hands
//     the hook the complete fpm command it computed (control fields, file mappings, maintainer scripts, desktop
//     file), so the offline .deb is built from electron-builder's decisions, not from a copy of its rules.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  configFile,
  electronVersion,
  projectDir,
  releaseDir,
  requireFromProject,
  standInDir,
  unpackedDir,
} from './config.mjs';

/** Command-line overrides shared by both runs: the stand-in runtime, a fixed Electron version, output in release/. */
const overrides = { electronDist: standInDir, electronVersion, directories: { output: releaseDir } };

export function runDirBuild() {
  const cli = join(projectDir, 'node_modules', '.bin', 'electron-builder');
  execFileSync(
    cli,
    [
      '--linux',
      '--dir',
      '--x64',
      '--config',
      configFile,
      `-c.electronDist=${overrides.electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${releaseDir}`,
      '--publish',
      'never',
    ],
    { cwd: projectDir, stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

/**
 * Runs the deb and AppImage targets up to the hook and returns what they computed:
 * `deb`: { args (fpm's arguments), desktopFile (its temporary path, named in args), files: { afterInstall, afterRemove, desktop } (contents, read before
 * electron-builder deletes its temporary files) }; `appImage`: { desktop, desktopFileName }.
 * The deb target also writes resources/apparmor-profile into linux-unpacked, as it does before running fpm.
 */
export async function computeLinuxTargets() {
  const { build, Platform, Arch } = requireFromProject('electron-builder');
  const computed = {};
  const read = (file) => readFileSync(file, 'utf8');
  await build({
    projectDir,
    // `extends` is what `--config` becomes on electron-builder's command line.
    config: { extends: configFile, ...overrides },
    targets: Platform.LINUX.createTarget(['deb', 'AppImage'], Arch.x64),
    prepackaged: unpackedDir,
    publish: 'never',
    effectiveOptionComputed: async (options) => {
      if (Array.isArray(options)) {
        const [args, desktopFile] = options;
        const valueOf = (flag) => args[args.indexOf(flag) + 1];
        computed.deb = {
          args: [...args],
          desktopFile,
          files: {
            afterInstall: read(valueOf('--after-install')),
            afterRemove: read(valueOf('--after-remove')),
            desktop: read(desktopFile),
          },
        };
      } else if (options.desktopFileName !== undefined) {
        computed.appImage = { ...options };
      }
      return true; // stop here: fpm and the AppImage runtime are downloads
    },
  });
  if (computed.deb === undefined)
    throw new Error("electron-builder's deb target never reached its fpm step: is deb in linux.target?");
  return computed;
}
