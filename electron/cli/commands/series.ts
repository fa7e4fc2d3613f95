// taper series add|list|edit|remove|cancel|move: weekly shows whose tasks Taper keeps created as far ahead as the API allows.
import { homedir } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { parseDaysOfWeek, type IsoWeekday, type StoredSeries } from '../../../shared/schedule/index.js';
import { formatUnix, parseDuration } from '../../../shared/time/index.js';
import { chooseTimeZone } from '../time-zone-choice.js';
import type { RecordOptions } from '../../services/app-services.js';
import { createScheduleServices, type ScheduleServices } from '../../services/schedule/schedule-services.js';
import type {
  DueReport,
  LinkEvent,
  OccurrenceEdit,
  Scheduler,
  SeriesPatch,
} from '../../services/schedule/scheduler.js';
import { dataDirectory } from '../../services/storage/data-directory.js';
import type { CliContext } from '../cli-context.js';
import type { CliIo } from '../cli-io.js';
import { ExitCode, exitCodeFor } from '../exit-codes.js';
import { printJson, printWarnings, reportError } from '../output.js';
import { nameAlerts, printAlert, type NamedAlert } from './alert-line.js';
import { parseNonNegativeInteger } from '../parse-flags.js';

/** How a command reaches the scheduler; the default builds it on the CLI's services and data directory. */
export type ScheduleAccess = (context: CliContext) => Promise<ScheduleServices>;

export const defaultScheduleAccess: ScheduleAccess = async (context) => {
  const services = await context.services();
  return createScheduleServices(services, { dataDir: dataDirectory(context.io.env, process.platform, homedir()) });
};

interface AddFlags {
  domain: string;
  app: string;
  stream: string;
  days: IsoWeekday[];
  at: string;
  for: string;
  tz?: string;
  template?: number;
  mixed?: boolean;
  name?: string;
  startDate?: string;
  endDate?: string;
  profile?: string;
  region?: string;
  json?: boolean;
}

interface EditFlags {
  days?: IsoWeekday[];
  at?: string;
  for?: string;
  tz?: string;
  template?: number;
  name?: string;
  profile?: string;
  region?: string;
  json?: boolean;
}

interface MoveFlags {
  at?: string;
  for?: string;
  profile?: string;
  region?: string;
  json?: boolean;
}

interface CommonFlags {
  profile?: string;
  region?: string;
  json?: boolean;
}

function parseDays(value: string): IsoWeekday[] {
  const days = parseDaysOfWeek(value);
  if (days === null) throw new InvalidArgumentError('expected days like mon,wed,fri (or daily, weekdays, weekends).');
  return days;
}

const recordOptions = (flags: CommonFlags): RecordOptions => ({
  ...(flags.profile ? { profile: flags.profile } : {}),
  ...(flags.region ? { region: flags.region } : {}),
});

export function registerSeries(
  program: Command,
  context: CliContext,
  access: ScheduleAccess = defaultScheduleAccess,
): void {
  const series = program
    .command('series')
    .description('recurring recordings (a weekly show): tasks are kept created up to 6 days ahead');

  series
    .command('add')
    .description(
      'add a recurring recording; tasks within 6 days are created at once, later ones by the app or `taper sync`',
    )
    .requiredOption('--domain <domain>', 'push domain (DomainName)')
    .requiredOption('--app <app>', 'push path (AppName)')
    .requiredOption('--stream <stream>', 'stream name (StreamName)')
    .requiredOption('--days <days>', 'days of the week: mon,wed,fri | daily | weekdays | weekends', parseDays)
    .requiredOption('--at <HH:MM>', 'local start time in --tz, e.g. 20:00')
    .requiredOption('--for <duration>', 'length of each occurrence: 90m, 2h (at most 24h)')
    .option('--tz <zone>', 'IANA time zone of the show (default: the system zone)')
    .option('--template <id>', 'recording template id (TemplateId)', parseNonNegativeInteger)
    .option('--mixed', 'the stream is a mixed stream (StreamType 1)')
    .option('--name <name>', 'a name for the series (default: the stream name)')
    .option('--start-date <YYYY-MM-DD>', 'first date an occurrence may fall on')
    .option('--end-date <YYYY-MM-DD>', 'last date an occurrence may fall on')
    .option('--profile <name>', 'credentials profile')
    .option('--region <region>', 'region override')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: AddFlags) => {
      context.exitCode = await runAdd(flags, context, access);
    });

  series
    .command('list')
    .description('list the recurring recordings and their next occurrences')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: CommonFlags) => {
      const { scheduler } = await access(context);
      const listed = await scheduler.listSeries();
      if (!listed.ok) return void (context.exitCode = reportError(context.io, listed.error, flags.json === true));
      if (flags.json) printJson(context.io, listed.value.map(publicSeries));
      else if (listed.value.length === 0) context.io.stdout('No series.\n');
      else for (const item of listed.value) context.io.stdout(describeSeries(item));
      context.exitCode = ExitCode.Ok;
    });

  series
    .command('edit <id>')
    .description('change a series; occurrences not created yet follow the new schedule, created ones are kept (listed)')
    .option('--days <days>', 'days of the week: mon,wed,fri | daily | weekdays | weekends', parseDays)
    .option('--at <HH:MM>', 'local start time in --tz, e.g. 20:00')
    .option('--for <duration>', 'length of each occurrence: 90m, 2h (at most 24h)')
    .option('--tz <zone>', 'IANA time zone of the show')
    .option('--template <id>', 'recording template id (TemplateId)', parseNonNegativeInteger)
    .option('--name <name>', 'a name for the series')
    .option('--profile <name>', 'credentials profile for the tasks created right after')
    .option('--region <region>', 'region override')
    .option('--json', 'print one JSON document on stdout')
    .action(async (id: string, flags: EditFlags) => {
      context.exitCode = await runEdit(id, flags, context, access);
    });

  series
    .command('remove <id>')
    .description('remove a series; its tasks not created yet are cancelled, created ones are kept (taper delete them)')
    .option('--json', 'print one JSON document on stdout')
    .action(async (id: string, flags: CommonFlags) => {
      const { scheduler } = await access(context);
      const removed = await scheduler.removeSeries(id);
      if (!removed.ok)
        return void (context.exitCode = reportError(context.io, notFoundAsInput(removed.error), flags.json === true));
      const { cancelledLinks, keptTaskIds } = removed.value;
      if (flags.json) printJson(context.io, { id, cancelledLinks, keptTaskIds });
      else {
        context.io.stdout(`Removed series ${id}: ${cancelledLinks} planned task(s) cancelled.\n`);
        if (keptTaskIds.length > 0)
          context.io.stdout(
            `  Tasks already created are kept: ${keptTaskIds.join(', ')} (taper delete TASK_ID to remove one).\n`,
          );
      }
      context.exitCode = ExitCode.Ok;
    });

  series
    .command('cancel <id> <date>')
    .description('cancel one occurrence (its local date YYYY-MM-DD); a task already created for it is deleted')
    .option('--profile <name>', 'credentials profile')
    .option('--region <region>', 'region override')
    .option('--json', 'print one JSON document on stdout')
    .action(async (id: string, date: string, flags: CommonFlags) => {
      const { scheduler } = await access(context);
      const cancelled = await scheduler.cancelOccurrence(id, date, recordOptions(flags));
      if (!cancelled.ok)
        return void (context.exitCode = reportError(context.io, notFoundAsInput(cancelled.error), flags.json === true));
      const failed = cancelled.value.actions.find((action) => action.error !== null);
      if (flags.json) printJson(context.io, { id, date, actions: cancelled.value.actions });
      else
        context.io.stdout(
          `Cancelled ${date} of series ${id}${cancelled.value.actions.some((action) => action.action === 'deleted') ? ' (its task was deleted)' : ''}.\n`,
        );
      context.exitCode = failed?.error ? reportError(context.io, failed.error, false) : ExitCode.Ok;
    });

  series
    .command('move <id> <date>')
    .description(
      'move or lengthen one occurrence (its local date YYYY-MM-DD); a task already created for it is replaced',
    )
    .option('--at <HH:MM>', 'new local start time that day, e.g. 21:30')
    .option('--for <duration>', 'new length of that occurrence: 90m, 2h (at most 24h)')
    .option('--profile <name>', 'credentials profile')
    .option('--region <region>', 'region override')
    .option('--json', 'print one JSON document on stdout')
    .action(async (id: string, date: string, flags: MoveFlags) => {
      context.exitCode = await runMove(id, date, flags, context, access);
    });
}

async function runMove(
  id: string,
  date: string,
  flags: MoveFlags,
  context: CliContext,
  access: ScheduleAccess,
): Promise<number> {
  const { io } = context;
  const json = flags.json === true;
  const duration = flags.for === undefined ? undefined : parseDuration(flags.for);
  if (duration && !duration.ok)
    return reportError(
      io,
      { code: LocalErrorCode.InvalidInput, message: `--for ${JSON.stringify(flags.for)}: ${duration.message}` },
      json,
    );
  if (flags.at === undefined && duration === undefined)
    return reportError(
      io,
      { code: LocalErrorCode.InvalidInput, message: 'Nothing to change: give --at and/or --for.' },
      json,
    );
  const { scheduler } = await access(context);
  const moved = await scheduler.editOccurrence(
    id,
    date,
    {
      ...(flags.at === undefined ? {} : { startWallTime: flags.at.trim().padStart(5, '0') }),
      ...(duration?.ok ? { durationSeconds: duration.seconds } : {}),
    },
    recordOptions(flags),
  );
  if (!moved.ok) return reportError(io, notFoundAsInput(moved.error), json);
  const edit = moved.value;
  const failed = edit.actions.find((action) => action.error !== null);
  if (json) printJson(io, publicMove(id, date, edit));
  else printMove(io, id, date, edit);
  if (failed?.error) return reportError(io, failed.error, false);
  return eventsExitCode(edit.events);
}

function printMove(io: CliIo, id: string, date: string, edit: OccurrenceEdit): void {
  const { occurrence, series } = edit;
  const deleted = edit.actions
    .filter((action) => action.action === 'deleted' && action.error === null)
    .map((action) => action.taskId);
  if (!edit.moved) {
    io.stdout(
      `Not moved: ${date} of series ${id} keeps ${formatUnix(occurrence.startTime, series.timeZone)}; its task could not be deleted.\n`,
    );
    return;
  }
  io.stdout(
    `Moved ${date} of series ${id}: ${formatUnix(occurrence.startTime, series.timeZone)} for ${formatLength(occurrence.endTime - occurrence.startTime)}.\n`,
  );
  if (deleted.length > 0) io.stdout(`  Task of the old window deleted: ${deleted.join(', ')}.\n`);
  const created = edit.events
    .filter((happened) => happened.kind === 'created' || happened.kind === 'adopted')
    .map((happened) => happened.link.taskId);
  if (created.length > 0) io.stdout(`  Task for the new window: ${created.join(', ')}.\n`);
  else if (edit.events.length === 0)
    io.stdout('  Planned: its task is created once it is within 6 days (by the app or taper sync).\n');
  printWarnings(io, edit.warnings);
  for (const happened of edit.events) {
    if (happened.kind !== 'created' && happened.kind !== 'adopted')
      io.stderr(
        `warning [${happened.error?.code ?? happened.kind}]: the task for the new window is ${happened.kind}: ${happened.error?.message ?? ''}\n`,
      );
  }
}

function publicMove(id: string, date: string, edit: OccurrenceEdit) {
  const { occurrence } = edit;
  return {
    id,
    date,
    moved: edit.moved,
    occurrence: {
      startTime: occurrence.startTime,
      endTime: occurrence.endTime,
      dst: occurrence.dst,
      changed: occurrence.changed,
    },
    actions: edit.actions,
    events: edit.events.map(publicEvent),
    warnings: edit.warnings,
  };
}

async function runAdd(flags: AddFlags, context: CliContext, access: ScheduleAccess): Promise<number> {
  const { io } = context;
  const json = flags.json === true;
  const duration = parseDuration(flags.for);
  if (!duration.ok)
    return reportError(
      io,
      { code: LocalErrorCode.InvalidInput, message: `--for ${JSON.stringify(flags.for)}: ${duration.message}` },
      json,
    );
  const zone = chooseTimeZone(flags.tz, io.env);
  if (!zone.ok) return reportError(io, zone.error, json);
  const timeZone = zone.value;
  const { scheduler } = await access(context);
  const options = recordOptions(flags);
  const added = await scheduler.addSeries(
    {
      stream: { domainName: flags.domain, appName: flags.app, streamName: flags.stream },
      daysOfWeek: flags.days,
      startWallTime: flags.at.trim().padStart(5, '0'),
      durationSeconds: duration.seconds,
      timeZone,
      ...(flags.name ? { name: flags.name } : {}),
      ...(flags.template === undefined ? {} : { templateId: flags.template }),
      ...(flags.mixed ? { streamType: 1 as const } : {}),
      ...(flags.startDate ? { startDate: flags.startDate } : {}),
      ...(flags.endDate ? { endDate: flags.endDate } : {}),
    },
    options,
  );
  if (!added.ok) return reportError(io, added.error, json);
  // Create what is within reach now, as the app would on its next tick.
  const due = await scheduler.runDue(options);
  const alerts = due.ok ? await namedDueAlerts(scheduler, due.value) : [];
  if (json) {
    printJson(io, {
      series: publicSeries(added.value.series),
      warnings: added.value.warnings,
      due: due.ok ? publicDue(due.value, alerts) : null,
      ...(due.ok ? {} : { error: due.error }),
    });
  } else {
    io.stdout(`Added series ${added.value.series.id}\n${describeSeries(added.value.series)}`);
    printWarnings(io, added.value.warnings);
    if (due.ok) printDueReport(io, due.value, false, alerts);
  }
  if (!due.ok) return json ? exitCodeFor(due.error) : reportError(io, due.error, false);
  return dueExitCode(due.value);
}

async function runEdit(id: string, flags: EditFlags, context: CliContext, access: ScheduleAccess): Promise<number> {
  const { io } = context;
  const json = flags.json === true;
  const duration = flags.for === undefined ? undefined : parseDuration(flags.for);
  if (duration && !duration.ok)
    return reportError(
      io,
      { code: LocalErrorCode.InvalidInput, message: `--for ${JSON.stringify(flags.for)}: ${duration.message}` },
      json,
    );
  const patch: SeriesPatch = {
    ...(flags.days ? { daysOfWeek: flags.days } : {}),
    ...(flags.at === undefined ? {} : { startWallTime: flags.at.trim().padStart(5, '0') }),
    ...(duration?.ok ? { durationSeconds: duration.seconds } : {}),
    ...(flags.tz === undefined ? {} : { timeZone: flags.tz }),
    ...(flags.template === undefined ? {} : { templateId: flags.template }),
    ...(flags.name === undefined ? {} : { name: flags.name }),
  };
  if (Object.keys(patch).length === 0)
    return reportError(
      io,
      {
        code: LocalErrorCode.InvalidInput,
        message: 'Nothing to change: give at least one of --days, --at, --for, --tz, --template, --name.',
      },
      json,
    );
  const { scheduler } = await access(context);
  const updated = await scheduler.updateSeries(id, patch);
  if (!updated.ok) return reportError(io, notFoundAsInput(updated.error), json);
  const { series: changed, replanned, kept, warnings } = updated.value;
  const options = recordOptions(flags);
  // Create what is within reach under the new schedule now, as after `series add`.
  const due = await scheduler.runDue(
    Object.keys(options).length > 0 ? options : changed.profile === null ? undefined : { profile: changed.profile },
  );
  const alerts = due.ok ? await namedDueAlerts(scheduler, due.value) : [];
  if (json) {
    printJson(io, {
      series: publicSeries(changed),
      replanned,
      kept,
      warnings,
      due: due.ok ? publicDue(due.value, alerts) : null,
      ...(due.ok ? {} : { error: due.error }),
    });
  } else {
    io.stdout(`Updated series ${changed.id}\n${describeSeries(changed)}`);
    io.stdout(`  ${replanned} occurrence(s) not created yet follow the new schedule.\n`);
    for (const item of kept) {
      io.stdout(
        `  kept ${item.date} (${formatUnix(item.startTime, changed.timeZone)}): ${item.status === 'created' ? item.taskIds.join(', ') : 'outcome unknown, run taper sync'}; created under the old schedule, not doubled.\n`,
      );
    }
    printWarnings(io, warnings);
    if (due.ok) printDueReport(io, due.value, false, alerts);
  }
  if (!due.ok) return json ? exitCodeFor(due.error) : reportError(io, due.error, false);
  return dueExitCode(due.value);
}

/** The exit code for a scheduler run: 0 when nothing went wrong, else the worst of its events (contract codes). */
export function dueExitCode(report: DueReport): number {
  return eventsExitCode(report.events);
}

function eventsExitCode(events: readonly LinkEvent[]): number {
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

function publicEvent(happened: LinkEvent) {
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

function publicSeries(series: StoredSeries) {
  const { coveredUntil: _covered, ...rest } = series;
  return rest;
}

const DAY_LABELS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function describeSeries(series: StoredSeries): string {
  const { domainName, appName, streamName } = series.stream;
  const days = series.daysOfWeek.map((day) => DAY_LABELS[day]).join(',');
  const cancelled = series.cancelledDates.length > 0 ? `, cancelled: ${series.cancelledDates.join(', ')}` : '';
  const changed = Object.entries(series.overrides ?? {}).map(
    ([date, override]) =>
      `${date} at ${override.startWallTime ?? series.startWallTime} for ${formatLength(override.durationSeconds ?? series.durationSeconds)}`,
  );
  const moved = changed.length > 0 ? `, changed: ${changed.join(', ')}` : '';
  return `${series.id}  ${series.name}: ${domainName}/${appName}/${streamName} ${days} at ${series.startWallTime} ${series.timeZone} for ${formatLength(series.durationSeconds)}${series.templateId === undefined ? '' : `, template ${series.templateId}`}${cancelled}${moved}\n`;
}

/** `1h30m`, `2h`, `45m`, or seconds when under a minute. */
function formatLength(seconds: number): string {
  const hours = Math.floor(seconds / 3_600);
  const minutes = Math.round((seconds % 3_600) / 60);
  return `${hours > 0 ? `${hours}h` : ''}${minutes > 0 ? `${minutes}m` : ''}` || `${seconds}s`;
}

function notFoundAsInput(error: { code: string; message: string }) {
  // An id that does not exist is the user's typo: exit 2 like an unknown task id.
  return error.code === 'Taper.Schedule.NotFound' ? { ...error, code: LocalErrorCode.TaskNotFound } : error;
}
