// test/reliability/print-table.mjs run as run-all runs it, over a fake test-results/ of one run: it must fail when a
// suite it reports did not run in this run, when a figure is older than the run, and on a loss or a leak; and it
// must still find itself the main module from a path with spaces and non-ASCII characters.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUITES } from '../../reliability/print-table.mjs';

const PRINT_TABLE = resolve('test/reliability/print-table.mjs');
const RUN_ID = 'run-under-test';
const RUN_START = Date.now();

type Status = 'passed' | 'failed' | 'skipped';

interface World {
  /** Figures per suite; `false` writes none. */
  figures?: Record<string, Record<string, unknown> | false>;
  /** Status of every test of a suite's file in its report. */
  statuses?: Record<string, Status>;
  /** A report (by file name) started before the run. */
  earlierReport?: string;
}

const figureFile = (suite: string) => `${suite.replace(/[^A-Za-z0-9.-]+/g, '-')}.json`;

/** A test-results/ as this run would leave it: fresh figures and passed files, unless `world` says otherwise. */
function makeWorld(world: World = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'taper-table-'));
  const results = join(directory, 'test-results');
  mkdirSync(join(results, 'reliability'), { recursive: true });
  for (const { suite } of SUITES) {
    const figures = world.figures?.[suite];
    if (figures === false) continue;
    const recorded = {
      suite,
      runId: RUN_ID,
      recordedAt: new Date(RUN_START + 1000).toISOString(),
      inputsTried: 11,
      note: `${suite} measured`,
      ...figures,
    };
    writeFileSync(join(results, 'reliability', figureFile(suite)), JSON.stringify(recorded));
  }
  const statusOf = (suite: string): Status => world.statuses?.[suite] ?? 'passed';
  const start = (report: string) => (world.earlierReport === report ? RUN_START - 3_600_000 : RUN_START + 10);
  for (const report of ['unit.json', 'integration.json']) {
    const testResults = SUITES.filter((suite) => suite.report === report).map((suite) => ({
      name: join(directory, suite.file),
      status: statusOf(suite.suite) === 'failed' ? 'failed' : 'passed',
      assertionResults: [{ status: statusOf(suite.suite) === 'skipped' ? 'skipped' : statusOf(suite.suite) }],
    }));
    writeFileSync(join(results, report), JSON.stringify({ startTime: start(report), testResults }));
  }
  const playwrightStatus = { passed: 'expected', failed: 'unexpected', skipped: 'skipped' };
  const specs = SUITES.filter((suite) => suite.report === 'e2e-report.json').map((suite) => {
    const file = suite.file.replace(/^test\/e2e\//, '');
    return { file, tests: [{ projectName: 'renderer', status: playwrightStatus[statusOf(suite.suite)] }] };
  });
  writeFileSync(
    join(results, 'e2e-report.json'),
    JSON.stringify({
      suites: [{ file: 'renderer', specs }],
      errors: [],
      stats: { startTime: new Date(start('e2e-report.json')).toISOString() },
    }),
  );
  return directory;
}

function printTable(
  directory: string,
  {
    script = PRINT_TABLE,
    env = { TAPER_TEST_RUN_ID: RUN_ID, TAPER_TEST_RUN_STARTED_AT: new Date(RUN_START).toISOString() },
  }: { script?: string; env?: Record<string, string> } = {},
) {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (env['TAPER_TEST_RUN_ID'] === undefined) delete environment['TAPER_TEST_RUN_ID'];
  if (env['TAPER_TEST_RUN_STARTED_AT'] === undefined) delete environment['TAPER_TEST_RUN_STARTED_AT'];
  const run = spawnSync(process.execPath, [script], { cwd: directory, env: environment, encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the reliability table', () => {
  it('control: every suite ran in this run; inputs tried are the figures the tests wrote, summed', () => {
    const table = printTable(makeWorld());
    expect(table.output).toContain('=== reliability and security');
    expect(table.output).not.toContain('RELIABILITY:');
    // No source file exists in this world: the counts can only have come from the figures.
    expect(table.output).toMatch(new RegExp(`\\| total +\\| +\\| ${11 * SUITES.length} +\\|`));
    expect(table.code).toBe(0);
  });

  it('fails when a suite it reports wrote no figures in this run', () => {
    const table = printTable(makeWorld({ figures: { 'crash-safety': false } }));
    expect(table.output).toContain('RELIABILITY: crash-safety: did not run in this run (it wrote no figures)');
    expect(table.code).toBe(1);
  });

  it('fails when a figure is older than the run, and does not show its numbers', () => {
    const table = printTable(
      makeWorld({
        figures: {
          faults: { recordedAt: new Date(RUN_START - 60_000).toISOString(), faultsInjected: 99, faultsSurvived: 99 },
        },
      }),
    );
    expect(table.output).toMatch(/RELIABILITY: faults: figures recorded .* before this run started/);
    expect(table.output).not.toContain('99/99');
    expect(table.code).toBe(1);
  });

  it('fails when a figure carries another run id (or none: written outside a run)', () => {
    const other = printTable(makeWorld({ figures: { concurrency: { runId: 'someone-else' } } }));
    expect(other.output).toContain('RELIABILITY: concurrency: figures of another run (someone-else');
    expect(other.code).toBe(1);
    const none = printTable(makeWorld({ figures: { concurrency: { runId: null } } }));
    expect(none.output).toContain('RELIABILITY: concurrency: figures of another run (no run id');
    expect(none.code).toBe(1);
  });

  it('fails when the file that wrote fresh figures skipped every test in this run (a keychain suite off its keyring)', () => {
    const table = printTable(makeWorld({ statuses: { 'keychain-failures': 'skipped' } }));
    expect(table.output).toContain(
      'RELIABILITY: keychain-failures: did not run in this run (every test of test/integration/reliability/keychain-failures.test.ts skipped)',
    );
    expect(table.code).toBe(1);
  });

  it('fails when that file failed, or is missing from its report', () => {
    const failed = printTable(makeWorld({ statuses: { 'secrets-renderer': 'failed' } }));
    expect(failed.output).toContain(
      'RELIABILITY: secrets-renderer: did not run in this run (test/e2e/renderer/secrets.spec.ts FAILED)',
    );
    expect(failed.code).toBe(1);
    const directory = makeWorld();
    rmSync(join(directory, 'test-results', 'unit.json'));
    const missing = printTable(directory);
    expect(missing.output).toContain(
      'RELIABILITY: unit: shared/ipc/contract.test.ts: did not run in this run (no unit.json from this run)',
    );
    expect(missing.code).toBe(1);
  });

  it('fails when the report it checks against is from an earlier run', () => {
    const table = printTable(makeWorld({ earlierReport: 'integration.json' }));
    expect(table.output).toContain(
      'RELIABILITY: bad-input: did not run in this run (integration.json is from an earlier run)',
    );
    expect(table.code).toBe(1);
  });

  it('fails on an entry lost or a secret found', () => {
    const table = printTable(
      makeWorld({ figures: { 'crash-safety': { entriesLost: 2 }, 'secrets-cli': { secretsFound: 1 } } }),
    );
    expect(table.output).toContain('RELIABILITY: crash-safety: 2 entries lost');
    expect(table.output).toContain('RELIABILITY: secrets-cli: the SecretKey found in 1 places');
    expect(table.code).toBe(1);
  });

  it('run alone (no run id) it says it cannot tell runs apart, and still fails on a missing suite', () => {
    const table = printTable(makeWorld({ figures: { faults: false } }), { env: {} });
    expect(table.output).toContain('run alone (no TAPER_TEST_RUN_ID)');
    expect(table.output).toContain('RELIABILITY: faults: did not run in this run');
    expect(table.code).toBe(1);
  });

  it('runs as the main module from a path with spaces and non-ASCII characters', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'taper table ')), 'dossier é', '直播 表');
    mkdirSync(folder, { recursive: true });
    const script = join(folder, 'print-table.mjs');
    copyFileSync(PRINT_TABLE, script);
    const table = printTable(makeWorld(), { script });
    expect(table.output).toContain('=== reliability and security');
    expect(table.code).toBe(0);
    const broken = printTable(makeWorld({ figures: { faults: false } }), { script });
    expect(broken.code).toBe(1);
  });
});
