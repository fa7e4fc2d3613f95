// What bin/taper runs for every command but --version: the CLI bundle, from V8's code cache when there is one.
import { homeDirectory } from '../../services/storage/home-directory.js';
import { join } from 'node:path';
import { runCachedBundle } from './cached-bundle.js';
import {
  compileCacheBuildPrefix,
  compileCacheDirectory,
  compileCacheFileName,
  compileCacheKey,
} from './compile-cache-location.js';

/** The bundle's file name, content-hashed by the build (build/build.mjs), so a rebuilt CLI never meets old code. */
declare const TAPER_CLI_BUNDLE: string;

interface CliBundle {
  main(argv: readonly string[], version: string): Promise<number>;
}

/** Runs one `taper` command; resolves to its exit code once the cache, if it was missing, is stored. */
export async function launch(args: readonly string[], version: string): Promise<number> {
  const directory = compileCacheDirectory(process.env, process.platform, homeDirectory(process.env, process.platform));
  const buildPrefix = compileCacheBuildPrefix(TAPER_CLI_BUNDLE, process.version, process.arch);
  const bundle = runCachedBundle<CliBundle>({
    bundlePath: join(__dirname, TAPER_CLI_BUNDLE),
    cache:
      directory === null
        ? null
        : { file: join(directory, compileCacheFileName(buildPrefix, compileCacheKey(args))), buildPrefix },
    uid: process.getuid?.(),
  });
  const code = await bundle.exports.main(args, version);
  // After the command: the cache then holds what it compiled lazily too (the SDK's request path, the history store).
  bundle.save();
  return code;
}
