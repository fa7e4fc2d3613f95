// The app's bulk import: the same parser, pacing and per-row report as `taper import`, with progress counts
// for the window's bar. Runs in main, so a closed window loses nothing: the report is kept by ImportJobs.
import { unixSeconds } from '../../../shared/clock.js';
import type {
  ImportPreview,
  ImportProgress,
  ImportReport,
  ImportReportItem,
} from '../../../shared/ipc/series-import-types.js';
import { isCredentialError, LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { RecordRequest } from '../../../shared/domain.js';
import { err, ok, type AppError, type Result } from '../../../shared/result.js';
import { DESCRIBE_MAX_WINDOW_SECONDS, MAX_START_AHEAD_SECONDS } from '../../../shared/rules/limits.js';
import { parseImportCsv } from '../../../shared/schedule/import-csv.js';
import { splitWindow } from '../../../shared/schedule/split-window.js';
import type { AppServices, AccountOptions } from '../app-services.js';
import { createMany, isUnknownOutcome, schedulerCreate, type BulkCreated, type BulkReport } from './bulk.js';
import type { PlanStore } from './plan-store.js';
import { createScheduleServices, describeSnapshot } from './schedule-services.js';

export interface ImportFile {
  /** The file's text. */
  csv: string;
  /** Zone for wall times without an offset. */
  timeZone: string;
}

/** Reads the file as `taper import` would, sending nothing. */
export function previewImport(file: ImportFile, nowSeconds: number): ImportPreview {
  const parsed = parseImportCsv(file.csv, { timeZone: file.timeZone, nowSeconds });
  return {
    problems: parsed.problems,
    rows: parsed.rows.map(({ line, request }) => {
      const start = request.startTime ?? nowSeconds;
      return {
        line,
        stream: { domainName: request.domainName, appName: request.appName, streamName: request.streamName },
        startTime: request.startTime ?? null,
        endTime: request.endTime,
        templateId: request.templateId ?? null,
        mixed: request.streamType === 1,
        links: request.endTime > start ? splitWindow(start, request.endTime).links.length : 1,
        farAhead: start > nowSeconds + MAX_START_AHEAD_SECONDS,
      };
    }),
  };
}

export interface ImportRunOptions extends ImportFile {
  /** Send the valid rows although some are invalid (`--skip-invalid`); otherwise nothing is sent then. */
  skipInvalid: boolean;
  record?: AccountOptions;
  /** Called after each row with the counts so far. */
  onProgress?(progress: ImportProgress): void;
  /** Once the file is parsed, before the first row is sent: how many rows will be. */
  onStart?(total: number): void;
}

/** Creates every valid row (4 in flight, paced by the client's 20/s limiter); never throws. */
export async function runImport(
  services: AppServices,
  plans: PlanStore,
  run: ImportRunOptions,
): Promise<Result<ImportReport>> {
  const startedAt = unixSeconds(services.clock);
  const parsed = parseImportCsv(run.csv, { timeZone: run.timeZone, nowSeconds: startedAt });
  if (parsed.problems.length > 0 && (!run.skipInvalid || parsed.rows.length === 0)) {
    return err(LocalErrorCode.InvalidInput, `${parsed.problems.length} invalid row(s); nothing was sent.`);
  }
  if (parsed.rows.length === 0) return err(LocalErrorCode.InvalidInput, 'The file has no rows to import.');
  const options = run.record ?? {};
  const total = parsed.rows.length;
  /** Outcomes in the order they finished; the bar's counts are those of the first `done` of them. */
  const finished: ('created' | 'unknown' | 'failed')[] = [];
  const counts = { done: 0, created: 0, unknown: 0, failed: 0 };
  // Known from here on: a quit asked before the first row is sent says how many rows it would stop, not "0 of 0".
  run.onStart?.(total);
  const sentRows = await createRows(
    services,
    plans,
    parsed.rows.map((row) => row.request),
    {
      record: options,
      nowSeconds: startedAt,
      // Counted here, in the same terms as createMany's report, so the bar's figures match the final report.
      onOutcome: (outcome) =>
        finished.push(
          outcome.ok
            ? outcome.value.pendingLinks > 0
              ? 'unknown'
              : 'created'
            : isUnknownOutcome(outcome.error)
              ? 'unknown'
              : 'failed',
        ),
      onProgress: (done) => {
        for (; counts.done < done; counts.done += 1) counts[finished[counts.done] ?? 'failed'] += 1;
        run.onProgress?.({ ...counts, total });
      },
    },
  );
  if (!sentRows.ok) return sentRows;
  const { report } = sentRows.value;

  const sent: ImportReportItem[] = report.items.map((item) => {
    const { domainName, appName, streamName } = item.request;
    return {
      line: parsed.rows[item.index]?.line ?? 0,
      stream: `${domainName}/${appName}/${streamName}`,
      startTime: item.request.startTime ?? null,
      endTime: item.request.endTime,
      status: item.status,
      taskIds: item.created?.taskIds ?? [],
      plannedLinks: item.created?.plannedLinks ?? 0,
      warnings: item.created?.warnings ?? [],
      error: item.error,
    };
  });
  const invalid: ImportReportItem[] = parsed.problems.map((problem) => ({
    line: problem.line,
    stream: '',
    startTime: null,
    endTime: null,
    status: 'invalid',
    taskIds: [],
    plannedLinks: 0,
    warnings: [],
    error: { code: LocalErrorCode.InvalidInput, message: problem.message },
  }));
  return ok({
    created: report.created,
    unknown: report.unknown,
    failed: report.failed,
    invalid: invalid.length,
    items: [...sent, ...invalid].sort((a, b) => a.line - b.line),
    startedAt,
    finishedAt: unixSeconds(services.clock),
  });
}

export interface CreateRowsOptions {
  record: AccountOptions;
  nowSeconds: number;
  /** Requests in flight at once (default createMany's). */
  concurrency?: number;
  /** Each create's outcome, as it finishes. */
  onOutcome?(outcome: Result<BulkCreated>): void;
  /** `done` of the requests have finished. */
  onProgress?(done: number): void;
}

/**
 * The bulk core of `taper import` and the app's import: credentials checked once, one DescribeRecordTask for the whole
 * set (tasks made elsewhere are found without halving the pace), then every request through the scheduler.
 * `describeError`: the listing failed (only the history was checked for duplicates); credential failures are errors.
 */
export async function createRows(
  services: AppServices,
  plans: PlanStore,
  requests: readonly RecordRequest[],
  options: CreateRowsOptions,
): Promise<Result<{ report: BulkReport; describeError: AppError | null }>> {
  // Credentials are checked once, up front: otherwise every row would fail the same way.
  const profile = await services.profiles.resolve(options.record.profile);
  if (!profile.ok) return profile;
  const now = options.nowSeconds;
  const latestEnd = Math.max(...requests.map((request) => request.endTime));
  const snapshot = await describeSnapshot(services, options.record, {
    startTime: now - 3_600,
    endTime: Math.min(latestEnd, now + DESCRIBE_MAX_WINDOW_SECONDS),
  });
  if (!snapshot.ok && isCredentialError(snapshot.error)) return snapshot;
  const { scheduler } = createScheduleServices(services, {
    dataDir: '',
    plans,
    describe: snapshot.ok ? snapshot.value : false,
  });
  const create = schedulerCreate(scheduler, options.record);
  const report = await createMany(requests, {
    create: async (request) => {
      const outcome = await create(request);
      options.onOutcome?.(outcome);
      return outcome;
    },
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return ok({ report, describeError: snapshot.ok ? null : snapshot.error });
}
