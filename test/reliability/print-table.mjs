// Prints the reliability table of issue 6 from test-results/reliability/*.json (written by the reliability suites),
// plus the property runs declared by the validator and IPC-schema property tests when the unit report shows them passed.
// Usage: node test/reliability/print-table.mjs   (exit 1 when an entry was lost or a secret found)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIRECTORY = resolve('test-results', 'reliability');
const UNIT_REPORT = resolve('test-results', 'unit.json');
const PROPERTY_FILES = ['test/unit/shared/rules/validate-record.property.test.ts', 'test/unit/ipc/contract.test.ts'];
const FAST_CHECK_DEFAULT_RUNS = 100;
/** Suites that write figures; a missing one is shown as not run rather than silently left out. */
const EXPECTED_SUITES = ['bad-input', 'concurrency', 'crash-safety', 'faults', 'keychain-failures', 'secrets-cli', 'secrets-renderer'];

/** Runs declared by each fc.assert of a file: its `{ numRuns: N }` (literal or a `const NAME = { numRuns: N }`), else 100. */
export function declaredPropertyRuns(source) {
  const constants = new Map([...source.matchAll(/const\s+(\w+)\s*=\s*\{\s*numRuns:\s*([\d_]+)\s*\}/g)].map((m) => [m[1], Number(m[2].replaceAll('_', ''))]));
  const starts = [...source.matchAll(/fc\.assert\(/g)].map((m) => m.index);
  let total = 0;
  starts.forEach((start, index) => {
    const block = source.slice(start, starts[index + 1] ?? source.length);
    // The options are the last argument of fc.assert: the first `numRuns` or known constant after the property.
    const literal = /\{\s*numRuns:\s*([\d_]+)\s*\}\s*,?\s*\)/.exec(block);
    const named = [...constants.keys()].find((name) => new RegExp(`\\b${name}\\s*,?\\s*\\)`).test(block));
    total += literal ? Number(literal[1].replaceAll('_', '')) : named ? constants.get(named) : FAST_CHECK_DEFAULT_RUNS;
  });
  return total;
}

function unitFilePassed(file) {
  if (!existsSync(UNIT_REPORT)) return undefined;
  const report = JSON.parse(readFileSync(UNIT_REPORT, 'utf8'));
  const result = report.testResults?.find((entry) => entry.name?.endsWith(file));
  return result === undefined ? undefined : result.status === 'passed';
}

function readSuites() {
  if (!existsSync(DIRECTORY)) return [];
  return readdirSync(DIRECTORY)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(DIRECTORY, name), 'utf8')));
}

const cell = (value) => (value === undefined ? '-' : String(value));

export function buildRows() {
  const rows = readSuites().map((suite) => ({
    suite: suite.suite,
    inputs: suite.inputsTried,
    faults: suite.faultsInjected === undefined ? suite.faultsSurvived : `${suite.faultsSurvived ?? 0}/${suite.faultsInjected}`,
    lost: suite.entriesLost,
    secrets: suite.secretsFound,
    note: suite.note ?? '',
  }));
  for (const missing of EXPECTED_SUITES.filter((name) => !rows.some((row) => row.suite === name))) {
    rows.push({ suite: missing, note: missing === 'secrets-renderer' ? 'not run yet (Playwright e2e step)' : 'not run' });
  }
  for (const file of PROPERTY_FILES) {
    if (!existsSync(file)) continue;
    const passed = unitFilePassed(file);
    rows.push({
      suite: `unit: ${file.split('/').pop()}`,
      inputs: passed === false ? undefined : declaredPropertyRuns(readFileSync(file, 'utf8')),
      note: passed === undefined ? 'declared fast-check runs (no unit report)' : passed ? 'declared fast-check runs, passed' : 'FAILED in the unit run',
    });
  }
  return rows;
}

function main() {
  const rows = buildRows();
  const sum = (key) => rows.reduce((total, row) => total + (typeof row[key] === 'number' ? row[key] : 0), 0);
  const survived = readSuites().reduce((total, suite) => total + (suite.faultsSurvived ?? 0), 0);
  const header = ['suite', 'inputs tried', 'faults survived', 'entries lost (must be 0)', 'secrets found (must be 0)', 'note'];
  const body = rows.map((row) => [row.suite, cell(row.inputs), cell(row.faults), cell(row.lost), cell(row.secrets), row.note]);
  const total = ['total', String(sum('inputs')), String(survived), String(sum('lost')), String(sum('secrets')), ''];
  const widths = header.map((_, column) => Math.max(...[header, ...body, total].map((line) => line[column].length)));
  const print = (line) => console.log(`| ${line.map((text, column) => text.padEnd(widths[column])).join(' | ')} |`);
  console.log('\n=== reliability and security (issue 6)');
  if (readSuites().length === 0) console.log('  no figures: the reliability suites did not run (test-results/reliability/ is empty)');
  print(header);
  print(widths.map((width) => '-'.repeat(width)));
  body.forEach(print);
  print(total);
  const bad = sum('lost') > 0 || sum('secrets') > 0;
  if (bad) console.log('RELIABILITY: entries were lost or a secret was found (see above)');
  process.exitCode = bad ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
