// Temporary directories of one bench run, removed at its end (also when a measurement fails).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = [];

/** A fresh directory under the OS temp dir, removed by removeTempDirs(). */
export function makeTempDir(prefix) {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  made.push(directory);
  return directory;
}

export function removeTempDirs() {
  for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
}
