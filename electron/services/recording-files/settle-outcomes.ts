// Settles the outcome of every task whose window has ended (and whose files had time to appear): its files (VOD
// SearchMedia) and the stream's pushes (Live DescribeLiveStreamEventList) give recorded, partial or nothing, stored in
// the history entry with the files, so the history shows it offline afterwards. Run by `taper sync` and by the app's
// sync. Paced by the clients' limiters (VOD 100/s, Live 20/s), a few lookups in flight: 500 tasks settle in one run.
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import type { HistoryEntry, SettledOutcome } from '../../../shared/history.js';
import { describeOutcome, FILES_READY_SECONDS, settleOutcome } from '../../../shared/recordings/outcome.js';
import type { AppError, Result } from '../../../shared/result.js';
import { isoSeconds } from '../../../shared/time/duration.js';
import type { HistoryPort } from '../app-services.js';
import type { RecordingFilesApi } from './recording-files-api.js';

export interface SettleDeps {
  history: HistoryPort;
  /** The files client for an entry's profile (null: the default one); an error skips that profile's entries. */
  filesApiFor(profile: string | null): Promise<Result<RecordingFilesApi>>;
  clock: Clock;
  /** Lookups in flight at once (each is two calls); default 4. */
  concurrency?: number;
  /** Told of each entry as its outcome is stored (the app notifies it). */
  onSettled?: (entry: HistoryEntry) => void;
}

export interface SettleReport {
  /** Entries whose outcome was stored in this run. */
  settled: number;
  recorded: number;
  partial: number;
  nothing: number;
  /** Ended windows left for a later run: files not listed yet, or a lookup that failed. */
  pending: number;
  /** Why lookups failed (the first error per kind), e.g. a key without VOD read permission: what to do is in it. */
  problems: AppError[];
}

/** Statuses of a task whose window ran: only these can have left a file. */
const RAN: ReadonlySet<HistoryEntry['status']> = new Set(['finished', 'stopped', 'scheduled', 'recording']);

/**
 * An entry still to settle: created by Taper, not settled yet, and its files due to be listed. Tasks made elsewhere
 * (imported by sync) are not judged: a first sync would otherwise raise an alert for every old console task; `taper
 * files TASK_ID` tells their outcome on demand.
 */
export function needsSettling(entry: HistoryEntry, nowSeconds: number): boolean {
  return (
    entry.source === 'taper' &&
    entry.taskId !== null &&
    RAN.has(entry.status) &&
    entry.outcome === undefined &&
    entry.endTime + FILES_READY_SECONDS <= nowSeconds
  );
}

export async function settleOutcomes(deps: SettleDeps): Promise<Result<SettleReport>> {
  const listed = await deps.history.list();
  if (!listed.ok) return listed;
  const now = unixSeconds(deps.clock);
  const due = listed.value.filter((entry) => needsSettling(entry, now));
  const report: SettleReport = { settled: 0, recorded: 0, partial: 0, nothing: 0, pending: 0, problems: [] };
  const problem = (error: AppError) => {
    if (!report.problems.some((known) => known.code === error.code)) report.problems.push(error);
  };
  const apis = new Map<string, Promise<Result<RecordingFilesApi>>>();
  const apiFor = (profile: string | null) => {
    const key = profile ?? '';
    let api = apis.get(key);
    if (api === undefined) apis.set(key, (api = deps.filesApiFor(profile)));
    return api;
  };
  // Profiles whose key VOD refused: every later lookup with it would be refused too, so none is sent.
  const refused = new Set<string>();

  async function settleOne(entry: HistoryEntry): Promise<void> {
    const key = entry.profile ?? '';
    const api = await apiFor(entry.profile);
    if (!api.ok || refused.has(key)) {
      if (!api.ok) problem(api.error);
      report.pending += 1;
      return;
    }
    const window = { startTime: entry.startTime ?? entry.createdAt, endTime: entry.endTime };
    const query = { domain: entry.domain, app: entry.app, stream: entry.stream, ...window };
    const [files, pushes] = await Promise.all([api.value.searchFiles(query), api.value.describePushes(query)]);
    const outcome = settleOutcome({
      windows: [window],
      files: files.ok ? files.value : { error: files.error },
      pushes: pushes.ok ? pushes.value : null,
      now,
    });
    if (outcome.outcome === 'pending' || outcome.outcome === 'unknown') {
      if (outcome.outcome === 'unknown') {
        problem({ code: outcome.error.code, message: describeOutcome(outcome, isoSeconds) ?? outcome.error.message });
        if (outcome.reason === 'vod-permission') refused.add(key);
      }
      report.pending += 1;
      return;
    }
    const settled: SettledOutcome = {
      reason: describeOutcome(outcome, isoSeconds),
      files: (files.ok ? files.value : []).map((file) => ({
        fileId: file.fileId,
        url: file.url,
        startTime: file.startTime,
        endTime: file.endTime,
        durationSeconds: file.durationSeconds,
        sizeBytes: file.sizeBytes,
      })),
      gaps:
        outcome.outcome === 'partial'
          ? outcome.gaps.map((gap) => ({ startTime: gap.startTime, endTime: gap.endTime, pushed: gap.pushed }))
          : [],
      pushes: pushes.ok ? pushes.value.map((push) => ({ startTime: push.startTime, endTime: push.endTime })) : null,
      settledAt: now,
      acknowledgedAt: null,
    };
    const stored = await deps.history.update(entry.id, { outcome: outcome.outcome, outcomeDetail: settled });
    if (!stored.ok) {
      problem(stored.error);
      report.pending += 1;
      return;
    }
    report.settled += 1;
    report[outcome.outcome] += 1;
    deps.onSettled?.(stored.value);
  }

  // A small pool: the limiters pace the calls, the pool only bounds what waits on them. Bounded: one pass over `due`.
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const entry = due[next];
      next += 1;
      if (entry !== undefined) await settleOne(entry);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency ?? 4, due.length)) }, worker));
  return { ok: true, value: report };
}
