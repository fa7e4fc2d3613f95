// One bulk import at a time, remembered in main: the window may close (or reload) while rows are sent, and the next
// one asks `import:status` for the progress or the report instead of losing it.
import type { ImportProgress, ImportReport, ImportStatus } from '../../../shared/ipc/series-import-types.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, type Result } from '../../../shared/result.js';

export interface ImportJobs {
  status(): ImportStatus;
  /** Runs `work` unless an import is running already (then nothing is sent); keeps its report. */
  run(work: (progress: (update: ImportProgress) => void) => Promise<Result<ImportReport>>): Promise<Result<ImportReport>>;
}

export function createImportJobs(): ImportJobs {
  let running: ImportProgress | null = null;
  let last: ImportReport | null = null;
  return {
    status: () => ({ running, last }),
    async run(work) {
      if (running !== null) return err(LocalErrorCode.InvalidInput, `An import is already running (${running.done}/${running.total}); wait for its report.`);
      running = { done: 0, total: 0, created: 0, unknown: 0, failed: 0 };
      try {
        const result = await work((update) => {
          running = update;
        });
        if (result.ok) last = result.value;
        return result;
      } finally {
        running = null;
      }
    },
  };
}
