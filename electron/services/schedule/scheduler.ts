// Scheduling past the API's limits: windows over 24 h become chains of links, windows beyond the 6-day reach are kept
// as plans and created when they come within reach, weekly series keep their occurrences created ahead. Every link
// goes through the RecordService (validation, history written before the call, unknown outcomes), and before any
// link is created the history (and DescribeRecordTask, when given) is searched for a task that already covers it.
import { randomUUID } from 'node:crypto';
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import type { RecordRequest, StreamKey, Warning } from '../../../shared/domain.js';
import type { HistoryEntry } from '../../../shared/history.js';
import type { RemoteTask } from '../../../shared/live-types.js';
import { invalidInput, invalidRequest, problemsText } from '../../../shared/errors/invalid-input.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type AppError, type Result } from '../../../shared/result.js';
import { MAX_START_AHEAD_SECONDS } from '../../../shared/rules/limits.js';
import { normalizeRecordRequest, validateRecordRequest } from '../../../shared/rules/validate-record.js';
import { coveringEntry, coveringTask } from '../../../shared/schedule/covering.js';
import { ScheduleErrorCode, recordingNotFound, seriesNotFound } from '../../../shared/schedule/schedule-errors.js';
import {
  isOpenAlert,
  withinReach,
  type PlannedLink,
  type PlannedRecording,
  type PlansDocument,
  type StoredSeries,
} from '../../../shared/schedule/plans.js';
import {
  localDate,
  notAnOccurrence,
  occurrenceOn,
  occurrences,
  parseDate,
  validateSeries,
  type IsoWeekday,
  type Occurrence,
  type OccurrenceOverride,
  type Series,
  type SeriesProblem,
} from '../../../shared/schedule/series.js';
import { occurrenceOverlapWarnings, seriesOverlapWarnings } from '../../../shared/schedule/series-overlap.js';
import { CHAIN_TOO_LONG_MESSAGE, chainTooLong, splitWindow } from '../../../shared/schedule/split-window.js';
import type { HistoryPort, RecordOptions, RecordService } from '../app-services.js';
import type { DescribeTasksQuery } from '../live-api/live-api.js';
import type { PlanStore } from './plan-store.js';

export { ScheduleErrorCode } from '../../../shared/schedule/schedule-errors.js';

export interface SchedulerDeps {
  clock: Clock;
  recorder: RecordService;
  history: HistoryPort;
  plans: PlanStore;
  /** DescribeRecordTask for the given credentials; when present, a task made elsewhere is found before creating. */
  describe?: (query: DescribeTasksQuery, options: RecordOptions) => Promise<Result<RemoteTask[]>>;
  /** New recording and series ids; default random UUIDs. */
  newId?: () => string;
}

/** What happened to one link in a call. */
export type LinkEventKind =
  /** A task was created for it (`lateBySeconds` > 0: its window had begun, the rest is recorded). */
  | 'created'
  /** A task that already covers it was found (history or platform): nothing was sent. */
  | 'adopted'
  /** A create's outcome is unknown (now or earlier): `taper sync` decides; nothing more is sent. */
  | 'pending-sync'
  /** Its window ended before it could be created: an alert. */
  | 'missed'
  /** The platform or the validation refused it: an alert. */
  | 'failed'
  /** It could not be sent now (network, credentials, history unavailable): it stays planned and is tried again. */
  | 'deferred';

export interface LinkEvent {
  kind: LinkEventKind;
  recordingId: string;
  /** The series it is an occurrence of, or null. */
  seriesId: string | null;
  /** The occurrence's local date, for series. */
  occurrenceDate: string | null;
  stream: StreamKey;
  /** The link after the event. */
  link: PlannedLink;
  /** Seconds of the window that had passed when it was created late; 0 when on time. */
  lateBySeconds: number;
  /** The history entry of a created link. */
  entry: HistoryEntry | null;
  /** Why it failed, was missed or deferred. */
  error: AppError | null;
}

export interface ScheduledRecording {
  /** Groups the links; stopRecording/deleteRecording take it. */
  recordingId: string;
  /** History entries of the links created now. */
  created: HistoryEntry[];
  /** Links kept for later (beyond reach now); created by runDue. */
  planned: PlannedLink[];
  /** What happened to each link handled now. */
  events: LinkEvent[];
  warnings: Warning[];
}

export interface DueReport {
  /** Every link handled in this run, in order. */
  events: LinkEvent[];
  /** Links that became missed or failed in this run (subset of events). */
  newAlerts: LinkEvent[];
  /** Every missed or failed link not acknowledged yet, including earlier runs': repeated until acknowledged. */
  alerts: PlannedLink[];
  /** Links still waiting to come within reach. */
  plannedCount: number;
  /** Unix seconds. */
  ranAt: number;
}

/** A series as the user describes it; the id and bookkeeping are added by addSeries. */
export type NewSeries = Omit<Series, 'id' | 'cancelledDates' | 'name'> & { name?: string; cancelledDates?: string[] };

/** What updateSeries may change: the schedule, the template and the name (another stream is another series). */
export interface SeriesPatch {
  daysOfWeek?: IsoWeekday[];
  startWallTime?: string;
  durationSeconds?: number;
  timeZone?: string;
  /** A template id, or null to record without one. */
  templateId?: number | null;
  /** Empty: the stream name. */
  name?: string;
}

/** An occurrence sent under the old schedule: kept as it is (one task per occurrence date, never two). */
export interface KeptOccurrence {
  date: string;
  recordingId: string;
  /** Unix seconds of the kept window (the old schedule's). */
  startTime: number;
  endTime: number;
  /** TaskIds of its created links; empty while its create is pending sync. */
  taskIds: string[];
  /** `pending-sync`: a create's outcome is unknown (sync decides), so it is kept too. */
  status: 'created' | 'pending-sync';
}

export interface SeriesUpdate {
  series: StoredSeries;
  /** Occurrences not sent yet whose planned links were dropped: they follow the new schedule from the next run. */
  replanned: number;
  /** Occurrences already created (or pending sync): kept, and their dates are not planned again. */
  kept: KeptOccurrence[];
  warnings: Warning[];
}

/** What editOccurrence did: the old window's tasks deleted (or not), the new window planned and created if in reach. */
export interface OccurrenceEdit {
  /** False when deleting a task of the old window failed (see `actions`): nothing was changed, try again. */
  moved: boolean;
  series: StoredSeries;
  /** The occurrence's window after the edit (when `moved`), else the one it keeps. */
  occurrence: Occurrence;
  /** What was done to the old window's links: planned ones cancelled, created tasks deleted. */
  actions: RecordingAction[];
  /** What happened to the new window's link(s) now; empty while it is beyond reach (it stays planned). */
  events: LinkEvent[];
  warnings: Warning[];
}

/** What stop/delete did to one link of a recording. */
export interface RecordingAction {
  /** Link index (or -1 for a history entry that is not in the plans). */
  index: number;
  taskId: string | null;
  action: 'stopped' | 'deleted' | 'cancelled' | 'skipped';
  /** Why the action failed or was skipped; null on success. */
  error: AppError | null;
}

export interface Scheduler {
  /** Records a window of any length starting at any time: creates the links within reach now, plans the rest. */
  record(request: RecordRequest, options?: RecordOptions): Promise<Result<ScheduledRecording>>;
  /** Creates what has come within reach, records the rest of what has begun, reports what was missed. Idempotent. */
  runDue(options?: RecordOptions): Promise<Result<DueReport>>;
  addSeries(input: NewSeries, options?: RecordOptions): Promise<Result<{ series: StoredSeries; warnings: Warning[] }>>;
  listSeries(): Promise<Result<StoredSeries[]>>;
  /** Removes the series and its links not yet created; tasks already created are kept (listed). */
  removeSeries(id: string): Promise<Result<{ series: StoredSeries; cancelledLinks: number; keptTaskIds: string[] }>>;
  /** Cancels one occurrence (local date `YYYY-MM-DD`); a task already created for it is deleted. */
  cancelOccurrence(
    seriesId: string,
    date: string,
    options?: RecordOptions,
  ): Promise<Result<{ actions: RecordingAction[] }>>;
  /**
   * Changes a series. Occurrences not sent yet follow the new schedule (their planned links are re-planned by the
   * next runDue); occurrences already created or pending sync are kept as they are and reported, and their dates are
   * not planned a second time. A planned link the history shows was already sent (a crash before the plans were
   * saved) counts as sent.
   */
  updateSeries(id: string, patch: SeriesPatch): Promise<Result<SeriesUpdate>>;
  /**
   * Moves or lengthens one occurrence (local date `YYYY-MM-DD`): the change is kept as an override of that date, a
   * task already created for the old window is deleted, and the new window is planned, created at once when within
   * reach (with the usual "never twice" checks). A date that is not an occurrence is InvalidInput; one whose create
   * has an unknown outcome must be synced first.
   */
  editOccurrence(
    seriesId: string,
    date: string,
    patch: OccurrenceOverride,
    options?: RecordOptions,
  ): Promise<Result<OccurrenceEdit>>;
  /** Planned recordings (including created, missed and failed links still kept). */
  listPlans(): Promise<Result<PlannedRecording[]>>;
  /** Stops the recording now: the running link is stopped, later links deleted, planned ones cancelled. */
  stopRecording(recordingId: string, options?: RecordOptions): Promise<Result<RecordingAction[]>>;
  /** Deletes every link's task and cancels the planned ones. */
  deleteRecording(recordingId: string, options?: RecordOptions): Promise<Result<RecordingAction[]>>;
  /** Missed or failed links not acknowledged yet (what runDue reports as `alerts`), without running anything. */
  listAlerts(): Promise<Result<PlannedLink[]>>;
  /**
   * Marks the open alerts of these recordings (every open alert when `recordingIds` is 'all') as seen: they stop
   * being repeated. Unknown ids are an error (nothing is changed); returns the links acknowledged now.
   */
  acknowledgeAlerts(recordingIds: readonly string[] | 'all'): Promise<Result<PlannedLink[]>>;
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
  'RequestLimitExceeded',
]);
const isDeferrable = (error: AppError) => DEFERRABLE_CODES.has(error.code) || error.code.startsWith('AuthFailure');

/** Finished plans are kept this long after their end (stop/delete still find them), open alerts longer. */
const KEEP_DONE_SECONDS = 7 * 86_400;
const KEEP_ALERTS_SECONDS = 90 * 86_400;
const ACTIVE: ReadonlySet<PlannedLink['status']> = new Set(['planned', 'pending-sync']);

const occurrenceRecordingId = (seriesId: string, date: string) => `${seriesId}@${date}`;

const optionsOf = (recording: PlannedRecording, fallback: RecordOptions | undefined): RecordOptions => {
  const profile = recording.profile ?? fallback?.profile;
  const region = recording.region ?? fallback?.region;
  return { ...(profile ? { profile } : {}), ...(region ? { region } : {}) };
};

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { clock, recorder, history, plans } = deps;
  // Wrapped: reading the export at construction would load node:crypto in commands that only read (build/build.mjs).
  const newId = deps.newId ?? (() => randomUUID());

  interface RunContext {
    now: number;
    /** The history as of this run, kept current with the entries this run creates. */
    entries: HistoryEntry[];
    fallback: RecordOptions | undefined;
  }

  async function loadEntries(): Promise<Result<HistoryEntry[]>> {
    return history.list();
  }

  function event(
    kind: LinkEventKind,
    recording: PlannedRecording,
    link: PlannedLink,
    extra: Partial<LinkEvent> = {},
  ): LinkEvent {
    return {
      kind,
      recordingId: recording.recordingId,
      seriesId: recording.seriesId,
      occurrenceDate: recording.occurrenceDate,
      stream: recording.stream,
      link: { ...link },
      lateBySeconds: 0,
      entry: null,
      error: null,
      ...extra,
    };
  }

  function setLink(link: PlannedLink, patch: Partial<PlannedLink>, now: number): void {
    Object.assign(link, patch, { updatedAt: now });
  }

  /** Tags a created (or unknown) entry with its recording so history, stop and delete see the chain as one. */
  async function tag(entry: HistoryEntry, recording: PlannedRecording): Promise<HistoryEntry> {
    const updated = await history.update(entry.id, {
      recordingId: recording.recordingId,
      seriesId: recording.seriesId,
    });
    return updated.ok ? updated.value : entry;
  }

  /** Moves one link forward if it can; returns what happened, or null when nothing did (not due, already done). */
  async function processLink(
    recording: PlannedRecording,
    link: PlannedLink,
    context: RunContext,
  ): Promise<LinkEvent | null> {
    if (!ACTIVE.has(link.status)) return null;
    const { now } = context;
    const covering = coveringEntry(context.entries, recording.stream, link);
    if (covering) {
      if (covering.status === 'unknown') {
        if (link.status === 'pending-sync' && link.historyId === covering.id) return null; // Still waiting for sync.
        setLink(link, { status: 'pending-sync', historyId: covering.id, error: covering.error }, now);
        return event('pending-sync', recording, link, { entry: covering, error: covering.error });
      }
      setLink(link, { status: 'created', taskId: covering.taskId, historyId: covering.id, error: null }, now);
      if (covering.recordingId == null) await tag(covering, recording);
      return event('adopted', recording, link, { entry: covering });
    }
    // A pending link whose unknown create sync found never happened is planned again: never missed.
    if (link.status === 'pending-sync') setLink(link, { status: 'planned', historyId: null }, now);
    if (link.endTime <= now) {
      const error = link.error ?? {
        code: ScheduleErrorCode.Missed,
        message:
          'Its window ended before Taper could create the task (the app was not running, or creating failed until then).',
      };
      setLink(
        link,
        { status: 'missed', error: { ...error, code: ScheduleErrorCode.Missed, message: `Missed: ${error.message}` } },
        now,
      );
      return event('missed', recording, link, { error: link.error });
    }
    if (!withinReach(link, now)) return null;

    const options = optionsOf(recording, context.fallback);
    if (deps.describe) {
      const listed = await deps.describe(
        { startTime: Math.max(link.startTime, now) - 60, endTime: link.endTime, ...recording.stream },
        options,
      );
      const found = listed.ok ? coveringTask(listed.value, recording.stream, link, now) : null;
      if (found) {
        setLink(link, { status: 'created', taskId: found.taskId, historyId: null, error: null }, now);
        return event('adopted', recording, link);
      }
      // A failed describe does not block: the history check above already rules out Taper's own attempts.
    }
    const late = link.startTime <= now;
    const request: RecordRequest = {
      ...recording.stream,
      // A window that has begun is recorded from now on: the request then carries no StartTime.
      ...(late ? {} : { startTime: link.startTime }),
      endTime: link.endTime,
      streamType: recording.streamType,
      ...(recording.templateId === null ? {} : { templateId: recording.templateId }),
      ...(recording.extension === null ? {} : { extension: recording.extension }),
    };
    const lateBySeconds = late ? now - link.startTime : 0;
    const outcome = await recorder.record(request, options);
    if (outcome.ok) {
      const entry = await tag(outcome.value.entry, recording);
      context.entries.push(entry);
      setLink(link, { status: 'created', taskId: entry.taskId, historyId: entry.id, error: null }, now);
      return event('created', recording, link, { entry, lateBySeconds });
    }
    const error = outcome.error;
    if (error.code === LocalErrorCode.UnknownOutcome) {
      const listed = await loadEntries();
      const pending = listed.ok
        ? coveringEntry(
            listed.value.filter((entry) => entry.status === 'unknown'),
            recording.stream,
            link,
          )
        : null;
      if (listed.ok) context.entries = [...listed.value];
      if (pending) await tag(pending, recording);
      setLink(link, { status: 'pending-sync', historyId: pending?.id ?? null, error }, now);
      return event('pending-sync', recording, link, { error, lateBySeconds });
    }
    if (isDeferrable(error)) {
      setLink(link, { error }, now);
      return event('deferred', recording, link, { error });
    }
    setLink(link, { status: 'failed', error }, now);
    return event('failed', recording, link, { error });
  }

  /** Turns the series' occurrences that have come within reach into planned recordings (once each). */
  function materializeSeries(document: PlansDocument, now: number): void {
    const horizon = now + MAX_START_AHEAD_SECONDS;
    for (const series of document.series) {
      if (series.coveredUntil > horizon) continue;
      for (const occurrence of occurrences(series, series.coveredUntil, horizon + 1)) {
        if (occurrence.startTime < series.coveredUntil || occurrence.startTime > horizon) continue;
        planOccurrence(document, series, occurrence, now);
      }
      series.coveredUntil = horizon + 1;
    }
  }

  /** Plans an occurrence unless its date has a recording already: one per date, never two. */
  function planOccurrence(document: PlansDocument, series: StoredSeries, occurrence: Occurrence, now: number): void {
    const recordingId = occurrenceRecordingId(series.id, occurrence.date);
    if (document.recordings.some((recording) => recording.recordingId === recordingId)) return;
    document.recordings.push(occurrenceRecording(series, occurrence, now));
  }

  /** The planned recording of one occurrence: its id is `${seriesId}@${date}`, one per date, never two. */
  function occurrenceRecording(series: StoredSeries, occurrence: Occurrence, now: number): PlannedRecording {
    const request = {
      ...series.stream,
      startTime: occurrence.startTime,
      endTime: occurrence.endTime,
      ...(series.templateId === undefined ? {} : { templateId: series.templateId }),
      ...(series.streamType === undefined ? {} : { streamType: series.streamType }),
    };
    return newRecording(occurrenceRecordingId(series.id, occurrence.date), request, {
      profile: series.profile,
      region: series.region,
      seriesId: series.id,
      occurrenceDate: occurrence.date,
      now,
    });
  }

  function newRecording(
    recordingId: string,
    request: RecordRequest & { startTime: number },
    meta: {
      profile: string | null;
      region: string | null;
      seriesId: string | null;
      occurrenceDate: string | null;
      now: number;
    },
  ): PlannedRecording {
    return {
      recordingId,
      stream: { domainName: request.domainName, appName: request.appName, streamName: request.streamName },
      startTime: request.startTime,
      endTime: request.endTime,
      templateId: request.templateId ?? null,
      streamType: request.streamType ?? 0,
      extension: request.extension ?? null,
      profile: meta.profile,
      region: meta.region,
      seriesId: meta.seriesId,
      occurrenceDate: meta.occurrenceDate,
      createdAt: meta.now,
      links: splitWindow(request.startTime, request.endTime).links.map((link) => ({
        recordingId,
        index: link.index,
        startTime: link.startTime,
        endTime: link.endTime,
        status: 'planned',
        taskId: null,
        historyId: null,
        error: null,
        updatedAt: meta.now,
      })),
    };
  }

  function prune(document: PlansDocument, now: number): void {
    document.recordings = document.recordings.filter((recording) => {
      if (recording.links.some((link) => ACTIVE.has(link.status))) return true;
      const keep = recording.links.some(isOpenAlert) ? KEEP_ALERTS_SECONDS : KEEP_DONE_SECONDS;
      return recording.endTime + keep > now;
    });
  }

  /** Runs every active link of `recordings` in start order, saving after each change. */
  async function advance(
    recordings: PlannedRecording[],
    context: RunContext,
    document: PlansDocument,
    save: (d: PlansDocument) => Promise<void>,
    stopAtFirstRefusal = false,
  ): Promise<LinkEvent[]> {
    const events: LinkEvent[] = [];
    const links = recordings
      .flatMap((recording) =>
        recording.links.filter((link) => ACTIVE.has(link.status)).map((link) => ({ recording, link })),
      )
      .sort((a, b) => a.link.startTime - b.link.startTime);
    for (const { recording, link } of links) {
      const happened = await processLink(recording, link, context);
      if (happened) {
        events.push(happened);
        await save(document);
        // A fresh request refused on its first link (bad template, no credentials) would be refused on every link.
        if (stopAtFirstRefusal && events.length === 1 && (happened.kind === 'failed' || happened.kind === 'deferred'))
          break;
      }
    }
    return events;
  }

  function checkRequest(request: RecordRequest, now: number): Result<{ startTime: number; endTime: number }> {
    // Names, type and template by the record rules; the window's length and distance are ours to handle.
    const probe = { ...request, startTime: undefined, endTime: now + 3_600 };
    const problems = validateRecordRequest(probe, now).filter(
      (problem) => problem.field !== 'startTime' && problem.field !== 'endTime',
    );
    const start = request.startTime ?? now;
    if (request.startTime !== undefined && !Number.isSafeInteger(request.startTime)) {
      problems.push({
        code: 'StartTime.Invalid',
        field: 'startTime',
        message: 'The start (StartTime) must be a whole number of Unix seconds, or left out to start now.',
      });
    }
    if (!Number.isSafeInteger(request.endTime)) {
      problems.push({
        code: 'EndTime.Required',
        field: 'endTime',
        message: 'Enter the end (EndTime) as a whole number of Unix seconds.',
      });
    } else if (request.endTime <= start) {
      problems.push({ code: 'EndTime.NotAfterStart', field: 'endTime', message: 'The end must be after the start.' });
    } else if (request.endTime <= now) {
      problems.push({
        code: 'EndTime.InPast',
        field: 'endTime',
        message: 'The end is not in the future: the recording would be over before it starts.',
      });
    } else if (chainTooLong(start, request.endTime)) {
      problems.push({ code: 'Window.TooLong', field: 'endTime', message: CHAIN_TOO_LONG_MESSAGE });
    }
    if (problems.length > 0) return invalidInput(problems);
    return ok({ startTime: start, endTime: request.endTime });
  }

  async function record(request: RecordRequest, options?: RecordOptions): Promise<Result<ScheduledRecording>> {
    const now = unixSeconds(clock);
    const normalized = normalizeRecordRequest(request);
    const checked = checkRequest(normalized, now);
    if (!checked.ok) return checked;
    const recordingId = newId();
    const recording = newRecording(
      recordingId,
      { ...normalized, startTime: checked.value.startTime },
      {
        profile: options?.profile ?? null,
        region: options?.region ?? null,
        seriesId: null,
        occurrenceDate: null,
        now,
      },
    );
    const warnings = splitWindow(checked.value.startTime, checked.value.endTime).warnings;
    const context: RunContext = { now, entries: [], fallback: options };
    const summarize = (events: LinkEvent[]): ScheduledRecording => ({
      recordingId,
      created: events.flatMap((happened) => (happened.kind === 'created' && happened.entry ? [happened.entry] : [])),
      planned: recording.links.filter((link) => link.status === 'planned').map((link) => ({ ...link })),
      events,
      warnings: [
        ...warnings,
        ...events.flatMap((happened) => (happened.kind === 'created' ? lateWarning(happened) : [])),
      ],
    });

    const only = recording.links[0];
    if (recording.links.length === 1 && only && withinReach(only, now)) {
      const listed = await loadEntries();
      if (!listed.ok) return listed;
      context.entries = [...listed.value];
      // One task now, as `taper record` would: no plan to keep. The recorder's own errors are the answer.
      const happened = await processLink(recording, only, context);
      if (happened && (happened.kind === 'failed' || happened.kind === 'deferred') && happened.error)
        return { ok: false, error: happened.error };
      // This call's own create has an unknown outcome: answer it as `taper record` does (exit 4, sync resolves it).
      if (happened?.kind === 'pending-sync' && happened.entry === null && happened.error)
        return { ok: false, error: happened.error };
      return ok(summarize(happened ? [happened] : []));
    }

    // Stored before any link is created: a crash halfway must leave the later links planned, not forgotten.
    return plans.transact<ScheduledRecording>(async (document, save) => {
      document.recordings.push(recording);
      await save(document);
      // Read under the plans lock: another process's run that held it before us has written its entries by now.
      const listed = await loadEntries();
      if (!listed.ok) {
        document.recordings = document.recordings.filter((kept) => kept.recordingId !== recordingId);
        return { document, result: listed as Result<ScheduledRecording> };
      }
      context.entries = [...listed.value];
      const events = await advance([recording], context, document, save, true);
      const first = events[0];
      const anythingSent = recording.links.some((link) => link.status === 'created' || link.status === 'pending-sync');
      if (first && (first.kind === 'failed' || first.kind === 'deferred') && !anythingSent) {
        // Refused outright (e.g. a template that does not exist): every link would be. Keep nothing of it.
        document.recordings = document.recordings.filter((kept) => kept.recordingId !== recordingId);
        return {
          document,
          result: {
            ok: false,
            error: first.error ?? { code: LocalErrorCode.InvalidInput, message: 'refused' },
          } as Result<ScheduledRecording>,
        };
      }
      return { document, result: ok(summarize(events)) };
    });
  }

  function lateWarning(happened: LinkEvent): Warning[] {
    if (happened.lateBySeconds <= 0) return [];
    return [
      {
        code: 'Schedule.Late',
        message: `Link ${happened.link.index + 1} began ${happened.lateBySeconds} s ago; it records from now on.`,
      },
    ];
  }

  async function runDue(options?: RecordOptions): Promise<Result<DueReport>> {
    const ran = await plans.transact(async (document, save) => {
      const now = unixSeconds(clock);
      materializeSeries(document, now);
      await save(document);
      // Read under the plans lock, so a run that held it before us is seen with everything it created.
      const listed = await loadEntries();
      if (!listed.ok) return { document, result: listed as Result<DueReport> };
      const context: RunContext = { now, entries: [...listed.value], fallback: options };
      const events = await advance(document.recordings, context, document, save);
      prune(document, now);
      const links = document.recordings.flatMap((recording) => recording.links);
      const report: DueReport = {
        events,
        newAlerts: events.filter((happened) => happened.kind === 'missed' || happened.kind === 'failed'),
        alerts: links.filter(isOpenAlert).map((link) => ({ ...link })),
        plannedCount: links.filter((link) => link.status === 'planned').length,
        ranAt: now,
      };
      return { document, result: ok(report) };
    });
    return ran;
  }

  async function addSeries(
    input: NewSeries,
    options?: RecordOptions,
  ): Promise<Result<{ series: StoredSeries; warnings: Warning[] }>> {
    const now = unixSeconds(clock);
    const stream = normalizeRecordRequest({ ...input.stream, endTime: now + 3_600 });
    const series: Series = {
      ...input,
      id: newId(),
      name: input.name?.trim() || stream.streamName,
      stream: { domainName: stream.domainName, appName: stream.appName, streamName: stream.streamName },
      cancelledDates: input.cancelledDates ?? [],
    };
    const streamProblems = validateRecordRequest(
      {
        ...stream,
        ...(input.templateId === undefined ? {} : { templateId: input.templateId }),
        ...(input.streamType === undefined ? {} : { streamType: input.streamType }),
      },
      now,
    ).filter((problem) => problem.field !== 'startTime' && problem.field !== 'endTime');
    const problems: (SeriesProblem | (typeof streamProblems)[number])[] = [
      ...streamProblems,
      ...validateSeries(series),
    ];
    if (problems.length > 0) return invalidInput(problems);
    return plans.transact(async (document) => {
      const stored: StoredSeries = {
        ...series,
        // An occurrence already running when the series is added is recorded for the rest of it.
        coveredUntil: now - series.durationSeconds + 1,
        profile: options?.profile ?? null,
        region: options?.region ?? null,
        createdAt: now,
      };
      const warnings = seriesOverlaps(stored, document.series, now);
      document.series.push(stored);
      return { document, result: ok({ series: stored, warnings }) };
    });
  }

  /** Overlap rules apply to whole series: another series on the same stream sharing time in the next four weeks. */
  function seriesOverlaps(added: StoredSeries, existing: readonly StoredSeries[], now: number): Warning[] {
    return seriesOverlapWarnings(added, existing, now);
  }

  async function removeSeries(id: string) {
    return plans.transact(async (document) => {
      const series = document.series.find((candidate) => candidate.id === id);
      if (!series)
        return {
          document,
          result: seriesNotFound<{ series: StoredSeries; cancelledLinks: number; keptTaskIds: string[] }>(id),
        };
      let cancelledLinks = 0;
      const keptTaskIds: string[] = [];
      document.series = document.series.filter((candidate) => candidate.id !== id);
      document.recordings = document.recordings.filter((recording) => {
        if (recording.seriesId !== id) return true;
        for (const link of recording.links) {
          if (link.status === 'planned') cancelledLinks += 1;
          if (link.taskId) keptTaskIds.push(link.taskId);
        }
        // Created and pending links stay listed so their tasks can still be stopped as one recording.
        return recording.links.some((link) => link.taskId !== null || link.status === 'pending-sync');
      });
      for (const recording of document.recordings) {
        if (recording.seriesId === id)
          for (const link of recording.links) if (link.status === 'planned') link.status = 'cancelled';
      }
      return { document, result: ok({ series, cancelledLinks, keptTaskIds }) };
    });
  }

  async function cancelOccurrence(
    seriesId: string,
    date: string,
    options?: RecordOptions,
  ): Promise<Result<{ actions: RecordingAction[] }>> {
    if (parseDate(date) === null) return invalidRequest(`"${date}" is not a date YYYY-MM-DD.`);
    const changed = await plans.transact(async (document) => {
      const series = document.series.find((candidate) => candidate.id === seriesId);
      if (!series) return { document, result: seriesNotFound(seriesId) };
      if (!series.cancelledDates.includes(date)) series.cancelledDates = [...series.cancelledDates, date].sort();
      return { document, result: ok(undefined) };
    });
    if (!changed.ok) return changed;
    const removed = await deleteRecording(occurrenceRecordingId(seriesId, date), options);
    // An occurrence not planned yet has nothing to delete: the cancelled date keeps it from ever being planned.
    if (!removed.ok && removed.error.code === ScheduleErrorCode.NotFound) return ok({ actions: [] });
    return removed.ok ? ok({ actions: removed.value }) : removed;
  }

  /** The series with `patch` kept as the override of `date`, its old and new window; InvalidInput when it may not be. */
  function occurrenceChange(
    series: StoredSeries,
    date: string,
    patch: OccurrenceOverride,
    now: number,
  ): Result<{ next: StoredSeries; before: Occurrence; after: Occurrence }> {
    const why = notAnOccurrence(series, date);
    if (why !== null) return invalidRequest(why);
    const before = occurrenceOn(series, date);
    if (before === null)
      return invalidRequest(`The series ${series.id} cannot be read: ${problemsText(validateSeries(series))}`);
    if (before.endTime <= now) return invalidRequest(`The occurrence of ${date} is already over.`);
    // Fields equal to the series' own are dropped: an occurrence moved back to the usual time is no longer "changed".
    const merged: OccurrenceOverride = {
      ...series.overrides?.[date],
      ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    };
    const override: OccurrenceOverride = {
      ...(merged.startWallTime === undefined || merged.startWallTime === series.startWallTime
        ? {}
        : { startWallTime: merged.startWallTime }),
      ...(merged.durationSeconds === undefined || merged.durationSeconds === series.durationSeconds
        ? {}
        : { durationSeconds: merged.durationSeconds }),
    };
    // Overrides of dates two weeks gone no longer matter: dropped so the list stays short.
    const oldest = localDate(now - 14 * 86_400, series.timeZone);
    const overrides = Object.fromEntries(
      Object.entries({ ...series.overrides, [date]: override }).filter(
        ([day, value]) => day >= oldest && (value.startWallTime !== undefined || value.durationSeconds !== undefined),
      ),
    );
    const next: StoredSeries = { ...series, overrides };
    if (Object.keys(overrides).length === 0) delete next.overrides;
    const problems = validateSeries(next);
    if (problems.length > 0) return invalidInput(problems);
    const after = occurrenceOn(next, date) as Occurrence;
    if (after.endTime <= now) return invalidRequest(`The new window of ${date} would already be over.`);
    return ok({ next, before, after });
  }

  async function editOccurrence(
    seriesId: string,
    date: string,
    patch: OccurrenceOverride,
    options?: RecordOptions,
  ): Promise<Result<OccurrenceEdit>> {
    if (patch.startWallTime === undefined && patch.durationSeconds === undefined)
      return invalidRequest('Nothing to change: give a start time and/or a length.');
    const read = await plans.read();
    if (!read.ok) return read;
    const current = read.value.series.find((candidate) => candidate.id === seriesId);
    if (!current) return seriesNotFound(seriesId);
    const checked = occurrenceChange(current, date, patch, unixSeconds(clock));
    if (!checked.ok) return checked;
    const { before, after } = checked.value;
    if (before.startTime === after.startTime && before.endTime === after.endTime) {
      return ok({ moved: true, series: current, occurrence: before, actions: [], events: [], warnings: [] });
    }
    const recordingId = occurrenceRecordingId(seriesId, date);
    const old = read.value.recordings.find((recording) => recording.recordingId === recordingId);
    if (old?.links.some((link) => link.status === 'pending-sync')) {
      return err(
        LocalErrorCode.UnknownOutcome,
        `The task of ${date} has an unknown outcome: run taper sync, then change the occurrence.`,
      );
    }
    // The old window goes first, as cancelOccurrence does: planned links cancelled, created tasks deleted.
    const removed = await deleteRecording(recordingId, options);
    if (!removed.ok && removed.error.code !== ScheduleErrorCode.NotFound) return removed;
    const actions = removed.ok ? removed.value : [];
    // A task that could not be deleted still records the old window: moving now would record the show twice.
    if (actions.some((action) => action.error !== null))
      return ok({ moved: false, series: current, occurrence: before, actions, events: [], warnings: [] });

    const edited = await plans.transact(async (document, save) => {
      const now = unixSeconds(clock);
      const series = document.series.find((candidate) => candidate.id === seriesId);
      if (!series) return { document, result: seriesNotFound<OccurrenceEdit>(seriesId) };
      // Checked again under the lock: the series may have changed since it was read.
      const change = occurrenceChange(series, date, patch, now);
      if (!change.ok) return { document, result: change };
      const { next, after: occurrence } = change.value;
      document.series = document.series.map((candidate) => (candidate.id === seriesId ? next : candidate));
      document.recordings = document.recordings.filter((recording) => recording.recordingId !== recordingId);
      const warnings = occurrenceOverlapWarnings(next, occurrence, document.series);
      const result = (events: LinkEvent[], extra: Warning[] = []) =>
        ok<OccurrenceEdit>({
          moved: true,
          series: next,
          occurrence,
          actions,
          events,
          warnings: [...warnings, ...extra],
        });
      if (occurrence.startTime > now + MAX_START_AHEAD_SECONDS) {
        // Beyond reach: materializeSeries plans it when its time comes (coveredUntil must not have passed it).
        next.coveredUntil = Math.min(next.coveredUntil, occurrence.startTime);
        return { document, result: result([]) };
      }
      const recording = occurrenceRecording(next, occurrence, now);
      document.recordings.push(recording);
      await save(document);
      // Read after the old task was deleted and under the plans lock, so the covering check sees it gone.
      const listed = await loadEntries();
      if (!listed.ok)
        return {
          document,
          result: result(
            [],
            [
              {
                code: listed.error.code,
                message: `Not created yet (${listed.error.message}); the app or taper sync creates it.`,
              },
            ],
          ),
        };
      const events = await advance([recording], { now, entries: [...listed.value], fallback: options }, document, save);
      return { document, result: result(events) };
    });
    return edited;
  }

  async function updateSeries(id: string, patch: SeriesPatch): Promise<Result<SeriesUpdate>> {
    const updated = await plans.transact(async (document) => {
      const current = document.series.find((candidate) => candidate.id === id);
      if (!current) return { document, result: seriesNotFound<SeriesUpdate>(id) };
      const now = unixSeconds(clock);
      const { templateId, name, ...schedule } = patch;
      const next: StoredSeries = {
        ...current,
        ...Object.fromEntries(Object.entries(schedule).filter(([, value]) => value !== undefined)),
      };
      if (templateId === null) delete next.templateId;
      else if (templateId !== undefined) next.templateId = templateId;
      if (name !== undefined) next.name = name.trim() || current.stream.streamName;
      const streamProblems = validateRecordRequest(
        {
          ...current.stream,
          endTime: now + 3_600,
          ...(next.templateId === undefined ? {} : { templateId: next.templateId }),
        },
        now,
      ).filter((problem) => problem.field !== 'startTime' && problem.field !== 'endTime');
      const problems = [...streamProblems, ...validateSeries(next)];
      if (problems.length > 0)
        return {
          document,
          result: invalidInput<SeriesUpdate>(problems),
        };
      // Read under the plans lock: a link created by a run that held it before us is in the history by now.
      const listed = await loadEntries();
      if (!listed.ok) return { document, result: listed as Result<SeriesUpdate> };

      const cancelled = new Set(next.cancelledDates);
      const kept: KeptOccurrence[] = [];
      let replanned = 0;
      document.recordings = document.recordings.filter((recording) => {
        if (recording.seriesId !== id || recording.occurrenceDate === null || cancelled.has(recording.occurrenceDate))
          return true;
        const notSent = recording.links.every(
          (link) => link.status === 'planned' && coveringEntry(listed.value, recording.stream, link) === null,
        );
        // A window that ended unsent is left for runDue to report as missed: editing must not hide an alert.
        if (notSent && recording.endTime > now) {
          replanned += 1;
          return false;
        }
        const sent = recording.links.map((link) => ({
          link,
          entry: link.status === 'planned' ? coveringEntry(listed.value, recording.stream, link) : null,
        }));
        const pending = sent.some(({ link, entry }) => link.status === 'pending-sync' || entry?.status === 'unknown');
        const taskIds = sent.flatMap(({ link, entry }) =>
          link.taskId ? [link.taskId] : entry?.taskId ? [entry.taskId] : [],
        );
        // Only what has not ended yet is news to the user; finished occurrences are simply history.
        if ((pending || taskIds.length > 0) && recording.endTime > now) {
          kept.push({
            date: recording.occurrenceDate,
            recordingId: recording.recordingId,
            startTime: recording.startTime,
            endTime: recording.endTime,
            taskIds,
            status: pending ? 'pending-sync' : 'created',
          });
        }
        return true;
      });
      // Plan again from now; dates that still have a recording are skipped, so a kept task is never doubled. An
      // occurrence of the new schedule already running (a lengthened one too, however long ago it began) is recorded
      // for the rest; one that has ended under the new schedule was never planned, so it is no missed alert.
      next.coveredUntil = Math.min(current.coveredUntil, now + 1);
      for (const occurrence of occurrences(next, now, now + 1)) planOccurrence(document, next, occurrence, now);
      document.series = document.series.map((candidate) => (candidate.id === id ? next : candidate));
      const warnings = seriesOverlaps(
        next,
        document.series.filter((candidate) => candidate.id !== id),
        now,
      );
      return { document, result: ok({ series: next, replanned, kept, warnings }) };
    });
    return updated;
  }

  async function actOnRecording(
    recordingId: string,
    mode: 'stop' | 'delete',
    options?: RecordOptions,
  ): Promise<Result<RecordingAction[]>> {
    const now = unixSeconds(clock);
    const actions: RecordingAction[] = [];
    const handledTasks = new Set<string>();

    // Links not created yet are cancelled first, under the plans lock: a runDue that held it has finished creating, and
    // none can create a link of this recording afterwards. So the history and plans read below show every task made.
    const cancelled = await plans.transact(async (document) => {
      const stored = document.recordings.find((candidate) => candidate.recordingId === recordingId);
      const indexes: number[] = [];
      for (const link of stored?.links ?? []) {
        if (link.status === 'planned') {
          Object.assign(link, { status: 'cancelled', updatedAt: now });
          indexes.push(link.index);
        }
      }
      return { document, result: ok({ recording: stored ? structuredClone(stored) : undefined, indexes }) };
    });
    if (!cancelled.ok) return cancelled;
    const { recording } = cancelled.value;
    const listed = await loadEntries();
    if (!listed.ok) return listed;
    const entries = listed.value.filter((entry) => entry.recordingId === recordingId || entry.id === recordingId);
    if (!recording && entries.length === 0) return recordingNotFound([recordingId]);
    for (const index of cancelled.value.indexes)
      actions.push({ index, taskId: null, action: 'cancelled', error: null });

    const targets = [
      ...entries.map((entry) => ({
        index: recording?.links.find((link) => link.historyId === entry.id)?.index ?? -1,
        taskId: entry.taskId,
        status: entry.status,
        startTime: entry.startTime ?? entry.createdAt,
        historyId: entry.id,
      })),
      // Links adopted from the platform have no history entry of ours.
      ...(recording?.links ?? [])
        .filter((link) => link.taskId !== null && !entries.some((entry) => entry.taskId === link.taskId))
        .map((link) => ({
          index: link.index,
          taskId: link.taskId,
          status: 'scheduled' as const,
          startTime: link.startTime,
          historyId: null,
        })),
    ].sort((a, b) => a.startTime - b.startTime);

    for (const target of targets) {
      if (target.taskId === null || handledTasks.has(target.taskId)) {
        if (target.taskId === null && target.status === 'unknown') {
          actions.push({
            index: target.index,
            taskId: null,
            action: 'skipped',
            error: {
              code: LocalErrorCode.UnknownOutcome,
              message: 'Its create has an unknown outcome; run sync, then act again.',
            },
          });
        }
        continue;
      }
      handledTasks.add(target.taskId);
      if (
        target.status === 'deleted' ||
        target.status === 'failed' ||
        (mode === 'stop' && (target.status === 'stopped' || target.status === 'finished'))
      )
        continue;
      // Stopping a chain: the running link stops (its file is kept); links that have not begun are deleted.
      const deleting = mode === 'delete' || target.startTime > now;
      const done = deleting
        ? await recorder.remove(target.historyId ?? target.taskId, options)
        : await recorder.stop(target.historyId ?? target.taskId, options);
      actions.push({
        index: target.index,
        taskId: target.taskId,
        action: deleting ? 'deleted' : 'stopped',
        error: done.ok ? null : done.error,
      });
    }
    return ok(actions);
  }

  const deleteRecording = (recordingId: string, options?: RecordOptions) =>
    actOnRecording(recordingId, 'delete', options);

  async function acknowledgeAlerts(recordingIds: readonly string[] | 'all'): Promise<Result<PlannedLink[]>> {
    const acknowledged = await plans.transact(async (document) => {
      if (recordingIds !== 'all') {
        const unknown = recordingIds.filter(
          (id) => !document.recordings.some((recording) => recording.recordingId === id),
        );
        if (unknown.length > 0)
          return {
            document,
            result: recordingNotFound<PlannedLink[]>(unknown),
          };
      }
      const now = unixSeconds(clock);
      const chosen =
        recordingIds === 'all'
          ? document.recordings
          : document.recordings.filter((recording) => recordingIds.includes(recording.recordingId));
      const links = chosen.flatMap((recording) => recording.links).filter(isOpenAlert);
      for (const link of links) link.acknowledgedAt = now;
      return { document, result: ok(links.map((link) => ({ ...link }))) };
    });
    return acknowledged;
  }

  /** A read-only view of plans.json (no lock: the file only changes by atomic rename). */
  const fromPlans =
    <T>(pick: (document: PlansDocument) => T) =>
    async (): Promise<Result<T>> => {
      const read = await plans.read();
      return read.ok ? ok(pick(read.value)) : read;
    };

  return {
    record,
    runDue,
    addSeries,
    listSeries: fromPlans((document) => document.series),
    removeSeries,
    cancelOccurrence,
    updateSeries,
    editOccurrence,
    listPlans: fromPlans((document) => document.recordings),
    stopRecording: (recordingId, options) => actOnRecording(recordingId, 'stop', options),
    deleteRecording,
    listAlerts: fromPlans((document) =>
      document.recordings.flatMap((recording) => recording.links).filter(isOpenAlert),
    ),
    acknowledgeAlerts,
  };
}
