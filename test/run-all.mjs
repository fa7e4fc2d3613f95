// `npm test`: every check this machine can run, in order, then one plain summary line
// ("N passed, N failed, N skipped") that CI reads. Suites that cannot run here say why.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];
mkdirSync('test-results', { recursive: true });

function step(name, command, args, { countFrom } = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const succeeded = result.status === 0;
  if (countFrom) {
    const counted = countFrom();
    if (counted) {
      totals.passed += counted.passed;
      totals.failed += counted.failed;
      totals.skipped += counted.skipped;
      if (!succeeded && counted.failed === 0) totals.failed += 1; // the runner failed outside any test
      notes.push(`${name}: ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped (${seconds} s)`);
      return succeeded;
    }
  }
  // A check without test counts (build, typecheck, lint) counts as one test.
  if (succeeded) totals.passed += 1;
  else totals.failed += 1;
  notes.push(`${name}: ${succeeded ? 'ok' : 'FAILED'} (${seconds} s)`);
  return succeeded;
}

function vitestCounts(file) {
  return () => {
    if (!existsSync(file)) return undefined;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  };
}

function playwrightCounts(file) {
  return () => {
    if (!existsSync(file)) return undefined;
    const { stats } = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  };
}

const vitest = (project) => [
  'vitest', 'run', '--project', project,
  '--reporter=default', '--reporter=json', `--outputFile.json=test-results/${project}.json`,
];

const buildOk = step('build', 'node', ['build/build.mjs']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npx', ['eslint', '.']);
step('unit', 'npx', vitest('unit'), { countFrom: vitestCounts('test-results/unit.json') });
if (buildOk) {
  step('integration', 'npx', vitest('integration'), { countFrom: vitestCounts('test-results/integration.json') });
  step('e2e', 'npx', ['playwright', 'test'], { countFrom: playwrightCounts('test-results/e2e-report.json') });
  // Reliability figures (inputs tried, faults survived, entries lost, secrets found); fails if any loss or leak.
  step('reliability table', 'node', ['test/reliability/print-table.mjs']);
  // The Linux package: electron-builder's --dir output with a stand-in runtime, the deb built offline, then checked.
  step('package check', 'node', ['build/package/check.mjs']);
} else {
  notes.push('integration, e2e, package check: not run because the build failed');
  totals.failed += 1;
}

console.log('\n=== summary');
for (const note of notes) console.log(`  ${note}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
