// One bulk import at a time, remembered in main: the window may close (or reload) while rows are sent, and the next
// one asks `import:status` for the progress or the report instead of losing it. With a store, the last report also
// survives quitting the app.
import type { ImportProgress, ImportReport, ImportStatus } from '../../../shared/ipc/series-import-types.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, type Result } from '../../../shared/result.js';
import type { LastImportStore } from './last-import-file.js';

export interface ImportJobs {
  status(): Promise<ImportStatus>;
  /** The import in progress, or null: what quitting now would stop. */
  running(): ImportProgress | null;
  /** Runs `work` unless an import is running already (then nothing is sent); keeps its report. */
  run(
    work: (progress: (update: ImportProgress) => void) => Promise<Result<ImportReport>>,
  ): Promise<Result<ImportReport>>;
}

export function createImportJobs(
  store?: LastImportStore,
  warn: (message: string) => void = () => undefined,
): ImportJobs {
  let running: ImportProgress | null = null;
  // Read from the store once, on the first status after start-up; from then on memory is current.
  let last: Promise<ImportReport | null> | null = null;
  const lastReport = () => (last ??= store?.read() ?? Promise.resolve(null));
  return {
    status: async () => ({ running, last: await lastReport() }),
    running: () => running,
    async run(work) {
      if (running !== null)
        return err(
          LocalErrorCode.InvalidInput,
          `An import is already running (${running.done}/${running.total}); wait for its report.`,
        );
      running = { done: 0, total: 0, created: 0, unknown: 0, failed: 0 };
      try {
        const result = await work((update) => {
          running = update;
        });
        if (result.ok) {
          last = Promise.resolve(result.value);
          // The report is shown from memory either way; a disk that refuses it costs only the copy after a restart.
          await store
            ?.write(result.value)
            .catch((error: unknown) =>
              warn(`the import report could not be saved: ${error instanceof Error ? error.message : 'unknown error'}`),
            );
        }
        return result;
      } finally {
        running = null;
      }
    },
  };
}
