// Runs the stages in order and prints the summary, whose last line ("N passed, N failed, N skipped") CI reads.
// Honest by construction: reports are deleted before the run (a suite that dies writes none, and none is borrowed
// from an earlier run); a missing report, a project that ran nothing, a suite skipped whole without leave, and a
// stage past its deadline each count as a failure, named in the summary.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { judgePlaywright, judgeVitest } from './reports.mjs';
import { runStage } from './run-stage.mjs';

/** Failed tests named in the summary per stage; past that a count. */
const MAX_FAILURES_NAMED = 10;

/** Env names for the run's identity, read by the figure writers (test/reliability/figures.ts) and print-table.mjs. */
export const RUN_ID_ENV = 'TAPER_TEST_RUN_ID';
export const RUN_STARTED_ENV = 'TAPER_TEST_RUN_STARTED_AT';

/** TAPER_STAGE_TIMEOUT_MS_UNIT, TAPER_STAGE_TIMEOUT_MS_RELIABILITY_TABLE, ... */
export function timeoutEnvName(stage) {
  return `TAPER_STAGE_TIMEOUT_MS_${stage.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

function positiveNumber(text) {
  const value = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The stage's deadline: its own env override, else the one for every stage, else the stage's default. */
export function stageTimeoutMs(stage, env) {
  return (
    positiveNumber(env[timeoutEnvName(stage.name)]) ??
    positiveNumber(env.TAPER_STAGE_TIMEOUT_MS) ??
    stage.timeoutMs ??
    10 * 60_000
  );
}

/** Deletes the reports and figures the run will read, so only what this run writes is ever counted. */
function deletePreviousReports(stages, cwd) {
  for (const stage of stages) {
    for (const path of [stage.report?.file, ...(stage.clean ?? [])].filter(Boolean)) {
      const target = resolve(cwd, path);
      if (!existsSync(target)) continue;
      if (statSync(target).isDirectory()) {
        for (const name of readdirSync(target).filter((entry) => entry.endsWith('.json')))
          rmSync(join(target, name), { force: true });
      } else {
        rmSync(target, { force: true });
      }
    }
  }
}

function readReport(file) {
  if (!existsSync(file)) return { missing: true };
  try {
    return { report: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * @param {{ stages: object[], cwd?: string, env?: NodeJS.ProcessEnv, log?: (line: string) => void }} options
 *   env: TAPER_STAGE_TIMEOUT_MS (every stage), TAPER_STAGE_TIMEOUT_MS_<STAGE> (one), TAPER_STAGE_KILL_GRACE_MS (SIGTERM to SIGKILL)
 * @returns {Promise<{ passed: number, failed: number, skipped: number }>}
 */
export async function runStages({ stages, cwd = process.cwd(), env = process.env, log = console.log }) {
  const startedAt = Date.now();
  const runEnv = {
    ...env,
    [RUN_ID_ENV]: `${startedAt}-${process.pid}`,
    [RUN_STARTED_ENV]: new Date(startedAt).toISOString(),
  };
  const graceMs = positiveNumber(env.TAPER_STAGE_KILL_GRACE_MS) ?? 10_000;
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const notes = [];
  const skippedWhole = [];
  const outcome = new Map(); // stage name -> 'passed' | 'failed' | 'not run' | 'timed out'
  let ended; // why the run stopped early
  let stopCurrent;
  const fail = (count = 1) => (totals.failed += count);

  deletePreviousReports(stages, cwd);
  mkdirSync(resolve(cwd, 'test-results'), { recursive: true });

  const interrupted = (signal) => {
    ended = `interrupted by ${signal}`;
    stopCurrent?.();
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);

  for (const stage of stages) {
    if (ended !== undefined) {
      outcome.set(stage.name, 'not run');
      notes.push(`${stage.name}: NOT RUN (${ended})`);
      fail();
      continue;
    }
    const unmet = (stage.needs ?? []).filter((name) => outcome.get(name) !== 'passed');
    if (unmet.length > 0) {
      outcome.set(stage.name, 'not run');
      notes.push(`${stage.name}: NOT RUN (needs ${unmet.join(', ')}, which did not pass)`);
      fail();
      continue;
    }

    const timeoutMs = stageTimeoutMs(stage, env);
    log(`\n=== ${stage.name}: ${[stage.command, ...stage.args].join(' ')}`);
    const watchFor = Object.values(stage.report?.allowedSkips ?? {});
    const result = await runStage({
      command: stage.command,
      args: stage.args,
      timeoutMs,
      graceMs,
      env: runEnv,
      cwd,
      watchFor,
      onStart: (stop) => (stopCurrent = stop),
    });
    stopCurrent = undefined;
    const seconds = `${result.seconds.toFixed(1)} s`;

    if (result.timedOut) {
      outcome.set(stage.name, 'timed out');
      notes.push(
        `${stage.name}: TIMED OUT after ${(timeoutMs / 1000).toFixed(1)} s (its process group was killed; ${timeoutEnvName(stage.name)} sets the limit)`,
      );
      fail();
      ended ??= `the run ended when ${stage.name} timed out`;
      continue;
    }
    if (result.error !== undefined) {
      outcome.set(stage.name, 'failed');
      notes.push(`${stage.name}: FAILED to start: ${result.error}`);
      fail();
      continue;
    }
    const exited =
      result.exitCode === 0 ? 'exit 0' : result.signal ? `killed by ${result.signal}` : `exit ${result.exitCode}`;
    if (ended !== undefined) {
      // Interrupted while this stage ran: its report, if any, is not trusted.
      outcome.set(stage.name, 'failed');
      notes.push(`${stage.name}: FAILED (${ended}, ${exited}, ${seconds})`);
      fail();
      continue;
    }

    if (stage.report === undefined) {
      // A check without test counts (build, typecheck, lint, the table) counts as one test.
      const succeeded = result.exitCode === 0;
      outcome.set(stage.name, succeeded ? 'passed' : 'failed');
      if (succeeded) totals.passed += 1;
      else fail();
      notes.push(`${stage.name}: ${succeeded ? 'ok' : `FAILED (${exited})`} (${seconds})`);
      continue;
    }

    const judged = judgeReportedStage({ stage, result, cwd, runStartedAt: startedAt, exited, seconds });
    totals.passed += judged.passed;
    totals.skipped += judged.skipped;
    fail(judged.failed);
    skippedWhole.push(...judged.skippedWhole);
    outcome.set(stage.name, judged.green ? 'passed' : 'failed');
    notes.push(...judged.notes);
  }

  process.off('SIGINT', interrupted);
  process.off('SIGTERM', interrupted);

  printSummary(log, { notes, skippedWhole, totals });
  return totals;
}

/**
 * What a stage with a test report adds to the run: its counts, its summary lines, its suites skipped whole. A missing
 * or unreadable report is one failure, so a suite that died never passes.
 */
function judgeReportedStage({ stage, result, cwd, runStartedAt, exited, seconds }) {
  const file = resolve(cwd, stage.report.file);
  const read = readReport(file);
  if (read.report === undefined) {
    const why = read.missing
      ? `wrote no report (${stage.report.file})`
      : `its report is unreadable: ${read.unreadable}`;
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      green: false,
      skippedWhole: [],
      notes: [`${stage.name}: FAILED: ${why}; ${exited} (${seconds})`],
    };
  }
  const context = { exitCode: result.exitCode, runStartedAt, cwd };
  const judged =
    stage.report.kind === 'playwright'
      ? judgePlaywright(read.report, {
          ...context,
          projects: stage.report.projects ?? [],
          allowedSkips: stage.report.allowedSkips ?? {},
          printed: result.seen.join('\n'),
        })
      : judgeVitest(read.report, { ...context, project: stage.report.project ?? stage.name });
  const green = judged.failed === 0 && judged.problems.length === 0;
  const notes = [
    `${stage.name}: ${green ? '' : 'FAILED: '}${judged.passed} passed, ${judged.failed} failed, ${judged.skipped} skipped; ${exited} (${seconds})`,
  ];
  for (const note of judged.notes) notes.push(`  ${note}`);
  for (const problem of judged.problems) notes.push(`  FAILED: ${problem}`);
  for (const failure of judged.failures.slice(0, MAX_FAILURES_NAMED)) {
    notes.push(`  FAILED test: ${failure.project} ${failure.file} > ${failure.title}`);
    if (failure.why) notes.push(`    ${failure.why}`);
  }
  if (judged.failures.length > MAX_FAILURES_NAMED)
    notes.push(`  ... and ${judged.failures.length - MAX_FAILURES_NAMED} more failed tests`);
  return {
    passed: judged.passed,
    failed: judged.failed + judged.problems.length,
    skipped: judged.skipped,
    green,
    skippedWhole: judged.skippedWhole.map((entry) => ({ ...entry, stage: stage.name })),
    notes,
  };
}

/** The summary; its last line ("N passed, N failed, N skipped") is the one CI reads. */
function printSummary(log, { notes, skippedWhole, totals }) {
  log('\n=== summary');
  for (const note of notes) log(`  ${note}`);
  if (skippedWhole.length > 0) {
    log('  suites skipped whole:');
    for (const entry of skippedWhole)
      log(`    ${entry.suite} (${entry.stage}): ${entry.allowed ? 'allowed' : 'NOT ALLOWED'}, ${entry.why}`);
  }
  log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}
