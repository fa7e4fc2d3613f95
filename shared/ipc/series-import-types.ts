// The data the Shows (series) and bulk import channels carry. Re-exported by types.ts with the rest of the contract.
import type { StreamKey, Warning } from '../domain.js';
import type { AppError } from '../result.js';
import type { ImportProblem } from '../schedule/import-csv.js';
import type { StoredSeries } from '../schedule/plans.js';
import type { OccurrenceView } from '../schedule/series-overview.js';

export type { OccurrenceState, OccurrenceView } from '../schedule/series-overview.js';
export type { ImportProblem } from '../schedule/import-csv.js';

/** An import file as text: 2 MB is far above 10,000 rows (the parser's limit) and keeps one IPC message small. */
export const MAX_IMPORT_CSV_CHARS = 2_000_000;

/** A series as the Shows view lists it. */
export type SeriesSummary = Omit<StoredSeries, 'coveredUntil'> & {
  /** Next occurrences (a running one included) and recent missed or failed ones, oldest first. */
  upcoming: OccurrenceView[];
};

/** `series:add` and `series:update`: the series afterwards, and what the scheduler run right after it did. */
export interface SeriesChange {
  series: SeriesSummary;
  /** Overlaps with other series on the same stream. */
  warnings: Warning[];
  /** Why creating the occurrences within reach failed as a whole (they stay planned and are tried again); null when it ran. */
  dueError: AppError | null;
}

/** An occurrence created (or pending sync) under the old schedule, kept as it was by `series:update`. */
export interface KeptOccurrenceView {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** Unix seconds of the kept (old) window. */
  startTime: number;
  endTime: number;
  taskIds: string[];
  status: 'created' | 'pending-sync';
}

/** `series:update`. */
export interface SeriesUpdateOutcome extends SeriesChange {
  /** Occurrences not created yet that now follow the new schedule. */
  replanned: number;
  /** Occurrences already created or pending sync: kept as they were, their dates not planned again. */
  kept: KeptOccurrenceView[];
}

/** `series:remove`. */
export interface SeriesRemoval {
  /** Planned (not created) occurrence tasks that were cancelled. */
  cancelledLinks: number;
  /** Tasks already created: kept (stop or delete them in the history). */
  keptTaskIds: string[];
}

/** What `series:cancel-occurrence` did to one link of the occurrence. */
export interface OccurrenceAction {
  taskId: string | null;
  /** `deleted`: its task was deleted; `cancelled`: it was only planned; `skipped`/`stopped` as for recordings. */
  action: 'stopped' | 'deleted' | 'cancelled' | 'skipped';
  error: AppError | null;
}

/** `series:edit-occurrence`: one occurrence moved or lengthened. */
export interface OccurrenceEditOutcome {
  /** False when a task of the old window could not be deleted (see `actions`): nothing was changed. */
  moved: boolean;
  /** The series afterwards, its occurrences listed (the moved one marked `changed`). */
  series: SeriesSummary;
  /** Unix seconds of the occurrence's window now. */
  startTime: number;
  endTime: number;
  /** What was done to the old window's links (its created task deleted). */
  actions: OccurrenceAction[];
  /** Tasks created (or found) for the new window now; empty while it is beyond reach (planned). */
  createdTaskIds: string[];
  /** Why the new window's task could not be created now (it is tried again, or is an alert); null otherwise. */
  error: AppError | null;
  /** Overlaps with other occurrences on the same stream. */
  warnings: Warning[];
}

/** One valid row of an import file, as it will be sent. */
export interface ImportPreviewRow {
  /** 1-based line in the file. */
  line: number;
  stream: StreamKey;
  /** Unix seconds; null: starts when created. */
  startTime: number | null;
  endTime: number;
  templateId: number | null;
  mixed: boolean;
  /** Tasks it becomes (a window over 24 h is a chain of several). */
  links: number;
  /** Starts beyond the 6-day reach: kept planned, created automatically later. */
  farAhead: boolean;
}

/** `import:preview`: the file read by the same parser `taper import` uses, nothing sent. */
export interface ImportPreview {
  rows: ImportPreviewRow[];
  /** Every row (or header) problem, with its line. */
  problems: ImportProblem[];
}

/** `import:progress` events and a running import in `import:status`. */
export interface ImportProgress {
  /** Rows handled so far. */
  done: number;
  /** Rows being sent. */
  total: number;
  created: number;
  unknown: number;
  failed: number;
}

/** What became of one row: `invalid` rows were not sent (their problem is in `error.message`). */
export type ImportItemStatus = 'created' | 'unknown' | 'failed' | 'invalid';

export interface ImportReportItem {
  /** 1-based line in the file. */
  line: number;
  /** `domain/app/stream`, or the raw row text's best effort for an invalid row (empty when unknown). */
  stream: string;
  startTime: number | null;
  endTime: number | null;
  status: ImportItemStatus;
  /** TaskIds created (or found already covering the window) now. */
  taskIds: string[];
  /** Links kept planned for later (far ahead). */
  plannedLinks: number;
  warnings: Warning[];
  /** Why it failed, was not sent, or is unknown; null when created. */
  error: AppError | null;
}

/** `import:run`: one item per row of the file (sent or not), in file order; same semantics as `taper import`. */
export interface ImportReport {
  created: number;
  unknown: number;
  failed: number;
  /** Rows not sent because they are invalid. */
  invalid: number;
  items: ImportReportItem[];
  /** Unix seconds. */
  startedAt: number;
  finishedAt: number;
}

/** `import:status`: survives a closed window; the import itself runs in main. */
export interface ImportStatus {
  /** The import in progress, or null. */
  running: ImportProgress | null;
  /** The last finished import's report, or null. */
  last: ImportReport | null;
}
