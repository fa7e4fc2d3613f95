/** A suite (a project, or one test file of it) whose every test skipped. */
export interface SkippedWhole {
  suite: string;
  allowed: boolean;
  why: string;
}

export interface Judgement {
  passed: number;
  failed: number;
  skipped: number;
  /** Each one fails the run (one failure apiece) although it is no failed test. */
  problems: string[];
  /** Per-project counts, for the summary. */
  notes: string[];
  skippedWhole: SkippedWhole[];
  /** Every failed test, named for the summary: its project, file, title and the first line of why. */
  failures: { project: string; file: string; title: string; why: string }[];
}

export declare function judgeVitest(
  report: unknown,
  context: { project: string; exitCode: number | null; runStartedAt?: number; cwd?: string },
): Judgement;

export declare function judgePlaywright(
  report: unknown,
  context: {
    projects: string[];
    exitCode: number | null;
    allowedSkips?: Record<string, string>;
    printed?: string;
    runStartedAt?: number;
  },
): Judgement;
