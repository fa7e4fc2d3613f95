import { defineConfig } from '@playwright/test';
import { chromiumArgs } from './test/chromium-args.mjs';

// Browsers are never downloaded: the renderer suite drives Debian's chromium; the Electron suite
// launches the app where an Electron runtime exists and otherwise skips with a printed reason.
export { chromiumArgs };

export default defineConfig({
  testDir: 'test/e2e',
  // Not test-results/ itself: Playwright empties its outputDir, and the other suites' reports live there.
  outputDir: 'test-results/playwright',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  projects: [
    {
      name: 'renderer',
      testMatch: /renderer\/.*\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
        screenshot: 'only-on-failure',
      },
    },
    // The built renderer in Chromium through `taper serve` (HTTP and server-sent events; no test bridge).
    {
      name: 'serve',
      testMatch: /serve\/.*\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
        screenshot: 'only-on-failure',
      },
    },
    // The built app (package.json main) in Node, with `electron` resolved to the stand-in (test/app/stand-in/):
    // each test starts its own app process, which starts its own Chromium.
    { name: 'app', testMatch: /app\/.*\.spec\.ts$/, timeout: 60_000 },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts$/ },
  ],
});
