// Reads the JSON reports of vitest and Playwright and judges them: counts per project, plus every reason the run
// cannot be called green although no test failed (a project that ran nothing, a suite skipped whole, a report
// older than the run, a runner that failed outside any test). Pure functions: run-all and its tests share them.

/** Statuses of one vitest assertion that mean "did not run". */
const VITEST_SKIPPED = new Set(['pending', 'skipped', 'todo', 'disabled']);

/** A project's tally; `suites` maps each test file to its own tally, to find a file skipped whole. */
function emptyTally() {
  return { passed: 0, failed: 0, skipped: 0, flaky: 0, suites: new Map(), failures: [] };
}

function add(tally, file, outcome) {
  tally[outcome] += 1;
  const suite = tally.suites.get(file) ?? { passed: 0, failed: 0, skipped: 0 };
  suite[outcome === 'flaky' ? 'passed' : outcome] += 1;
  tally.suites.set(file, suite);
}

const total = (tally) => tally.passed + tally.flaky + tally.failed + tally.skipped;

/** Test files whose every test skipped (none passed, none failed). */
function suitesSkippedWhole(tally) {
  return [...tally.suites]
    .filter(([, suite]) => suite.skipped > 0 && suite.passed === 0 && suite.failed === 0)
    .map(([file]) => file);
}

/** Milliseconds since the epoch of a report's start, or undefined when the report does not say. */
function startOf(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

function staleProblem(reportStart, runStartedAt) {
  if (runStartedAt === undefined || reportStart === undefined) return [];
  // Reports give millisecond starts; allow one second for clocks rounded differently.
  return reportStart + 1000 < runStartedAt
    ? [`the report started at ${new Date(reportStart).toISOString()}, before this run`]
    : [];
}

/**
 * Judges one vitest JSON report of a single project (`vitest run --project X --reporter=json`).
 * @param {unknown} report the parsed JSON
 * @param {{ project: string, exitCode: number | null, runStartedAt?: number, cwd?: string }} context
 */
export function judgeVitest(report, { project, exitCode, runStartedAt, cwd = process.cwd() }) {
  const tally = emptyTally();
  const problems = [];
  const files = Array.isArray(report?.testResults) ? report.testResults : [];
  for (const file of files) {
    const name = relativeName(String(file.name ?? '?'), cwd);
    const assertions = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    for (const assertion of assertions) {
      if (assertion.status === 'passed') add(tally, name, 'passed');
      else if (VITEST_SKIPPED.has(assertion.status)) add(tally, name, 'skipped');
      else {
        add(tally, name, 'failed');
        const why = Array.isArray(assertion.failureMessages) ? assertion.failureMessages[0] : undefined;
        tally.failures.push({
          file: name,
          title: String(assertion.fullName ?? assertion.title ?? '?'),
          why: firstLine(why ?? assertion.status),
        });
      }
    }
    // A file that failed to load or failed in a hook has no failed test to show for it.
    if (file.status === 'failed' && !assertions.some((assertion) => assertion.status === 'failed')) {
      problems.push(`${name} failed outside any test${file.message ? `: ${firstLine(file.message)}` : ''}`);
    }
  }
  // The per-test statuses and vitest's own total must agree, or the counts above are not the run's.
  if (typeof report?.numTotalTests === 'number' && report.numTotalTests !== total(tally)) {
    problems.push(`the report lists ${total(tally)} tests but says numTotalTests ${report.numTotalTests}`);
  }
  problems.push(...staleProblem(startOf(report?.startTime), runStartedAt));
  return finish({
    projects: new Map([[project, tally]]),
    expected: [project],
    problems,
    exitCode,
    allowedSkips: {},
    printed: '',
  });
}

/**
 * Judges a Playwright JSON report: every test is listed with its projectName, so the counts are per project.
 * @param {unknown} report the parsed JSON
 * @param {{ projects: string[], exitCode: number | null, allowedSkips?: Record<string, string>, printed?: string, runStartedAt?: number }} context
 *   allowedSkips: project -> the line it must have printed for being skipped whole to be accepted
 *   printed: what the stage printed (stdout and stderr), searched for those lines
 */
export function judgePlaywright(report, { projects, exitCode, allowedSkips = {}, printed = '', runStartedAt }) {
  const tallies = new Map(projects.map((name) => [name, emptyTally()]));
  const problems = [];
  const walk = (suite, file) => {
    const here = suite.file ?? file;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const project = String(test.projectName ?? test.projectId ?? '?');
        if (!tallies.has(project)) tallies.set(project, emptyTally());
        const outcome =
          { expected: 'passed', flaky: 'flaky', skipped: 'skipped', unexpected: 'failed' }[test.status] ?? 'failed';
        add(tallies.get(project), spec.file ?? here ?? '?', outcome);
        if (outcome === 'failed') {
          const result = (test.results ?? []).at(-1);
          const why = result?.error?.message ?? result?.errors?.[0]?.message ?? result?.status ?? test.status;
          tallies
            .get(project)
            .failures.push({ file: spec.file ?? here ?? '?', title: String(spec.title ?? '?'), why: firstLine(why) });
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of Array.isArray(report?.suites) ? report.suites : []) walk(suite, undefined);
  for (const error of Array.isArray(report?.errors) ? report.errors : []) {
    problems.push(`error outside any test: ${firstLine(error?.message ?? JSON.stringify(error))}`);
  }
  problems.push(...staleProblem(startOf(report?.stats?.startTime), runStartedAt));
  return finish({ projects: tallies, expected: projects, problems, exitCode, allowedSkips, printed });
}

function finish({ projects, expected, problems, exitCode, allowedSkips, printed }) {
  const notes = [];
  const skippedWhole = [];
  for (const [name, tally] of projects) {
    const count = total(tally);
    if (count === 0) {
      if (expected.includes(name)) problems.push(`project ${name} ran zero tests`);
      continue;
    }
    const flaky = tally.flaky > 0 ? `, ${tally.flaky} flaky` : '';
    notes.push(
      `${name}: ${tally.passed + tally.flaky} passed${flaky}, ${tally.failed} failed, ${tally.skipped} skipped`,
    );
    if (tally.skipped === count) {
      const line = allowedSkips[name];
      if (line !== undefined && printed.includes(line)) {
        skippedWhole.push({ suite: `project ${name}`, allowed: true, why: `printed "${line}"` });
      } else {
        const why = line === undefined ? 'no project may skip whole here' : `it did not print "${line}"`;
        skippedWhole.push({ suite: `project ${name}`, allowed: false, why });
        problems.push(`project ${name}: all ${count} tests skipped (${why})`);
      }
      continue;
    }
    for (const file of suitesSkippedWhole(tally)) {
      skippedWhole.push({ suite: `${name} ${file}`, allowed: false, why: 'every test of the file skipped' });
      problems.push(`${name} ${file}: all ${tally.suites.get(file).skipped} tests skipped`);
    }
  }
  const counts = { passed: 0, failed: 0, skipped: 0 };
  // Named in the summary, because CI shows the end of the output and a count alone cannot be acted on.
  const failures = [];
  for (const [name, tally] of projects)
    failures.push(...tally.failures.map((failure) => ({ project: name, ...failure })));
  for (const tally of projects.values()) {
    counts.passed += tally.passed + tally.flaky;
    counts.failed += tally.failed;
    counts.skipped += tally.skipped;
  }
  if (exitCode !== 0 && counts.failed === 0 && problems.length === 0) {
    problems.push(`the runner exited with ${exitCode} although no test failed`);
  }
  return { ...counts, problems, notes, skippedWhole, failures };
}

function relativeName(name, cwd) {
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

function firstLine(text) {
  return (
    String(text)
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 200) ?? ''
  );
}
