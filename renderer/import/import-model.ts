// The import view's small decisions as plain functions: what can be sent after the preview, and the bar's width.
import type { ImportPreview, ImportProgress } from '../../shared/ipc/contract';
import { MAX_IMPORT_CSV_CHARS } from '../../shared/ipc/series-import-types';

/** Files above this are refused before reading: main accepts at most MAX_IMPORT_CSV_CHARS characters. */
export const MAX_IMPORT_FILE_BYTES = MAX_IMPORT_CSV_CHARS;

export type Sendable =
  /** Every row is valid. */
  | { kind: 'all'; count: number }
  /** Some rows are invalid: only the valid ones can be sent (`skipInvalid`), as `taper import --skip-invalid`. */
  | { kind: 'valid-only'; count: number; skipped: number }
  /** No valid row (or a header problem): nothing to send. */
  | { kind: 'none' };

export function sendableRows(preview: ImportPreview): Sendable {
  if (preview.rows.length === 0) return { kind: 'none' };
  if (preview.problems.length === 0) return { kind: 'all', count: preview.rows.length };
  return { kind: 'valid-only', count: preview.rows.length, skipped: preview.problems.length };
}

/** 0..100, never NaN (a job of 0 rows is done). */
export function progressPercent(progress: ImportProgress): number {
  if (progress.total <= 0) return 100;
  return Math.min(100, Math.max(0, (progress.done / progress.total) * 100));
}
