// The app's bulk import (issue 5): the same parser, pacing and per-row report as `taper import`, with progress counts
// for the window's bar. Runs in main, so a closed window loses nothing: the report is kept by ImportJobs.
import { unixSeconds } from '../../../shared/clock.js';
import type { ImportPreview, ImportProgress, ImportReport, ImportReportItem } from '../../../shared/ipc/series-import-types.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { DESCRIBE_MAX_WINDOW_SECONDS, MAX_START_AHEAD_SECONDS } from '../../../shared/rules/limits.js';
import { parseImportCsv } from '../../../shared/schedule/import-csv.js';
import { splitWindow } from '../../../shared/schedule/split-window.js';
import type { AppServices, RecordOptions } from '../app-services.js';
import { createMany, isUnknownOutcome, schedulerCreate, type BulkCreated } from './bulk.js';
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
  record?: RecordOptions;
  /** Called after each row with the counts so far. */
  onProgress?(progress: ImportProgress): void;
}

/** Creates every valid row (4 in flight, paced by the client's 20/s limiter); never throws. */
export async function runImport(services: AppServices, plans: PlanStore, run: ImportRunOptions): Promise<Result<ImportReport>> {
  const startedAt = unixSeconds(services.clock);
  const parsed = parseImportCsv(run.csv, { timeZone: run.timeZone, nowSeconds: startedAt });
  if (parsed.problems.length > 0 && (!run.skipInvalid || parsed.rows.length === 0)) {
    return err(LocalErrorCode.InvalidInput, `${parsed.problems.length} invalid row(s); nothing was sent.`);
  }
  if (parsed.rows.length === 0) return err(LocalErrorCode.InvalidInput, 'The file has no rows to import.');
  const options = run.record ?? {};
  // Credentials are checked once, up front: otherwise every row would fail the same way.
  const profile = await services.profiles.resolve(options.profile);
  if (!profile.ok) return profile;
  // One DescribeRecordTask for the whole file finds tasks made elsewhere without halving the pace.
  const latestEnd = Math.max(...parsed.rows.map((row) => row.request.endTime));
  const snapshot = await describeSnapshot(services, options, { startTime: startedAt - 3_600, endTime: Math.min(latestEnd, startedAt + DESCRIBE_MAX_WINDOW_SECONDS) });
  const { scheduler } = createScheduleServices(services, { dataDir: '', plans, describe: snapshot.ok ? snapshot.value : false });

  const total = parsed.rows.length;
  /** Outcomes in the order they finished; the bar's counts are those of the first `done` of them. */
  const finished: ('created' | 'unknown' | 'failed')[] = [];
  const counts = { done: 0, created: 0, unknown: 0, failed: 0 };
  const create = schedulerCreate(scheduler, options);
  const report = await createMany(
    parsed.rows.map((row) => row.request),
    {
      // Counted here, in the same terms as createMany's report, so the bar's figures match the final report.
      create: async (request) => {
        const outcome: Result<BulkCreated> = await create(request);
        finished.push(outcome.ok ? (outcome.value.pendingLinks > 0 ? 'unknown' : 'created') : isUnknownOutcome(outcome.error) ? 'unknown' : 'failed');
        return outcome;
      },
      onProgress: (done) => {
        for (; counts.done < done; counts.done += 1) counts[finished[counts.done] ?? 'failed'] += 1;
        run.onProgress?.({ ...counts, total });
      },
    },
  );

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
    line: problem.line, stream: '', startTime: null, endTime: null, status: 'invalid', taskIds: [], plannedLinks: 0, warnings: [],
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
