// Each reliability suite writes what it tried and what it found into test-results/reliability/<suite>.json, stamped
// with the run of test/run-all.mjs it belongs to; print-table.mjs turns those files into the one short reliability table
// asks for, and refuses figures of another run. Property tests get theirs from counted-fast-check.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where figures go: test-results/reliability/ under the working directory (TAPER_FIGURES_DIRECTORY for tests of the figures). */
export const FIGURES_DIRECTORY = resolve(process.env['TAPER_FIGURES_DIRECTORY'] ?? join('test-results', 'reliability'));

/** What one suite measured. Every count is a plain number so the table can add them up. */
export interface ReliabilityFigures {
  /** Inputs generated and tried by the suite itself: bad CLI invocations (each refused with exit 2), or a property test's fast-check runs. */
  inputsTried?: number;
  /** Faults injected and survived as the contract says (right exit code, no duplicate task). */
  faultsSurvived?: number;
  /** Faults injected in total (survived + not). */
  faultsInjected?: number;
  /** History entries reported saved (or expected) but missing afterwards; must be 0. */
  entriesLost?: number;
  /** Places where the SecretKey was found; must be 0. */
  secretsFound?: number;
  /** Places searched for the SecretKey (files, outputs, argv, DOM...). */
  placesSearched?: number;
  /** One line of context for the table (e.g. "50 kills"). */
  note?: string;
}

/** Env names set by test/run-all.mjs for one run (see test/runner/run-stages.mjs); absent when a suite runs alone. */
export const RUN_ID_ENV = 'TAPER_TEST_RUN_ID';
export const RUN_STARTED_ENV = 'TAPER_TEST_RUN_STARTED_AT';

/** What a figures file holds: the suite's figures plus when, and in which run, they were measured. */
export interface RecordedFigures extends ReliabilityFigures {
  suite: string;
  /** The run of test/run-all.mjs that measured them (null outside one): the table refuses figures of another run. */
  runId: string | null;
  /** When the suite wrote them (ISO 8601): the table refuses figures older than the run's start. */
  recordedAt: string;
}

/** The figures file of a suite: its name with anything but letters, digits, dot and dash made a dash. */
export function figuresFile(suite: string, directory = FIGURES_DIRECTORY): string {
  return join(directory, `${suite.replace(/[^A-Za-z0-9.-]+/g, '-')}.json`);
}

/**
 * Writes (replaces) the figures of one suite, stamped with this run's id and the time. Called by the test that
 * measured them, after its checks ran (or again as the count grows).
 */
export function recordFigures(
  suite: string,
  figures: ReliabilityFigures,
  directory = FIGURES_DIRECTORY,
  env: NodeJS.ProcessEnv = process.env,
): RecordedFigures {
  mkdirSync(directory, { recursive: true });
  const recorded: RecordedFigures = {
    suite,
    runId: env[RUN_ID_ENV] ?? null,
    recordedAt: new Date().toISOString(),
    ...figures,
  };
  writeFileSync(figuresFile(suite, directory), `${JSON.stringify(recorded, null, 2)}\n`);
  return recorded;
}

/** Counts the occurrences of `needle` in `haystack` (0 for an empty needle, so a blank secret never "passes"). */
export function occurrences(haystack: string, needle: string): number {
  if (needle === '') throw new Error('refusing to search for an empty secret');
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}
