export declare const RUN_ID_ENV: 'TAPER_TEST_RUN_ID';
export declare const RUN_STARTED_ENV: 'TAPER_TEST_RUN_STARTED_AT';

/** A suite the table reports: the test file that writes its figures, and the run report (in test-results/) it shows up in. */
export interface ReportedSuite {
  suite: string;
  report: string;
  file: string;
}

export declare const SUITES: ReportedSuite[];

export interface TableRow {
  suite: string;
  state: 'ran' | 'NOT RUN' | 'STALE';
  inputs?: number;
  faults?: number | string;
  survived?: number;
  lost?: number;
  secrets?: number;
  note: string;
}

export declare function buildTable(options?: {
  cwd?: string;
  runId?: string;
  runStartedAt?: number;
  suites?: ReportedSuite[];
}): { rows: TableRow[]; problems: string[] };

export declare function main(env?: NodeJS.ProcessEnv): void;
