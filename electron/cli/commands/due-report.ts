// What a scheduler run did, for the user and for cron: the exit code (a contract), the lines printed, the JSON.
// Used by `taper series add`, `taper sync`, `taper import`, `taper alerts` and the task actions.
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { DueReport, LinkEvent, Scheduler } from '../../services/schedule/scheduler.js';
import type { CliIo } from '../cli-io.js';
import { ExitCode, exitCodeFor } from '../exit-codes.js';
import { printJson } from '../output.js';
import { nameAlerts, printAlert, type NamedAlert } from './alert-line.js';

/** The exit code for a scheduler run: 0 when nothing went wrong, else the worst of its events (contract codes). */
export function dueExitCode(report: DueReport): number {
  return eventsExitCode(report.events);
}

/** The worst exit code of a list of link events. */
export function eventsExitCode(events: readonly LinkEvent[]): number {
  let code: number = ExitCode.Ok;
  for (const happened of events) {
    const next =
      happened.kind === 'pending-sync'
        ? ExitCode.Unknown
        : happened.error && (happened.kind === 'failed' || happened.kind === 'deferred')
          ? exitCodeFor(happened.error)
          : happened.kind === 'missed'
            ? ExitCode.ApiRefused
            : ExitCode.Ok;
    code = worse(code, next);
  }
  return code;
}

/**
 * The exit code of `taper sync`'s scheduler run: what could not be done now comes first (credentials, unknown
 * outcomes, a network failure: the run is not complete), else 6 while unacknowledged alerts remain (missed or refused
 * links, this run's or earlier ones': the run completed, the user must look), else 0.
 */
export function syncExitCode(report: DueReport): number {
  let code: number = ExitCode.Ok;
  for (const happened of report.events) {
    if (happened.kind === 'pending-sync') code = worse(code, ExitCode.Unknown);
    else if (happened.kind === 'deferred' && happened.error) code = worse(code, exitCodeFor(happened.error));
  }
  return worse(code, alertsExitCode(report.alerts.length));
}

/** 6 while unacknowledged alerts remain (`taper alerts`, `taper sync`), else 0. */
export const alertsExitCode = (openAlerts: number): number => (openAlerts > 0 ? ExitCode.Attention : ExitCode.Ok);

const SEVERITY: readonly number[] = [
  ExitCode.Ok,
  ExitCode.Attention,
  ExitCode.ApiRefused,
  ExitCode.Failure,
  ExitCode.InvalidInput,
  ExitCode.Unknown,
  ExitCode.Credentials,
];
/** Credentials first (nothing works until fixed), then unknown outcomes (must be synced), then refusals, then alerts. */
export const worse = (a: number, b: number): number => (SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a);

/** The open alerts of a run with their streams (the report's links carry none): one more read of the plans. */
export async function namedDueAlerts(scheduler: Scheduler, report: DueReport): Promise<NamedAlert[]> {
  const plans = await scheduler.listPlans();
  return nameAlerts(report.alerts, plans.ok ? plans.value : []);
}

/** Prints what a scheduler run did (for `taper series add` and, wired by the CLI, `taper sync`). */
export function printDueReport(io: CliIo, report: DueReport, json: boolean, alerts: readonly NamedAlert[]): void {
  if (json) return printJson(io, publicDue(report, alerts));
  const created = report.events.filter((happened) => happened.kind === 'created');
  if (created.length > 0)
    io.stdout(
      `Created ${created.length} planned task(s): ${created.map((happened) => happened.link.taskId).join(', ')}\n`,
    );
  for (const happened of report.events) {
    if (happened.kind === 'created' && happened.lateBySeconds > 0)
      io.stderr(
        `warning [Schedule.Late]: ${label(happened)} began ${Math.round(happened.lateBySeconds / 60)} min ago; recording the rest.\n`,
      );
    if (happened.kind === 'pending-sync')
      io.stderr(`warning [${LocalErrorCode.UnknownOutcome}]: ${label(happened)}: outcome unknown; run taper sync.\n`);
    if (happened.kind === 'deferred')
      io.stderr(
        `warning [${happened.error?.code ?? 'deferred'}]: ${label(happened)} not created yet: ${happened.error?.message ?? ''}\n`,
      );
  }
  for (const alert of alerts) printAlert(io, alert);
  if (report.plannedCount > 0) io.stdout(`${report.plannedCount} task(s) planned for later.\n`);
}

function label(happened: LinkEvent): string {
  const { domainName, appName, streamName } = happened.stream;
  return `${domainName}/${appName}/${streamName} ${happened.occurrenceDate ?? ''} link ${happened.link.index + 1}`.replace(
    /\s+/g,
    ' ',
  );
}

/** A link event as --json prints it. */
export function publicEvent(happened: LinkEvent) {
  return {
    kind: happened.kind,
    recordingId: happened.recordingId,
    seriesId: happened.seriesId,
    occurrenceDate: happened.occurrenceDate,
    index: happened.link.index,
    startTime: happened.link.startTime,
    endTime: happened.link.endTime,
    taskId: happened.link.taskId,
    lateBySeconds: happened.lateBySeconds,
    error: happened.error,
  };
}

export function publicDue(report: DueReport, alerts: readonly NamedAlert[]) {
  return {
    ranAt: report.ranAt,
    events: report.events.map(publicEvent),
    alerts,
    plannedCount: report.plannedCount,
  };
}
