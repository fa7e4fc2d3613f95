// Bundles the Electron stand-in (test/app/stand-in/) into one CommonJS file that register.cjs resolves `electron`
// to. Playwright stays outside the bundle: it is the test's own copy, loaded from node_modules.
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const STAND_IN_BUNDLE = 'test-results/app/electron-stand-in.cjs';

export async function buildStandIn() {
  await build({
    entryPoints: ['test/app/stand-in/electron.ts'],
    outfile: STAND_IN_BUNDLE,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['playwright-core', 'playwright'],
    logLevel: 'warning',
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await buildStandIn();
