// `npm start`: runs the built app in Electron, or, where Electron's binary is missing (it is downloaded on first
// run, and a closed network or a mirror-less mainland-China network refuses it), says so in one message with what to
// do instead of Electron's own stack trace.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The binary electron's installer would have fetched; never `require('electron')`, which tries to download it. */
export function electronBinary(root = process.cwd()) {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { binary: null, packageDir: null };
  }
  const pathFile = join(packageDir, 'path.txt');
  const binary = existsSync(pathFile) ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  return { binary: binary !== null && existsSync(binary) ? binary : null, packageDir };
}

export const MISSING_ELECTRON = `Taper's desktop app needs Electron's runtime, and it is not installed here.

  npm installs only Electron's package; its binary is downloaded on first use, which failed or was skipped
  (ELECTRON_SKIP_BINARY_DOWNLOAD, no network). To install it:

    npx install-electron            # or: node node_modules/electron/install.js

  Behind a firewall or in mainland China, download from a mirror:

    ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ node node_modules/electron/install.js

  Without Electron, the same app runs in your browser, and the same services on the command line (same keychain,
  same history):

    bin/taper serve                # the scheduler, and the app at the URL it prints (http://127.0.0.1:8765/?token=…)
    bin/taper --help
    bin/taper sandbox              # a simulated Live API on 127.0.0.1, with demo keys
`;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { binary } = electronBinary();
  if (binary === null) {
    process.stderr.write(MISSING_ELECTRON);
    process.exit(1);
  }
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  // Electron's own exit code; killed by a signal counts as a failure.
  child.on('exit', (code) => process.exit(code ?? 1));
}
