// Creates the planned links that are due, through the RecordService (validation, history written before the call,
// unknown outcomes), and says what became of each: created, adopted, pending sync, missed, refused, or deferred to the
// next run. Before any link is created, the history (and DescribeRecordTask, when given) is searched for a task that
// already covers it: a link is never created twice, whichever process or run got there first.
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import type { RecordRequest, Warning } from '../../../shared/domain.js';
import type { HistoryEntry } from '../../../shared/history.js';
import type { RemoteTask } from '../../../shared/live-types.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { ok, type AppError, type Result } from '../../../shared/result.js';
import { normalizeRecordRequest } from '../../../shared/rules/validate-record.js';
import { coveringEntry, coveringTask } from '../../../shared/schedule/covering.js';
import {
  dueReport,
  isRefusal,
  linkEvent,
  markMissed,
  scheduledRecording,
  setLink,
  type DueReport,
  type LinkEvent,
  type ScheduledRecording,
} from '../../../shared/schedule/link-events.js';
import {
  activeLinksByStart,
  anythingSent,
  isActiveLink,
  linkRequest,
  materializeSeries,
  newRecording,
  prune,
} from '../../../shared/schedule/planned-recordings.js';
import {
  withinReach,
  type PlannedLink,
  type PlannedRecording,
  type PlansDocument,
} from '../../../shared/schedule/plans.js';
import { checkRequest } from '../../../shared/schedule/record-check.js';
import { splitWindow } from '../../../shared/schedule/split-window.js';
import type { HistoryPort, AccountOptions, RecordService } from '../app-services.js';
import type { DescribeTasksQuery } from '../live-api/live-api.js';
import type { PlanStore, SavePlans } from './plan-store.js';

export interface LinkRunnerDeps {
  clock: Clock;
  recorder: RecordService;
  history: HistoryPort;
  plans: PlanStore;
  /** DescribeRecordTask for the given credentials; when present, a task made elsewhere is found before creating. */
  describe?: (query: DescribeTasksQuery, options: AccountOptions) => Promise<Result<RemoteTask[]>>;
}

export interface RunContext {
  now: number;
  /** The history as of this run, kept current with the entries this run creates. */
  entries: HistoryEntry[];
  /** Credentials for links whose recording names none. */
  fallback: AccountOptions | undefined;
}

/** Errors after which nothing was executed and trying again later may work: the link stays planned. */
const DEFERRABLE_CODES: ReadonlySet<string> = new Set([
  LocalErrorCode.Network,
  LocalErrorCode.Timeout,
  LocalErrorCode.KeychainUnavailable,
  LocalErrorCode.KeychainLocked,
  LocalErrorCode.CredentialsMissing,
  LocalErrorCode.ProfileNotFound,
  LocalErrorCode.SecretMissing,
  LocalErrorCode.HistoryUnavailable,
  LocalErrorCode.HistoryCorrupt,
  LocalErrorCode.SettingsUnavailable,
  LocalErrorCode.PlansUnavailable,
  'RequestLimitExceeded',
]);
const isDeferrable = (error: AppError) => DEFERRABLE_CODES.has(error.code) || error.code.startsWith('AuthFailure');

const optionsOf = (recording: PlannedRecording, fallback: AccountOptions | undefined): AccountOptions => {
  const profile = recording.profile ?? fallback?.profile;
  const region = recording.region ?? fallback?.region;
  return { ...(profile ? { profile } : {}), ...(region ? { region } : {}) };
};

/** Tags a created (or unknown) entry with its recording so history, stop and delete see the chain as one. */
async function tag(history: HistoryPort, entry: HistoryEntry, recording: PlannedRecording): Promise<HistoryEntry> {
  const updated = await history.update(entry.id, {
    recordingId: recording.recordingId,
    seriesId: recording.seriesId,
  });
  return updated.ok ? updated.value : entry;
}

/** Moves one link forward if it can; returns what happened, or null when nothing did (not due, already done). */
export async function processLink(
  deps: LinkRunnerDeps,
  recording: PlannedRecording,
  link: PlannedLink,
  context: RunContext,
): Promise<LinkEvent | null> {
  if (!isActiveLink(link)) return null;
  const { now } = context;
  const covering = coveringEntry(context.entries, recording.stream, link);
  if (covering) return followHistory(deps.history, recording, link, covering, now);
  // A pending link whose unknown create sync found never happened is planned again: never missed.
  if (link.status === 'pending-sync') setLink(link, { status: 'planned', historyId: null }, now);
  if (link.endTime <= now) {
    markMissed(link, now);
    return linkEvent('missed', recording, link, { error: link.error });
  }
  if (!withinReach(link, now)) return null;
  const options = optionsOf(recording, context.fallback);
  return (
    (await adoptFromPlatform(deps, recording, link, options, now)) ??
    createLink(deps, recording, link, options, context)
  );
}

/** The link follows the history entry that covers it: created (adopted), or waiting for sync when unknown. */
async function followHistory(
  history: HistoryPort,
  recording: PlannedRecording,
  link: PlannedLink,
  covering: HistoryEntry,
  now: number,
): Promise<LinkEvent | null> {
  if (covering.status === 'unknown') {
    if (link.status === 'pending-sync' && link.historyId === covering.id) return null; // Still waiting for sync.
    setLink(link, { status: 'pending-sync', historyId: covering.id, error: covering.error }, now);
    return linkEvent('pending-sync', recording, link, { entry: covering, error: covering.error });
  }
  setLink(link, { status: 'created', taskId: covering.taskId, historyId: covering.id, error: null }, now);
  if (covering.recordingId == null) await tag(history, covering, recording);
  return linkEvent('adopted', recording, link, { entry: covering });
}

/** A task made elsewhere (another machine, the console) that covers the link is adopted; null when none is found. */
async function adoptFromPlatform(
  deps: LinkRunnerDeps,
  recording: PlannedRecording,
  link: PlannedLink,
  options: AccountOptions,
  now: number,
): Promise<LinkEvent | null> {
  if (!deps.describe) return null;
  const listed = await deps.describe(
    { startTime: Math.max(link.startTime, now) - 60, endTime: link.endTime, ...recording.stream },
    options,
  );
  // A failed describe does not block: the history check before it already rules out Taper's own attempts.
  const found = listed.ok ? coveringTask(listed.value, recording.stream, link, now) : null;
  if (!found) return null;
  setLink(link, { status: 'created', taskId: found.taskId, historyId: null, error: null }, now);
  return linkEvent('adopted', recording, link);
}

/** Sends the link's CreateRecordTask; an unknown outcome waits for sync, an error that may pass is tried again. */
async function createLink(
  deps: LinkRunnerDeps,
  recording: PlannedRecording,
  link: PlannedLink,
  options: AccountOptions,
  context: RunContext,
): Promise<LinkEvent> {
  const { now } = context;
  const { request, lateBySeconds } = linkRequest(recording, link, now);
  const outcome = await deps.recorder.record(request, options);
  if (outcome.ok) {
    const entry = await tag(deps.history, outcome.value.entry, recording);
    context.entries.push(entry);
    setLink(link, { status: 'created', taskId: entry.taskId, historyId: entry.id, error: null }, now);
    return linkEvent('created', recording, link, { entry, lateBySeconds });
  }
  const error = outcome.error;
  if (error.code === LocalErrorCode.UnknownOutcome) {
    // The record service wrote the attempt as unknown: that entry is the link's, so sync's answer reaches it.
    const listed = await deps.history.list();
    const unknown = listed.ok ? listed.value.filter((entry) => entry.status === 'unknown') : [];
    const pending = listed.ok ? coveringEntry(unknown, recording.stream, link) : null;
    if (listed.ok) context.entries = [...listed.value];
    if (pending) await tag(deps.history, pending, recording);
    setLink(link, { status: 'pending-sync', historyId: pending?.id ?? null, error }, now);
    return linkEvent('pending-sync', recording, link, { error, lateBySeconds });
  }
  if (isDeferrable(error)) {
    setLink(link, { error }, now);
    return linkEvent('deferred', recording, link, { error });
  }
  setLink(link, { status: 'failed', error }, now);
  return linkEvent('failed', recording, link, { error });
}

/** Runs every active link of `recordings` in start order, saving after each change. */
export async function advance(
  deps: LinkRunnerDeps,
  recordings: PlannedRecording[],
  context: RunContext,
  document: PlansDocument,
  save: SavePlans,
  stopAtFirstRefusal = false,
): Promise<LinkEvent[]> {
  const events: LinkEvent[] = [];
  for (const { recording, link } of activeLinksByStart(recordings)) {
    const happened = await processLink(deps, recording, link, context);
    if (happened) {
      events.push(happened);
      await save(document);
      // A fresh request refused on its first link (bad template, no credentials) would be refused on every link.
      if (stopAtFirstRefusal && events.length === 1 && isRefusal(happened)) break;
    }
  }
  return events;
}

/** Plans what series have brought within reach, creates what is due, reports what was missed. */
export async function runDue(deps: LinkRunnerDeps, options?: AccountOptions): Promise<Result<DueReport>> {
  return deps.plans.transact(async (document, save) => {
    const now = unixSeconds(deps.clock);
    materializeSeries(document, now);
    await save(document);
    // Read under the plans lock, so a run that held it before us is seen with everything it created.
    const listed = await deps.history.list();
    if (!listed.ok) return { document, result: listed };
    const context: RunContext = { now, entries: [...listed.value], fallback: options };
    const events = await advance(deps, document.recordings, context, document, save);
    prune(document, now);
    return { document, result: ok(dueReport(document, events, now)) };
  });
}

/** Records a window of any length starting at any time: creates the links within reach now, plans the rest. */
export async function recordWindow(
  deps: LinkRunnerDeps & { newId: () => string },
  request: RecordRequest,
  options?: AccountOptions,
): Promise<Result<ScheduledRecording>> {
  const now = unixSeconds(deps.clock);
  const normalized = normalizeRecordRequest(request);
  const checked = checkRequest(normalized, now);
  if (!checked.ok) return checked;
  const recording = newRecording(
    deps.newId(),
    { ...normalized, startTime: checked.value.startTime },
    { profile: options?.profile ?? null, region: options?.region ?? null, seriesId: null, occurrenceDate: null, now },
  );
  const warnings = splitWindow(checked.value.startTime, checked.value.endTime).warnings;
  const context: RunContext = { now, entries: [], fallback: options };
  const only = recording.links[0];
  if (recording.links.length === 1 && only && withinReach(only, now))
    return recordOneTask(deps, recording, only, context, warnings);
  return recordChain(deps, recording, context, warnings);
}

/** One task now, as `taper record` would: no plan to keep. The recorder's own errors are the answer. */
async function recordOneTask(
  deps: LinkRunnerDeps,
  recording: PlannedRecording,
  only: PlannedLink,
  context: RunContext,
  warnings: Warning[],
): Promise<Result<ScheduledRecording>> {
  const listed = await deps.history.list();
  if (!listed.ok) return listed;
  context.entries = [...listed.value];
  const happened = await processLink(deps, recording, only, context);
  if (happened && isRefusal(happened) && happened.error) return { ok: false, error: happened.error };
  // This call's own create has an unknown outcome: answer it as `taper record` does (exit 4, sync resolves it).
  if (happened?.kind === 'pending-sync' && happened.entry === null && happened.error)
    return { ok: false, error: happened.error };
  return ok(scheduledRecording(recording, happened ? [happened] : [], warnings));
}

/** A chain, or a window beyond reach: stored before any link is created, so a crash halfway forgets nothing. */
async function recordChain(
  deps: LinkRunnerDeps,
  recording: PlannedRecording,
  context: RunContext,
  warnings: Warning[],
): Promise<Result<ScheduledRecording>> {
  const dropRecording = (document: PlansDocument) => {
    document.recordings = document.recordings.filter((kept) => kept.recordingId !== recording.recordingId);
  };
  return deps.plans.transact<ScheduledRecording>(async (document, save) => {
    document.recordings.push(recording);
    await save(document);
    // Read under the plans lock: another process's run that held it before us has written its entries by now.
    const listed = await deps.history.list();
    if (!listed.ok) {
      dropRecording(document);
      return { document, result: listed };
    }
    context.entries = [...listed.value];
    const events = await advance(deps, [recording], context, document, save, true);
    const first = events[0];
    if (first && isRefusal(first) && !anythingSent(recording)) {
      // Refused outright (e.g. a template that does not exist): every link would be. Keep nothing of it.
      dropRecording(document);
      return {
        document,
        result: { ok: false, error: first.error ?? { code: LocalErrorCode.InvalidInput, message: 'refused' } },
      };
    }
    return { document, result: ok(scheduledRecording(recording, events, warnings)) };
  });
}
