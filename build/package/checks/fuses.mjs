// The fuses read back from the packaged binary with @electron/fuses' own reader: each one set explicitly in
// build/electron-builder.yml (none left to Electron's default by omission) and flipped as configured. Two fuses
// depend on the code, so the code is checked too: runAsNode (the `taper` command needs it) and
// grantFileProtocolExtraPrivileges (off is only right if the renderer is not a file:// page).
import { join } from 'node:path';
import { requireFromProject } from '../config.mjs';

/** electron-builder's electronFuses key for each FuseV1Options name: the same words, first letter lowered. */
const configKey = (optionName) => optionName[0].toLowerCase() + optionName.slice(1);

export async function checkFuses({ root, config }, report) {
  const { getCurrentFuseWire, FuseV1Options } = requireFromProject('@electron/fuses');
  const { FuseState } = requireFromProject('@electron/fuses/dist/constants.js');
  const binary = join(root, 'opt', config.productName, config.linux.executableName);
  const wire = await getCurrentFuseWire(binary);
  const fuses = config.electronFuses ?? {};
  const read = {};
  for (const [index, state] of Object.entries(wire)) {
    if (index === 'version') continue;
    const name = FuseV1Options[index];
    const key = configKey(name);
    read[key] = state === FuseState.ENABLE;
    if (typeof fuses[key] !== 'boolean') {
      report.check(
        `fuse ${key}: set explicitly in electronFuses`,
        false,
        "not configured: the binary keeps Electron's default",
      );
      continue;
    }
    const expected = fuses[key] ? FuseState.ENABLE : FuseState.DISABLE;
    report.check(
      `fuse ${key}: ${fuses[key] ? 'on' : 'off'} in the packaged binary`,
      state === expected,
      `read ${String.fromCharCode(state)} (${FuseState[state]})`,
    );
  }
  report.check(
    'fuse runAsNode: on, as the taper command needs',
    fuses.runAsNode === true,
    'runAsNode is off: /usr/bin/taper runs the CLI through ELECTRON_RUN_AS_NODE',
  );

  if (fuses.grantFileProtocolExtraPrivileges === false) {
    const { extractFile } = requireFromProject('@electron/asar');
    const main = extractFile(
      join(root, 'opt', config.productName, 'resources', 'app.asar'),
      'dist/electron/main.cjs',
    ).toString('utf8');
    report.check(
      'fuse grantFileProtocolExtraPrivileges off: main serves the renderer from a privileged custom scheme',
      main.includes('registerSchemesAsPrivileged'),
      'main.cjs registers no custom scheme: a file:// renderer loses its extra privileges with this fuse off',
    );
  }
  return read;
}
