// What app.asar holds: the bundles and what they load, nothing of the sources, tests, maps, tsc output or bundled
// node_modules; and what must live beside it in app.asar.unpacked (the keychain addon, the CLI).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { requireFromProject } from '../config.mjs';

/** Every file in the archive: { path (relative), unpacked }. The header is read with electron-builder's @electron/asar. */
export function asarFiles(asarPath) {
  const { getRawHeader } = requireFromProject('@electron/asar');
  const files = [];
  const visit = (node, prefix) => {
    for (const [name, child] of Object.entries(node.files)) {
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (child.files !== undefined) visit(child, path);
      else files.push({ path, unpacked: child.unpacked === true });
    }
  };
  visit(getRawHeader(asarPath).header, '');
  return files;
}

/** Everything the app is allowed to carry (build/electron-builder.yml `files`, plus the runtime dependency). */
const ALLOWED = [
  /^package\.json$/,
  /^bin\/(taper|package\.json)$/,
  /^dist\/electron\/(main|preload)\.cjs$/,
  /^dist\/renderer\//,
  /^dist\/cli\/[^/]+\.cjs$/,
  // Built-ins the CLI loads on first use (lazyBuiltins in build/build.mjs).
  /^dist\/cli\/lazy-builtins\/[a-z-]+\.cjs$/,
  /^build\/icons\/.+\.png$/,
  /^node_modules\/@napi-rs\/keyring(-[^/]+)?\//,
];
const FORBIDDEN = [
  [/(^|\/)(test|tests|__tests__)\//, 'test files'],
  [/\.[cm]?ts$/, 'TypeScript sources'],
  [/\.map$/, 'source maps'],
  [/^dist\/electron\/.*\.js$/, 'tsc output main does not load'],
  [/^node_modules\/(?!@napi-rs\/keyring(-[^/]+)?\/)/, 'node_modules other than @napi-rs/keyring*'],
  [/(^|\/)tencentcloud-sdk-nodejs\//, 'the Tencent SDK as a package (it is bundled)'],
];

export function checkAsar({ root, config }, report) {
  const resources = join(root, 'opt', config.productName, 'resources');
  const files = asarFiles(join(resources, 'app.asar'));
  const has = new Map(files.map((file) => [file.path, file]));
  for (const path of [
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/renderer/index.html',
    'package.json',
  ]) {
    report.check(`app.asar: has ${path}`, has.has(path), 'missing');
  }
  for (const [pattern, what] of FORBIDDEN) {
    const found = files.filter((file) => pattern.test(file.path)).map((file) => file.path);
    report.check(
      `app.asar: no ${what}`,
      found.length === 0,
      found.slice(0, 8).join(', ') + (found.length > 8 ? ` and ${found.length - 8} more` : ''),
    );
  }
  const unexpected = files
    .filter((file) => !ALLOWED.some((pattern) => pattern.test(file.path)))
    .map((file) => file.path);
  report.check(
    'app.asar: nothing beyond the allow-list (package.json, bin/, main/preload bundles, renderer, CLI, icons, keyring)',
    unexpected.length === 0,
    unexpected.slice(0, 8).join(', '),
  );

  // Unpacked = marked so in the header (Electron redirects reads) AND present on disk beside the archive.
  const unpacked = (path) => has.get(path)?.unpacked === true && existsSync(join(resources, 'app.asar.unpacked', path));
  const addons = files.filter((file) => /^node_modules\/@napi-rs\/keyring-[^/]+\/.+\.node$/.test(file.path));
  report.check(
    'app.asar.unpacked: the keyring .node addon',
    addons.length > 0 && addons.every((file) => unpacked(file.path)),
    addons.length === 0 ? 'no keyring .node in the app at all' : addons.map((file) => file.path).join(', '),
  );
  const cliFiles = [
    'package.json',
    'bin/taper',
    'bin/package.json',
    ...files
      .filter((file) => /^dist\/cli\//.test(file.path) || /^node_modules\/@napi-rs\/keyring\//.test(file.path))
      .map((file) => file.path),
  ];
  const packed = cliFiles.filter((path) => !unpacked(path));
  report.check(
    'app.asar.unpacked: everything the CLI runs (launcher, bundle, package.json, keyring package)',
    packed.length === 0 && cliFiles.some((path) => path.startsWith('dist/cli/')),
    packed.join(', ') || 'no dist/cli files',
  );
  return files;
}
