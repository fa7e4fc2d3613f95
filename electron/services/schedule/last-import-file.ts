// The app's last import report on disk (last-import.json beside the history), so quitting the app does not lose which
// rows were created and which were not. The history has every attempt too; this keeps the report's per-row view.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportReport } from '../../../shared/ipc/series-import-types.js';
import { writeFileAtomic } from '../storage/atomic-write.js';

export interface LastImportStore {
  /** The stored report; null when there is none or it cannot be read (a report is no reason to fail a view). */
  read(): Promise<ImportReport | null>;
  write(report: ImportReport): Promise<void>;
}

export const LAST_IMPORT_FILE = 'last-import.json';

export function createLastImportFile(dataDir: string): LastImportStore {
  const path = join(dataDir, LAST_IMPORT_FILE);
  return {
    async read() {
      try {
        const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
        return looksLikeReport(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    write: (report) => writeFileAtomic(path, `${JSON.stringify(report)}\n`),
  };
}

/** Shallow: the file is Taper's own, written atomically; this only refuses a file that is not a report at all. */
function looksLikeReport(value: unknown): value is ImportReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as Record<string, unknown>;
  return (
    Array.isArray(report.items) &&
    ['created', 'unknown', 'failed', 'invalid', 'startedAt', 'finishedAt'].every(
      (key) => typeof report[key] === 'number',
    )
  );
}
