// test/run-all.mjs over fake stages (tiny Node scripts in ./fixtures): each way a suite can look green without
// having run must end red, with the summary line last; the one allowed skip (Electron, said aloud) stays green.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RUN_ALL = resolve('test/run-all.mjs');
const FIXTURES = resolve('test/integration/runner/fixtures');

interface FakeTest {
  file: string;
  status: 'passed' | 'failed' | 'skipped';
  project?: string;
}

interface Plan {
  kind: 'vitest' | 'playwright';
  report: string;
  tests?: FakeTest[];
  print?: string;
  exit?: number;
  writeReport?: boolean;
  startedMsAgo?: number;
}

interface Stage {
  name: string;
  command: string;
  args: string[];
  timeoutMs?: number;
  needs?: string[];
  report?: {
    kind: 'vitest' | 'playwright';
    file: string;
    project?: string;
    projects?: string[];
    allowedSkips?: Record<string, string>;
  };
}

interface Run {
  code: number | null;
  output: string;
  lastLine: string;
  seconds: number;
  directory: string;
}

const passing = (file: string, count: number, project?: string): FakeTest[] =>
  Array.from({ length: count }, () => ({ file, status: 'passed', ...(project === undefined ? {} : { project }) }));
const skipped = (file: string, count: number, project?: string): FakeTest[] =>
  Array.from({ length: count }, () => ({ file, status: 'skipped', ...(project === undefined ? {} : { project }) }));

const check = (name: string): Stage => ({ name, command: process.execPath, args: ['-e', 'process.exit(0)'] });
const fakeVitest = (project: string, plan: Omit<Plan, 'kind' | 'report'>): Stage => {
  const report = `test-results/${project}.json`;
  return {
    name: project,
    command: process.execPath,
    args: [join(FIXTURES, 'fake-suite.mjs'), JSON.stringify({ kind: 'vitest', report, ...plan })],
    report: { kind: 'vitest', file: report, project },
  };
};
const E2E_REPORT = 'test-results/e2e-report.json';
const fakePlaywright = (plan: Omit<Plan, 'kind' | 'report'>): Stage => ({
  name: 'e2e',
  command: process.execPath,
  args: [join(FIXTURES, 'fake-suite.mjs'), JSON.stringify({ kind: 'playwright', report: E2E_REPORT, ...plan })],
  report: {
    kind: 'playwright',
    file: E2E_REPORT,
    projects: ['renderer', 'app', 'electron'],
    allowedSkips: { electron: 'skipped: no Electron runtime' },
  },
});
const electronSkipped = skipped('electron/electron-app.spec.ts', 3, 'electron');
const rendererAndApp = [
  ...passing('renderer/renderer.spec.ts', 2, 'renderer'),
  ...passing('app/shell.spec.ts', 1, 'app'),
];

/** This process's env without the runner's own knobs (a TAPER_STAGE_TIMEOUT_MS of the outer run must not leak in). */
function inherited(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('TAPER_STAGE_') && name !== 'TAPER_TEST_STAGES'),
  );
}

/** Runs test/run-all.mjs in a fresh directory over `stages`; `before` may seed that directory first. */
function runAll(
  stages: Stage[],
  { env = {}, before }: { env?: Record<string, string>; before?: (directory: string) => void } = {},
): Promise<Run> {
  const directory = mkdtempSync(join(tmpdir(), 'taper-run-all-'));
  const stagesFile = join(directory, 'stages.mjs');
  writeFileSync(stagesFile, `export const stages = ${JSON.stringify(stages, null, 2)};\n`);
  before?.(directory);
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [RUN_ALL], {
      cwd: directory,
      env: { ...inherited(), TAPER_TEST_STAGES: stagesFile, TAPER_STAGE_KILL_GRACE_MS: '500', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = output.trimEnd().split('\n');
      resolvePromise({ code, output, lastLine: lines.at(-1) ?? '', seconds: (Date.now() - started) / 1000, directory });
    });
  });
}

/** Seeds a green report "from an earlier run", which must not be counted. */
function seedEarlierReport(directory: string, project: string): void {
  mkdirSync(join(directory, 'test-results'), { recursive: true });
  writeFileSync(
    join(directory, 'test-results', `${project}.json`),
    JSON.stringify({
      numTotalTests: 50,
      numPassedTests: 50,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      startTime: Date.now() - 3_600_000,
      testResults: [],
    }),
  );
}

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  // A zombie still answers signal 0: dead all the same.
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return stat === '' || / Z /.test(stat);
}

describe('run-all over fake stages', () => {
  it('control: passing stages give a green run and the summary line last', async () => {
    const run = await runAll([
      check('build'),
      fakeVitest('unit', { tests: passing('test/unit/a.test.ts', 3) }),
      fakePlaywright({ tests: [...rendererAndApp, ...passing('electron/electron-app.spec.ts', 1, 'electron')] }),
    ]);
    expect(run.lastLine).toBe('8 passed, 0 failed, 0 skipped');
    expect(run.code).toBe(0);
  });

  it("a suite that crashes before writing its report fails, and the earlier run's report is not borrowed", async () => {
    const run = await runAll([fakeVitest('unit', { writeReport: false, exit: 1 })], {
      before: (directory) => seedEarlierReport(directory, 'unit'),
    });
    expect(run.lastLine).toBe('0 passed, 1 failed, 0 skipped');
    expect(run.code).toBe(1);
    expect(run.output).toContain('unit: FAILED: wrote no report (test-results/unit.json); exit 1');
    expect(existsSync(join(run.directory, 'test-results', 'unit.json'))).toBe(false);
  });

  it('a suite that writes no report but exits 0 fails', async () => {
    const run = await runAll([fakeVitest('integration', { writeReport: false, exit: 0 })], {
      before: (directory) => seedEarlierReport(directory, 'integration'),
    });
    expect(run.lastLine).toBe('0 passed, 1 failed, 0 skipped');
    expect(run.code).toBe(1);
    expect(run.output).toContain('integration: FAILED: wrote no report (test-results/integration.json); exit 0');
  });

  it('a vitest project that ran zero tests fails', async () => {
    const run = await runAll([fakeVitest('unit', { tests: [] })]);
    expect(run.lastLine).toBe('0 passed, 1 failed, 0 skipped');
    expect(run.code).toBe(1);
    expect(run.output).toContain('FAILED: project unit ran zero tests');
  });

  it('a Playwright project that ran zero tests fails, counted per project', async () => {
    const run = await runAll([
      fakePlaywright({
        tests: [...passing('renderer/renderer.spec.ts', 2, 'renderer'), ...electronSkipped],
        print: 'skipped: no Electron runtime',
      }),
    ]);
    expect(run.lastLine).toBe('2 passed, 1 failed, 3 skipped');
    expect(run.code).toBe(1);
    expect(run.output).toContain('FAILED: project app ran zero tests');
  });

  it('a hung stage is killed with its whole process group at its deadline and ends the run', async () => {
    const pidFile = join(tmpdir(), `taper-hang-${process.pid}-${Date.now()}.json`);
    const hanging: Stage = {
      name: 'hanging',
      command: process.execPath,
      args: [join(FIXTURES, 'hang.mjs'), pidFile],
      timeoutMs: 600_000,
    };
    const run = await runAll([check('build'), hanging, check('after')], {
      env: { TAPER_STAGE_TIMEOUT_MS_HANGING: '2000' },
    });
    expect(run.lastLine).toBe('1 passed, 2 failed, 0 skipped');
    expect(run.code).toBe(1);
    expect(run.output).toContain('hanging: TIMED OUT after 2.0 s');
    expect(run.output).toContain('after: NOT RUN (the run ended when hanging timed out)');
    expect(run.seconds).toBeLessThan(15);
    const pids = JSON.parse(readFileSync(pidFile, 'utf8')) as { stage: number; child: number };
    expect(gone(pids.stage), 'the stage itself').toBe(true);
    expect(gone(pids.child), "the stage's own child").toBe(true);
  }, 30_000);

  it('a vitest project whose tests all skipped fails and is named', async () => {
    const run = await runAll([
      fakeVitest('integration', { tests: skipped('test/integration/keychain/keychain.test.ts', 2) }),
    ]);
    expect(run.lastLine).toBe('0 passed, 1 failed, 2 skipped');
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/project integration \(integration\): NOT ALLOWED/);
  });

  it('one test file skipped whole inside a project that otherwise ran (a keychain suite off its keyring) fails and is named', async () => {
    const tests = [
      ...passing('test/integration/cli/record.test.ts', 2),
      ...skipped('test/integration/keychain/keychain.test.ts', 2),
    ];
    const run = await runAll([fakeVitest('integration', { tests })]);
    expect(run.lastLine).toBe('2 passed, 1 failed, 2 skipped');
    expect(run.code).toBe(1);
    expect(run.output).toContain('integration test/integration/keychain/keychain.test.ts (integration): NOT ALLOWED');
  });

  it('a Playwright project other than electron skipped whole fails, even when it printed the Electron line', async () => {
    const tests = [
      ...skipped('renderer/renderer.spec.ts', 2, 'renderer'),
      ...passing('app/shell.spec.ts', 1, 'app'),
      ...electronSkipped,
    ];
    const run = await runAll([fakePlaywright({ tests, print: 'skipped: no Electron runtime' })]);
    expect(run.lastLine).toBe('1 passed, 1 failed, 5 skipped');
    expect(run.code).toBe(1);
    expect(run.output).toContain('project renderer (e2e): NOT ALLOWED');
  });

  it('allowed: the electron project skipped whole after printing "skipped: no Electron runtime"', async () => {
    const run = await runAll([
      fakePlaywright({ tests: [...rendererAndApp, ...electronSkipped], print: 'skipped: no Electron runtime' }),
    ]);
    expect(run.lastLine).toBe('3 passed, 0 failed, 3 skipped');
    expect(run.code).toBe(0);
    expect(run.output).toContain('project electron (e2e): allowed, printed "skipped: no Electron runtime"');
  });

  it('the electron project skipped whole without printing why fails', async () => {
    const run = await runAll([fakePlaywright({ tests: [...rendererAndApp, ...electronSkipped] })]);
    expect(run.lastLine).toBe('3 passed, 1 failed, 3 skipped');
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      'project electron (e2e): NOT ALLOWED, it did not print "skipped: no Electron runtime"',
    );
  });

  it('a report that started before the run (left by someone else) fails', async () => {
    const run = await runAll([
      fakeVitest('unit', { tests: passing('test/unit/a.test.ts', 2), startedMsAgo: 3_600_000 }),
    ]);
    expect(run.lastLine).toBe('2 passed, 1 failed, 0 skipped');
    expect(run.output).toContain('before this run');
  });

  it('a runner that exits non-zero with no failed test counts one failure', async () => {
    const run = await runAll([fakeVitest('unit', { tests: passing('test/unit/a.test.ts', 2), exit: 1 })]);
    expect(run.lastLine).toBe('2 passed, 1 failed, 0 skipped');
    expect(run.output).toContain('the runner exited with 1 although no test failed');
  });

  it('a stage whose needs did not pass is not run and counts as failed', async () => {
    const broken: Stage = { name: 'build', command: process.execPath, args: ['-e', 'process.exit(3)'] };
    const run = await runAll([broken, { ...check('integration'), needs: ['build'] }]);
    expect(run.lastLine).toBe('0 passed, 2 failed, 0 skipped');
    expect(run.output).toContain('integration: NOT RUN (needs build, which did not pass)');
  });

  it('a stage list that does not load still ends with the summary line', async () => {
    const run = await runAll([], { env: { TAPER_TEST_STAGES: join(tmpdir(), 'taper-no-such-stages.mjs') } });
    expect(run.lastLine).toBe('0 passed, 1 failed, 0 skipped');
    expect(run.code).toBe(1);
  });
});
