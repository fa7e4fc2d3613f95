// The judges of run-all (test/runner/reports.mjs) on reports shaped like vitest's and Playwright's own.
import { describe, expect, it } from 'vitest';
import { judgePlaywright, judgeVitest } from '../../runner/reports.mjs';

const ELECTRON_LINE = 'skipped: no Electron runtime';
const projects = ['renderer', 'app', 'electron'];

/** Playwright nests describe blocks as suites inside the file's suite; every test names its project. */
function playwrightReport(
  tests: { file: string; project: string; status: string }[],
  startTime = new Date().toISOString(),
) {
  return {
    suites: [...new Set(tests.map((test) => test.file))].map((file) => ({
      title: file,
      file,
      specs: [],
      suites: [
        {
          title: 'a describe block',
          file,
          specs: tests
            .filter((test) => test.file === file)
            .map((test) => ({ file, tests: [{ projectName: test.project, status: test.status }] })),
        },
      ],
    })),
    errors: [],
    stats: { startTime, expected: 0, unexpected: 0, skipped: 0, flaky: 0 },
  };
}

describe('judgePlaywright', () => {
  const green = [
    { file: 'renderer/a.spec.ts', project: 'renderer', status: 'expected' },
    { file: 'app/b.spec.ts', project: 'app', status: 'flaky' },
    { file: 'electron/c.spec.ts', project: 'electron', status: 'skipped' },
  ];

  it('counts per project from nested suites, flaky as passed, and allows the Electron skip it printed', () => {
    const judged = judgePlaywright(playwrightReport(green), {
      projects,
      exitCode: 0,
      allowedSkips: { electron: ELECTRON_LINE },
      printed: ELECTRON_LINE,
    });
    expect(judged).toMatchObject({ passed: 2, failed: 0, skipped: 1, problems: [] });
    expect(judged.notes).toEqual([
      'renderer: 1 passed, 0 failed, 0 skipped',
      'app: 1 passed, 1 flaky, 0 failed, 0 skipped',
      'electron: 0 passed, 0 failed, 1 skipped',
    ]);
    expect(judged.skippedWhole).toEqual([
      { suite: 'project electron', allowed: true, why: `printed "${ELECTRON_LINE}"` },
    ]);
  });

  it('refuses the Electron skip when the line was not printed', () => {
    const judged = judgePlaywright(playwrightReport(green), {
      projects,
      exitCode: 0,
      allowedSkips: { electron: ELECTRON_LINE },
      printed: '',
    });
    expect(judged.problems).toEqual([`project electron: all 1 tests skipped (it did not print "${ELECTRON_LINE}")`]);
  });

  it('fails a listed project with no test, errors outside tests, and a report older than the run', () => {
    const report = {
      ...playwrightReport(green.slice(0, 1), '2020-01-01T00:00:00.000Z'),
      errors: [{ message: 'Error: cannot load app/b.spec.ts\n  at x' }],
    };
    const judged = judgePlaywright(report, { projects, exitCode: 1, runStartedAt: Date.parse('2026-01-01T00:00:00Z') });
    expect(judged.problems).toEqual([
      'error outside any test: Error: cannot load app/b.spec.ts',
      'the report started at 2020-01-01T00:00:00.000Z, before this run',
      'project app ran zero tests',
      'project electron ran zero tests',
    ]);
  });
});

it("judgePlaywright names a failed test with its last attempt's error", () => {
  const report = playwrightReport([{ file: 'app/b.spec.ts', project: 'app', status: 'unexpected' }]);
  const spec = report.suites[0]?.suites[0]?.specs[0] as { title?: string; tests: { results?: unknown[] }[] };
  spec.title = 'stops from the tray';
  (spec.tests[0] ?? {}).results = [
    { status: 'failed', error: { message: 'first try' } },
    { status: 'failed', error: { message: 'Timeout 5000ms exceeded.\nCall log' } },
  ];
  const judged = judgePlaywright(report, { projects: ['app'], exitCode: 1 });
  expect(judged.failures).toEqual([
    { project: 'app', file: 'app/b.spec.ts', title: 'stops from the tray', why: 'Timeout 5000ms exceeded.' },
  ]);
});

describe('judgeVitest', () => {
  const file = (name: string, status: string, statuses: string[], message = '') => ({
    name: `/repo/${name}`,
    status,
    message,
    assertionResults: statuses.map((each) => ({ status: each })),
  });

  it('counts pending and todo as skipped, and fails a file that broke outside any test', () => {
    const report = {
      startTime: Date.now(),
      testResults: [
        file('test/unit/a.test.ts', 'passed', ['passed', 'pending', 'todo']),
        file('test/unit/b.test.ts', 'failed', [], 'SyntaxError: nope'),
      ],
    };
    const judged = judgeVitest(report, { project: 'unit', exitCode: 1, cwd: '/repo' });
    expect(judged).toMatchObject({ passed: 1, failed: 0, skipped: 2 });
    expect(judged.problems).toEqual(['test/unit/b.test.ts failed outside any test: SyntaxError: nope']);
  });

  it('names a file skipped whole, never allowed for a vitest project', () => {
    const report = {
      testResults: [
        file('test/integration/cli.test.ts', 'passed', ['passed']),
        file('test/integration/keychain.test.ts', 'passed', ['skipped', 'skipped']),
      ],
    };
    const judged = judgeVitest(report, { project: 'integration', exitCode: 0, cwd: '/repo' });
    expect(judged.problems).toEqual(['integration test/integration/keychain.test.ts: all 2 tests skipped']);
  });

  it('fails a report whose tests do not add up to its numTotalTests', () => {
    const judged = judgeVitest(
      { numTotalTests: 5, testResults: [file('test/unit/a.test.ts', 'passed', ['passed'])] },
      { project: 'unit', exitCode: 0, cwd: '/repo' },
    );
    expect(judged.problems).toEqual(['the report lists 1 tests but says numTotalTests 5']);
  });

  it('names each failed test with the first line of why, for the summary', () => {
    const failing = {
      name: '/repo/test/integration/sync.test.ts',
      status: 'failed',
      assertionResults: [
        { status: 'passed' },
        {
          status: 'failed',
          fullName: 'sync > exits 6',
          failureMessages: ['\nAssertionError: expected 3 to be 6\n    at x.ts:1'],
        },
      ],
    };
    const judged = judgeVitest({ testResults: [failing] }, { project: 'integration', exitCode: 1, cwd: '/repo' });
    expect(judged.failures).toEqual([
      {
        project: 'integration',
        file: 'test/integration/sync.test.ts',
        title: 'sync > exits 6',
        why: 'AssertionError: expected 3 to be 6',
      },
    ]);
  });

  it('fails zero tests, and an exit code that no failed test explains', () => {
    expect(judgeVitest({ testResults: [] }, { project: 'unit', exitCode: 0 }).problems).toEqual([
      'project unit ran zero tests',
    ]);
    const exited = judgeVitest(
      { testResults: [file('test/unit/a.test.ts', 'passed', ['passed'])] },
      { project: 'unit', exitCode: 1, cwd: '/repo' },
    );
    expect(exited.problems).toEqual(['the runner exited with 1 although no test failed']);
  });
});
