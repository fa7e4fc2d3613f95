// Each reliability suite writes what it tried and what it found into test-results/reliability/<suite>.json;
// print-table.mjs turns those files into the one short table issue 6 asks for.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIGURES_DIRECTORY = resolve('test-results', 'reliability');

/** What one suite measured. Every count is a plain number so the table can add them up. */
export interface ReliabilityFigures {
  /** Bad inputs generated and sent through the CLI (each must be refused with exit 2). */
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

/** Writes (replaces) the figures of one suite. Called once per suite, after its checks ran. */
export function recordFigures(suite: string, figures: ReliabilityFigures): void {
  mkdirSync(FIGURES_DIRECTORY, { recursive: true });
  const file = join(FIGURES_DIRECTORY, `${suite}.json`);
  writeFileSync(file, `${JSON.stringify({ suite, recordedAt: new Date().toISOString(), ...figures }, null, 2)}\n`);
}

/** Counts the occurrences of `needle` in `haystack` (0 for an empty needle, so a blank secret never "passes"). */
export function occurrences(haystack: string, needle: string): number {
  if (needle === '') throw new Error('refusing to search for an empty secret');
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}
