// `npm start` where Electron's binary was never downloaded (these machines, a closed network): one message that says
// what is missing and how to get it, exit 1, and never Electron's own stack trace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const START = resolve('build/start-app.mjs');
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project folder whose electron package has no binary (path.txt names one that is not there). */
function projectWithoutBinary(withPathFile: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'taper-start-'));
  folders.push(root);
  writeFileSync(join(root, 'package.json'), '{"name":"x","main":"dist/electron/main.cjs"}');
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), '{"name":"electron","version":"45.4.1"}');
  if (withPathFile) writeFileSync(join(electron, 'path.txt'), 'electron');
  return root;
}

describe('npm start without an Electron binary', () => {
  it.each([
    ['never downloaded', false],
    ['path.txt naming a missing binary', true],
  ])('%s: one clear message and exit 1', (_name, withPathFile) => {
    const run = spawnSync(process.execPath, [START], {
      cwd: projectWithoutBinary(withPathFile),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Taper's desktop app needs Electron's runtime, and it is not installed here.");
    expect(run.stderr).toContain('ELECTRON_MIRROR=');
    expect(run.stderr).toContain('bin/taper sandbox');
    // The main job still runs on this machine: the app in a browser, through taper serve.
    expect(run.stderr).toContain('bin/taper serve');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
