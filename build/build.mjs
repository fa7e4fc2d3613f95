// Builds everything the app and the CLI run from: services and simulator (tsc → dist/, for the bench and tools), the
// main process (one CommonJS bundle), the sandboxed preload (one CommonJS file: a sandboxed preload cannot load local
// modules), the CLI (one CommonJS bundle) and the renderer (Vite).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

/** commander's eager require of node:child_process goes to a stub that loads it on first use (build/cli-stubs/). */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(importer)
        ? { path: resolve('build/cli-stubs/lazy-child-process.cjs') }
        : undefined,
    );
  },
};

/**
 * Built-ins that most commands never use load on first use: each import of one becomes an external require of
 * dist/cli/lazy-builtins/<name>.cjs, `module.exports = require('./lazy-builtin.cjs')('node:<name>')` (the stub is
 * build/cli-stubs/lazy-builtin.cjs). External, so esbuild reads named imports off it at use, not at start-up. Only
 * plain-object exports: stream's is a constructor.
 */
// fs/promises brings readline, the directory and watcher modules with it, none in Node's start-up snapshot (~2 ms of a
// `taper history`, which reads its files synchronously); os is wanted only where HOME does not say the home folder.
const LAZY_BUILTINS = ['crypto', 'http', 'https', 'net', 'tls', 'dns', 'readline', 'fs/promises', 'os'];
/** The stub's file for a built-in: `fs/promises` → `fs-promises.cjs`. */
const lazyBuiltinFile = (name) => `${name.replace('/', '-')}.cjs`;
const LAZY_BUILTINS_DIR = 'lazy-builtins';
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, ({ path }) => ({
      path: `./${LAZY_BUILTINS_DIR}/${lazyBuiltinFile(path.replace(/^node:/, ''))}`,
      external: true,
    }));
  },
};

function writeLazyBuiltins(outdir) {
  const directory = join(outdir, LAZY_BUILTINS_DIR);
  mkdirSync(directory, { recursive: true });
  copyFileSync('build/cli-stubs/lazy-builtin.cjs', join(directory, 'lazy-builtin.cjs'));
  for (const name of LAZY_BUILTINS) {
    writeFileSync(
      join(directory, lazyBuiltinFile(name)),
      `'use strict';\nmodule.exports = require('./lazy-builtin.cjs')('node:${name}');\n`,
    );
  }
}

/**
 * Parts of the CLI that few commands load are bundles of their own beside it, required from it as `./<file>` when
 * a command first imports them: in the CLI bundle they would lengthen what every command reads at start (the
 * launcher reads the whole bundle, ~1 ms per 100 KB here, docs/performance.md).
 * - `taper serve`'s runtime: the IPC handlers with their zod schemas, ~500 KB (a long-running server compiles it once);
 * - conf with ajv, ~200 KB: settings.json is read without it, and opened with it only to write (taper-core-settings);
 * - the loopback simulator, for `taper sandbox`.
 * Each is built on its own, so a module both import exists twice: only modules without shared state are split off.
 */
const APART = [
  { imported: /[\\/]serve[\\/]serve-app\.js$/, entry: 'electron/serve/serve-app.ts', file: 'serve.cjs' },
  {
    imported: /[\\/]storage[\\/]conf-store\.js$/,
    entry: 'electron/services/storage/conf-store.ts',
    file: 'conf-store.cjs',
  },
  { imported: /[\\/]simulator[\\/]index\.js$/, entry: 'electron/simulator/index.ts', file: 'simulator.cjs' },
];
const bundlesApart = {
  name: 'bundles-apart',
  setup(build) {
    for (const { imported, file } of APART)
      build.onResolve({ filter: imported }, () => ({ path: `./${file}`, external: true }));
  },
};

/** Parts of the SDK's dependency tree that a JSON-only Live client never runs: see build/cli-stubs/. */
const sdkStubs = {
  'whatwg-url': './build/cli-stubs/whatwg-url.cjs',
  'form-data': './build/cli-stubs/form-data.cjs',
  debug: './build/cli-stubs/debug.cjs',
};

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
// The main process is one CommonJS bundle too: Electron then resolves no ES module from inside app.asar (a path that
// regressed in Electron 28, 29 and 35), and the package ships no node_modules but the keychain addon.
await build({
  entryPoints: ['electron/main.ts'],
  outfile: 'dist/electron/main.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // Electron 45 runs Node 24; node20 keeps the bundle loadable by the Node 20 that runs the app suite here.
  target: 'node20',
  // `import.meta.url` has no meaning in CommonJS: main derives its folder from the bundle's own path instead.
  define: { 'import.meta.url': '__taperMainUrl' },
  banner: { js: "const __taperMainUrl = require('node:url').pathToFileURL(__filename).href;" },
  // The same never-run parts of the SDK's dependency tree as the CLI (build/cli-stubs/).
  alias: sdkStubs,
  external: ['electron', '@napi-rs/keyring'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
// The CLI is one CommonJS bundle (the Tencent SDK included; each command still evaluates only what it imports):
// one file read instead of hundreds of module resolutions, and CommonJS because Node 20 can give V8's code cache
// only to scripts (electron/cli/launch/). Its name carries a content hash that keys that cache.
const cli = await build({
  entryPoints: { taper: 'electron/cli/main.ts' },
  outdir: 'dist/cli',
  entryNames: '[name]-[hash]',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // import() becomes require(): a script compiled by the launcher has no ES module loader to import with.
  supported: { 'dynamic-import': false },
  // Parts of the SDK's dependency tree that a JSON-only Live client never runs: see build/cli-stubs/.
  alias: sdkStubs,
  plugins: [lazyChildProcessForCommander, lazyBuiltins, bundlesApart],
  // Native addon and Electron stay outside the bundle.
  external: ['@napi-rs/keyring', 'electron'],
  // The file is the function Node would wrap a CommonJS module in: the launcher compiles it as it is, without
  // building a second 600 KB string that would cost a young-generation collection at start-up.
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '})' },
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
const bundleFile = Object.keys(cli.metafile.outputs).find((path) => path.endsWith('.cjs'));
writeLazyBuiltins('dist/cli');
// esbuild escapes non-ASCII characters (charset 'ascii', its default), so the launcher may read the bundle as latin1,
// which is faster than decoding UTF-8; this keeps that true.
if (/[\u0080-\u00ff]/.test(readFileSync(bundleFile, 'latin1')))
  throw new Error(`${bundleFile} has non-ASCII characters: the launcher reads it as latin1`);
// Beside it, the bundles apart (APART), each required from the CLI bundle by its file name.
for (const { entry, file } of APART)
  await build({
    entryPoints: [entry],
    outfile: `dist/cli/${file}`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    alias: sdkStubs,
    external: ['@napi-rs/keyring', 'electron'],
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
// bin/taper loads this small launcher, which runs the bundle named here through the code cache.
await build({
  entryPoints: ['electron/cli/launch/launch.ts'],
  outfile: 'dist/cli/launch.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { TAPER_CLI_BUNDLE: JSON.stringify(basename(bundleFile)) },
  // Beside the bundle, so it shares its lazy built-ins (node:os only where HOME is unset).
  plugins: [lazyBuiltins],
  logLevel: 'warning',
});
if (existsSync('renderer/index.html')) {
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
}
