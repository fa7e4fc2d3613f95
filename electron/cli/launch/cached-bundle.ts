// Runs a CommonJS bundle with V8's code cache, the way Node 22's module.enableCompileCache does for modules,
// but on every supported Node (20 has no such API) and with the cache taken *after* the command ran, so it holds
// the functions the command compiled lazily too, not only the top level. Measured on `taper record`: ~35 ms
// of ~200 ms saved (README, performance).
import { lstatSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { COMPILE_CACHE_SUFFIX } from './compile-cache-location.js';
import { readPrivateFile, writePrivateFile } from './private-cache-file.js';

/** What became of the cache in this run: only `hit` skipped compiling. */
export type CompileCacheState = 'hit' | 'missing' | 'rejected' | 'untrusted' | 'disabled';

export interface CachedBundle<Exports> {
  readonly exports: Exports;
  readonly state: CompileCacheState;
  /** Stores the code compiled so far when there was no usable cache. Never throws: a cache must not fail a command. */
  save(): void;
}

export interface CachedBundleOptions {
  /**
   * Absolute path of the bundle: an ASCII-only CommonJS module already inside Node's wrapper,
   * `(function (exports, require, module, __filename, __dirname) {…})`.
   */
  readonly bundlePath: string;
  /** Cache file to read and write, and the name prefix of its build's files; null runs without a cache. */
  readonly cache: { readonly file: string; readonly buildPrefix: string } | null;
  /** POSIX owner the cache must belong to (process.getuid()); undefined on Windows, where mode bits mean nothing. */
  readonly uid: number | undefined;
}

/** Compiles and runs the bundle like `require` would, from the cache when one is there and trusted. */
export function runCachedBundle<Exports>({ bundlePath, cache, uid }: CachedBundleOptions): CachedBundle<Exports> {
  // The build keeps the bundle ASCII-only (build/build.mjs): latin1 reads it as UTF-8 would, ~1.5 ms sooner.
  const source = readFileSync(bundlePath, 'latin1');
  const { data, state: readState } =
    cache === null ? { data: undefined, state: 'disabled' as const } : readPrivateFile(cache.file, uid);
  const script = new Script(source, {
    filename: bundlePath,
    cachedData: data,
  });
  const state: CompileCacheState = readState === 'hit' && script.cachedDataRejected === true ? 'rejected' : readState;
  const module = { exports: {} as Exports };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return {
    exports: module.exports,
    state,
    save: () => {
      // An untrusted file is replaced, not reused: the new one is written privately and renamed over it.
      if (cache === null || state === 'hit') return;
      try {
        writeCache(cache.file, cache.buildPrefix, script.createCachedData(), uid);
      } catch {
        // Read-only home, full disk: the next run compiles again, nothing else changes.
      }
    },
  };
}

function writeCache(cacheFile: string, buildPrefix: string, data: Buffer, uid: number | undefined): void {
  if (writePrivateFile(cacheFile, data, uid)) removeOtherBuilds(dirname(cacheFile), buildPrefix);
}

/** How long another build's cache is kept: long enough for two installs (or two Node versions) in use side by side. */
const OTHER_BUILDS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Caches of other bundle or Node builds are removed once a week old: an upgrade leaves no stale megabytes behind,
 * and two installs used in turn do not delete each other's cache at every run.
 */
function removeOtherBuilds(directory: string, buildPrefix: string): void {
  const oldest = Date.now() - OTHER_BUILDS_KEPT_MS;
  for (const name of readdirSync(directory)) {
    if (!name.endsWith(COMPILE_CACHE_SUFFIX) || name.startsWith(buildPrefix)) continue;
    const file = join(directory, name);
    if (lstatSync(file).mtimeMs < oldest) unlinkSync(file);
  }
}
