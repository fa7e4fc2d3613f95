// Prints the reliability table from test-results/reliability/*.json, the figures each reliability suite
// (and each counted property test, via counted-fast-check.mjs) wrote for itself while it ran.
// Usage: node test/reliability/print-table.mjs   (from the repository root)
// Exit 1 when an entry was lost or a secret found, or when a suite it reports did not run in this run: no figures,
// figures of another run or older than its start, or its test file not passed in this run's report.
// test/run-all.mjs passes the run's id and start (TAPER_TEST_RUN_ID, TAPER_TEST_RUN_STARTED_AT); run alone, without
// them, the table cannot tell this run's figures from an earlier one's and says so.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const RUN_ID_ENV = 'TAPER_TEST_RUN_ID';
export const RUN_STARTED_ENV = 'TAPER_TEST_RUN_STARTED_AT';

/** The suites the table reports: the test file that writes the figures and the run report that file shows up in. */
export const SUITES = [
  { suite: 'bad-input', report: 'integration.json', file: 'test/integration/reliability/bad-input.test.ts' },
  { suite: 'concurrency', report: 'integration.json', file: 'test/integration/reliability/concurrency.test.ts' },
  { suite: 'racing-records', report: 'integration.json', file: 'test/integration/reliability/racing-records.test.ts' },
  { suite: 'crash-safety', report: 'integration.json', file: 'test/integration/reliability/crash-safety.test.ts' },
  { suite: 'faults', report: 'integration.json', file: 'test/integration/reliability/faults.test.ts' },
  {
    suite: 'keychain-failures',
    report: 'integration.json',
    file: 'test/integration/reliability/keychain-failures.test.ts',
  },
  { suite: 'secrets-cli', report: 'integration.json', file: 'test/integration/reliability/secrets.test.ts' },
  { suite: 'secrets-renderer', report: 'e2e-report.json', file: 'test/e2e/renderer/secrets.spec.ts' },
  // Property tests: their runs counted by counted-fast-check.mjs as they ran.
  {
    suite: 'unit: shared/rules/validate-record.property.test.ts',
    report: 'unit.json',
    file: 'test/unit/shared/rules/validate-record.property.test.ts',
  },
  { suite: 'unit: shared/ipc/contract.test.ts', report: 'unit.json', file: 'test/unit/shared/ipc/contract.test.ts' },
];

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Every figures file, by suite name. */
function readFigures(directory) {
  const figures = new Map();
  if (!existsSync(directory)) return figures;
  for (const name of readdirSync(directory)
    .filter((entry) => entry.endsWith('.json'))
    .sort()) {
    const content = readJson(join(directory, name));
    if (content !== undefined && typeof content.suite === 'string') figures.set(content.suite, content);
  }
  return figures;
}

/** Statuses ('passed' | 'failed' | 'skipped') of every test of `file` in a vitest or Playwright JSON report. */
function statusesIn(report, file, cwd) {
  if (Array.isArray(report.testResults)) {
    const absolute = resolve(cwd, file);
    const entry = report.testResults.find(
      (result) => result.name === absolute || String(result.name).endsWith(`/${file}`),
    );
    if (entry === undefined) return [];
    const statuses = (entry.assertionResults ?? []).map((test) =>
      test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped',
    );
    return entry.status === 'failed' ? [...statuses, 'failed'] : statuses;
  }
  const statuses = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      if (!file.endsWith(`/${spec.file}`)) continue;
      for (const test of spec.tests ?? [])
        statuses.push({ expected: 'passed', flaky: 'passed', skipped: 'skipped' }[test.status] ?? 'failed');
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return statuses;
}

const reportStart = (report) =>
  Date.parse(report.stats?.startTime ?? '') || (typeof report.startTime === 'number' ? report.startTime : undefined);

/**
 * Why a suite's producing test file does not count as run in this run, or undefined when it passed.
 * @param {{ report: string, file: string }} suite
 */
function notRunReason(suite, { resultsDirectory, cwd, runStartedAt }) {
  const path = join(resultsDirectory, suite.report);
  const report = existsSync(path) ? readJson(path) : undefined;
  if (report === undefined) return `no ${suite.report} from this run`;
  const started = reportStart(report);
  if (runStartedAt !== undefined && started !== undefined && started + 1000 < runStartedAt)
    return `${suite.report} is from an earlier run`;
  const statuses = statusesIn(report, suite.file, cwd);
  if (statuses.length === 0) return `${suite.file} is not in ${suite.report}`;
  if (statuses.includes('failed')) return `${suite.file} FAILED`;
  if (!statuses.includes('passed')) return `every test of ${suite.file} skipped`;
  return undefined;
}

/** Why figures do not belong to this run, or undefined when they do (or when the run is unknown). */
function staleReason(figures, { runId, runStartedAt }) {
  if (runId !== undefined && figures.runId !== runId)
    return `figures of another run (${figures.runId ?? 'no run id'}, recorded ${figures.recordedAt ?? 'at an unknown time'})`;
  const recorded = Date.parse(figures.recordedAt ?? '');
  if (runStartedAt !== undefined && !(recorded >= runStartedAt))
    return `figures recorded ${figures.recordedAt ?? 'at an unknown time'}, before this run started`;
  return undefined;
}

/**
 * The table's rows and every reason it must fail.
 * @param {{ cwd?: string, runId?: string, runStartedAt?: number, suites?: typeof SUITES }} options
 */
export function buildTable({ cwd = process.cwd(), runId, runStartedAt, suites = SUITES } = {}) {
  const resultsDirectory = resolve(cwd, 'test-results');
  const all = readFigures(join(resultsDirectory, 'reliability'));
  const context = { resultsDirectory, cwd, runId, runStartedAt };
  const rows = [];
  const problems = [];
  const known = new Map(suites.map((suite) => [suite.suite, suite]));
  const names = [...suites.map((suite) => suite.suite), ...[...all.keys()].filter((name) => !known.has(name)).sort()];
  for (const name of names) {
    const figures = all.get(name);
    const suite = known.get(name);
    if (figures === undefined) {
      rows.push({ suite: name, state: 'NOT RUN', note: 'no figures in this run' });
      problems.push(`${name}: did not run in this run (it wrote no figures)`);
      continue;
    }
    const stale = staleReason(figures, context);
    if (stale !== undefined) {
      // Old numbers are not shown: they would read as this run's.
      rows.push({ suite: name, state: 'STALE', note: stale });
      problems.push(`${name}: ${stale}`);
      continue;
    }
    const notRun = suite === undefined ? undefined : notRunReason(suite, context);
    const row = {
      suite: name,
      state: notRun === undefined ? 'ran' : 'NOT RUN',
      inputs: figures.inputsTried,
      faults:
        figures.faultsInjected === undefined
          ? figures.faultsSurvived
          : `${figures.faultsSurvived ?? 0}/${figures.faultsInjected}`,
      survived: figures.faultsSurvived,
      lost: figures.entriesLost,
      secrets: figures.secretsFound,
      note: notRun === undefined ? (figures.note ?? '') : notRun,
    };
    rows.push(row);
    if (notRun !== undefined) problems.push(`${name}: did not run in this run (${notRun})`);
    if ((row.lost ?? 0) > 0) problems.push(`${name}: ${row.lost} entries lost`);
    if ((row.secrets ?? 0) > 0) problems.push(`${name}: the SecretKey found in ${row.secrets} places`);
  }
  return { rows, problems };
}

const cell = (value) => (value === undefined ? '-' : String(value));

function runFromEnv(env) {
  const started = Date.parse(env[RUN_STARTED_ENV] ?? '');
  return { runId: env[RUN_ID_ENV] || undefined, runStartedAt: Number.isNaN(started) ? undefined : started };
}

export function main(env = process.env) {
  const run = runFromEnv(env);
  const { rows, problems } = buildTable(run);
  const sum = (key) => rows.reduce((total, row) => total + (typeof row[key] === 'number' ? row[key] : 0), 0);
  const header = [
    'suite',
    'this run',
    'inputs tried',
    'faults survived',
    'entries lost (must be 0)',
    'secrets found (must be 0)',
    'note',
  ];
  const body = rows.map((row) => [
    row.suite,
    row.state,
    cell(row.inputs),
    cell(row.faults),
    cell(row.lost),
    cell(row.secrets),
    row.note,
  ]);
  const total = [
    'total',
    '',
    String(sum('inputs')),
    String(sum('survived')),
    String(sum('lost')),
    String(sum('secrets')),
    '',
  ];
  const widths = header.map((_, column) => Math.max(...[header, ...body, total].map((line) => line[column].length)));
  const print = (line) => console.log(`| ${line.map((text, column) => text.padEnd(widths[column])).join(' | ')} |`);
  console.log('\n=== reliability and security');
  if (run.runId === undefined)
    console.log(`  run alone (no ${RUN_ID_ENV}): figures left by an earlier run cannot be told from this one's`);
  print(header);
  print(widths.map((width) => '-'.repeat(width)));
  body.forEach(print);
  print(total);
  for (const problem of problems) console.log(`RELIABILITY: ${problem}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}

/** True when this file is the script node was started with (paths with spaces or non-ASCII characters included). */
function isMainModule() {
  if (process.argv[1] === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMainModule()) main();
