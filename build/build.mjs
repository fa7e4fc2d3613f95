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
if (existsSync('renderer/index.html')) {
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
}
