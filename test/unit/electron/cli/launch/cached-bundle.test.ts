// The launcher's code cache on real files and real V8: what is read, what is refused, what is written.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCachedBundle } from '../../../../../electron/cli/launch/cached-bundle.js';

interface Exports {
  greet(name: string): string;
  loadedFrom: string;
}

const uid = process.getuid?.();
const posixOnly = it.skipIf(uid === undefined);
let root: string;
let bundlePath: string;
let cacheDir: string;
const buildPrefix = 'greeter.cjs.test-build.';
const cacheFile = () => join(cacheDir, `${buildPrefix}greet.v8cache`);
const run = (file = cacheFile()) => runCachedBundle<Exports>({ bundlePath, cache: { file, buildPrefix }, uid });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'taper-cached-bundle-'));
  bundlePath = join(root, 'greeter.cjs');
  // Shaped like the build's output: a CommonJS module inside Node's wrapper, requiring a built-in.
  writeFileSync(
    bundlePath,
    `(function (exports, require, module, __filename, __dirname) {
"use strict";
const { basename } = require('node:path');
function greet(name) { return 'hello ' + name; }
module.exports = { greet, loadedFrom: basename(__filename) + '@' + basename(__dirname) };
})`,
  );
  cacheDir = join(root, 'cache');
});

describe('runCachedBundle', () => {
  it('runs the bundle as a CommonJS module and writes a private cache after the first run', () => {
    const first = run();
    expect(first.state).toBe('missing');
    expect(first.exports.greet('ana')).toBe('hello ana');
    expect(first.exports.loadedFrom).toBe(`greeter.cjs@${root.split('/').at(-1)}`);
    first.save();
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
  });

  it('compiles from the cache on the next run, and leaves the file as it is', () => {
    run().save();
    const before = statSync(cacheFile());
    const second = run();
    expect(second.state).toBe('hit');
    expect(second.exports.greet('bo')).toBe('hello bo');
    second.save();
    expect(statSync(cacheFile()).mtimeMs).toBe(before.mtimeMs);
  });

  it('rejects a cache V8 cannot use and replaces it', () => {
    mkdirSync(cacheDir, { mode: 0o700 });
    writeFileSync(cacheFile(), Buffer.from('not compiled code at all'), { mode: 0o600 });
    const damaged = run();
    expect(damaged.state).toBe('rejected');
    expect(damaged.exports.greet('cy')).toBe('hello cy');
    damaged.save();
    expect(run().state).toBe('hit');
  });

  posixOnly('never reads a cache others could have written, and replaces the file', () => {
    run().save();
    chmodSync(cacheFile(), 0o620);
    const refused = run();
    expect(refused.state).toBe('untrusted');
    expect(refused.exports.greet('di')).toBe('hello di');
    refused.save();
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
    expect(run().state).toBe('hit');
  });

  posixOnly('neither reads nor writes in a folder others can write to', () => {
    run().save();
    chmodSync(cacheDir, 0o777);
    const refused = run();
    expect(refused.state).toBe('untrusted');
    const written = readFileSync(cacheFile());
    refused.save();
    expect(readFileSync(cacheFile())).toEqual(written);
    chmodSync(cacheDir, 0o700);
  });

  posixOnly('follows a linked cache folder, but never reads a cache file that is a link', () => {
    const realFolder = join(root, 'real-cache');
    mkdirSync(realFolder, { mode: 0o700 });
    symlinkSync(realFolder, cacheDir);
    run().save();
    expect(readdirSync(realFolder)).toEqual([`${buildPrefix}greet.v8cache`]);
    expect(run().state).toBe('hit');

    const elsewhere = join(root, 'elsewhere.v8cache');
    renameSync(join(realFolder, `${buildPrefix}greet.v8cache`), elsewhere);
    symlinkSync(elsewhere, cacheFile());
    expect(run().state).toBe('untrusted');
  });

  it('keeps working where no cache can be written', () => {
    writeFileSync(join(root, 'a-file'), 'x');
    const nowhere = run(join(root, 'a-file', 'cache', `${buildPrefix}greet.v8cache`));
    expect(nowhere.state).toBe('missing');
    expect(() => nowhere.save()).not.toThrow();
    expect(nowhere.exports.greet('ed')).toBe('hello ed');
  });

  it('runs without a cache when it is turned off, writing nothing', () => {
    const off = runCachedBundle<Exports>({ bundlePath, cache: null, uid });
    expect(off.state).toBe('disabled');
    expect(off.exports.greet('fi')).toBe('hello fi');
    off.save();
    expect(existsSync(cacheDir)).toBe(false);
  });

  it("removes other builds' caches a week old when it writes, and keeps recent ones, its other commands and foreign files", () => {
    mkdirSync(cacheDir, { mode: 0o700 });
    const names = [
      'greeter.cjs.old-build.greet.v8cache',
      'greeter.cjs.other-install.greet.v8cache',
      `${buildPrefix}other.v8cache`,
      'notes.txt',
    ];
    for (const name of names) writeFileSync(join(cacheDir, name), 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    for (const name of ['greeter.cjs.old-build.greet.v8cache', `${buildPrefix}other.v8cache`, 'notes.txt'])
      utimesSync(join(cacheDir, name), eightDaysAgo, eightDaysAgo);
    run().save();
    expect(readdirSync(cacheDir).sort()).toEqual([
      'greeter.cjs.other-install.greet.v8cache',
      `${buildPrefix}greet.v8cache`,
      `${buildPrefix}other.v8cache`,
      'notes.txt',
    ]);
  });
});
