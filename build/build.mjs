// Builds everything the app and the CLI run from: main/services/CLI (tsc → dist/), the sandboxed
// preload (one CommonJS file: a sandboxed preload cannot load local modules), and the renderer (Vite).
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.node.json']);
if (existsSync('electron/preload.ts')) {
  await build({
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    target: 'node20',
    logLevel: 'warning',
  });
}
// The CLI is bundled (with the Tencent SDK, split so each command loads only what it uses): one file read
// instead of hundreds of module resolutions keeps `taper` start-up close to bare Node's.
await build({
  entryPoints: ['electron/cli/main.ts'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Parts of the SDK's dependency tree that a JSON-only Live client never runs: see build/cli-stubs/.
  alias: {
    'whatwg-url': './build/cli-stubs/whatwg-url.cjs',
    'form-data': './build/cli-stubs/form-data.cjs',
    debug: './build/cli-stubs/debug.cjs',
  },
  // Native addon and Electron stay outside the bundle.
  external: ['@napi-rs/keyring', 'electron', 'electron-store'],
  // Bundled CommonJS dependencies call require(); give ESM chunks one.
  banner: { js: "import { createRequire as __taperCreateRequire } from 'node:module'; const require = __taperCreateRequire(import.meta.url);" },
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
if (existsSync('renderer/index.html')) {
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
}
