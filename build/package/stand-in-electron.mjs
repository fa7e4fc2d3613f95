// Makes a stand-in Electron runtime for electron-builder's `electronDist`: the real Electron binary cannot be
// downloaded here and no package ships it. The stand-in is laid out like Electron's Linux zip, so electron-builder
// packages it exactly as it would the real one (renames `electron` to the executable name, moves LICENSE, flips the
// fuses), and it runs the CLI the one way Taper uses the runtime outside the GUI: ELECTRON_RUN_AS_NODE=1.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses finds the wire by this sentinel (its dist/constants.js), as in every Electron binary since 12. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in @electron/fuses' FuseV1Options order ('1' on, '0' off): runAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, V8 snapshot off, file:// extra
 * privileges on. Starting from Electron's states means a fuse the config forgot shows up as Electron's default. */
export const ELECTRON_DEFAULT_FUSES = '10110001';

/**
 * The `electron` stand-in: a shell script. It ends with the fuse wire as @electron/fuses expects it (the sentinel,
 * the wire version byte 1, the wire length, one byte per fuse), on the last line, after `exit`, so the shell never
 * parses it and the script can read its own fuse states with `tail`. It honours runAsNode and nodeOptions as
 * Electron does, so a packaging config that turned runAsNode off would fail the check the way the real app would.
 */
function standInScript() {
  const head = `#!/bin/sh
# Stand-in Electron runtime (build/package/stand-in-electron.mjs), for the offline package check only: never released.
# With ELECTRON_RUN_AS_NODE set it runs the given script with the system node, as Electron runs it with its own Node.
fuses=$(tail -c 9 "$(readlink -f "$0")")
rest=\${fuses#?}
run_as_node=\${fuses%"$rest"}
rest=\${rest#?}
node_options=\${rest%"\${rest#?}"}
if [ -n "$ELECTRON_RUN_AS_NODE" ] && [ "$run_as_node" = 1 ]; then
  # Electron ignores both variables when the nodeOptions fuse is off.
  [ "$node_options" = 1 ] || unset NODE_OPTIONS NODE_EXTRA_CA_CERTS
  exec node "$@"
fi
echo "stand-in Electron runtime: it has no GUI (only ELECTRON_RUN_AS_NODE=1 with the runAsNode fuse on runs)" >&2
exit 1
# fuse wire:
`;
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(`${ELECTRON_DEFAULT_FUSES}\n`, 'latin1'),
  ]);
  return Buffer.concat([Buffer.from(head, 'latin1'), wire]);
}

/**
 * Writes the stand-in distribution into `dir` (emptied first) and returns `dir`. Tried: electron-builder itself needs
 * only `electron` (renamed to the executable, then its fuses flipped); the other files are the ones of Electron's zip
 * that the package's own steps touch, so they are exercised as with the real runtime.
 */
export function makeStandInElectron(dir, electronVersion) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'electron'), standInScript());
  chmodSync(join(dir, 'electron'), 0o755);
  // The postinst chmods chrome-sandbox (4755 where user namespaces are off); a placeholder that refuses to run.
  writeFileSync(join(dir, 'chrome-sandbox'), '#!/bin/sh\necho "stand-in chrome-sandbox: not a sandbox" >&2\nexit 1\n');
  chmodSync(join(dir, 'chrome-sandbox'), 0o755);
  // electron-builder moves LICENSE to LICENSE.electron.txt (its retainElectronLicenseFiles), as the license requires.
  writeFileSync(join(dir, 'LICENSE'), "Stand-in for Electron's MIT LICENSE (build/package/stand-in-electron.mjs).\n");
  writeFileSync(join(dir, 'LICENSES.chromium.html'), "<!-- stand-in for Chromium's licenses -->\n");
  writeFileSync(join(dir, 'version'), electronVersion);
  // electronLanguages, if ever set, prunes locales/*.pak and refuses to leave none.
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}
