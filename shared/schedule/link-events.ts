// What happened to a planned link, and the reports built from it: each create attempt, adoption or miss becomes one
// event, so the app, the CLI and cron see the same story. Pure: the link runner does the calls and hands results here.
import type { StreamKey, Warning } from '../domain.js';
import type { HistoryEntry } from '../history.js';
import type { AppError } from '../result.js';
import { isOpenAlert, type PlannedLink, type PlannedRecording, type PlansDocument } from './plans.js';
import { ScheduleErrorCode } from './schedule-errors.js';

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

/** The event of `link` as it is now (a copy: later changes to the link do not rewrite what was reported). */
export function linkEvent(
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

/** Changes a link in place, stamping when: the plans are saved after every change, so the stamp dates the step. */
export function setLink(link: PlannedLink, patch: Partial<PlannedLink>, now: number): void {
  Object.assign(link, patch, { updatedAt: now });
}

/** Marks a link whose window ended unsent as missed, keeping the last reason it could not be sent. */
export function markMissed(link: PlannedLink, now: number): void {
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
}

/** A refusal of the whole attempt: the platform or validation said no, or it could not be sent now. */
export const isRefusal = (happened: LinkEvent): boolean => happened.kind === 'failed' || happened.kind === 'deferred';

/** A link that became an alert (missed or failed). */
export const isNewAlert = (happened: LinkEvent): boolean => happened.kind === 'missed' || happened.kind === 'failed';

export function lateWarning(happened: LinkEvent): Warning[] {
  if (happened.lateBySeconds <= 0) return [];
  return [
    {
      code: 'Schedule.Late',
      message: `Link ${happened.link.index + 1} began ${happened.lateBySeconds} s ago; it records from now on.`,
    },
  ];
}

/** What record() answers: the entries created now, the links left planned, and a warning per link created late. */
export function scheduledRecording(
  recording: PlannedRecording,
  events: LinkEvent[],
  splitWarnings: readonly Warning[],
): ScheduledRecording {
  return {
    recordingId: recording.recordingId,
    created: events.flatMap((happened) => (happened.kind === 'created' && happened.entry ? [happened.entry] : [])),
    planned: recording.links.filter((link) => link.status === 'planned').map((link) => ({ ...link })),
    events,
    warnings: [
      ...splitWarnings,
      ...events.flatMap((happened) => (happened.kind === 'created' ? lateWarning(happened) : [])),
    ],
  };
}

/** What runDue answers once its links are handled: the run's events, and every alert still open. */
export function dueReport(document: PlansDocument, events: LinkEvent[], now: number): DueReport {
  const links = document.recordings.flatMap((recording) => recording.links);
  return {
    events,
    newAlerts: events.filter(isNewAlert),
    alerts: links.filter(isOpenAlert).map((link) => ({ ...link })),
    plannedCount: links.filter((link) => link.status === 'planned').length,
    ranAt: now,
  };
}
