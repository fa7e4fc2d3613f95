// The user's home folder without loading node:os where the environment already says it (the CLI's bundle loads os
// lazily, build/build.mjs: about 1 ms of every command, and most commands need only this from it).
import { homedir } from 'node:os';

/**
 * What os.homedir() answers: libuv reads HOME first on POSIX (USERPROFILE on Windows, which this leaves to os), and
 * only asks the user database when HOME is unset.
 */
export function homeDirectory(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): string {
  const home = env['HOME'];
  return platform !== 'win32' && home !== undefined ? home : homedir();
}
