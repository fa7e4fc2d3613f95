// The stages of `npm test`, in order. Each one:
//   name, command, args   what runs (from the repository root)
//   timeoutMs             past it the stage's process group is killed and the run ends (env overrides: see run-stages.mjs)
//   needs                 stages that must have passed first; otherwise this one is not run (and counts as failed)
//   report                the JSON report the stage writes and run-all counts from (deleted before the run starts)
//     kind: 'vitest'      one project: { project }
//     kind: 'playwright'  { projects } expected to run at least one test each; { allowedSkips } project -> the line it
//                         must print for being skipped whole to be accepted
//   clean                 more files or folders (their *.json) written by the run, deleted before it starts
// A test can swap this list for its own: TAPER_TEST_STAGES=/path/to/stages.mjs (exporting `stages`).
const MINUTE = 60_000;

const vitest = (project) => ({
  name: project,
  command: 'npx',
  args: [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=test-results/${project}.json`,
  ],
  report: { kind: 'vitest', file: `test-results/${project}.json`, project },
});

export const stages = [
  { name: 'build', command: 'node', args: ['build/build.mjs'], timeoutMs: 5 * MINUTE },
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'], timeoutMs: 5 * MINUTE },
  { name: 'lint', command: 'npx', args: ['eslint', '.'], timeoutMs: 5 * MINUTE },
  // One layout for every file (.prettierrc.json): `npm run format` fixes what this finds.
  { name: 'format', command: 'npx', args: ['prettier', '--check', '.'], timeoutMs: 5 * MINUTE },
  { ...vitest('unit'), timeoutMs: 10 * MINUTE },
  { ...vitest('integration'), timeoutMs: 20 * MINUTE, needs: ['build'] },
  {
    name: 'e2e',
    command: 'npx',
    args: ['playwright', 'test'],
    timeoutMs: 30 * MINUTE,
    needs: ['build'],
    // Written by the json reporter of playwright.config.ts.
    report: {
      kind: 'playwright',
      file: 'test-results/e2e-report.json',
      projects: ['renderer', 'serve', 'app', 'electron'],
      // Only the suite that needs a real Electron binary may skip on these machines, and only saying so.
      allowedSkips: { electron: 'skipped: no Electron runtime' },
    },
  },
  // Reliability figures (inputs tried, faults survived, entries lost, secrets found) from the suites of this run;
  // fails on a loss, a leak, or a suite that did not run in this run.
  {
    name: 'reliability table',
    command: 'node',
    args: ['test/reliability/print-table.mjs'],
    timeoutMs: 2 * MINUTE,
    needs: ['build'],
    clean: ['test-results/reliability'],
  },
  // The Linux package: electron-builder's --dir output with a stand-in runtime, the deb built offline, then checked.
  {
    name: 'package check',
    command: 'node',
    args: ['build/package/check.mjs'],
    timeoutMs: 5 * MINUTE,
    needs: ['build'],
  },
];
