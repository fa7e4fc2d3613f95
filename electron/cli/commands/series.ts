// taper series add|list|edit|remove|cancel|move: weekly shows whose tasks Taper keeps created as far ahead as the API allows.
import { InvalidArgumentError, type Command } from 'commander';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { parseDaysOfWeek, type IsoWeekday, type StoredSeries } from '../../../shared/schedule/index.js';
import { formatUnix, parseDuration } from '../../../shared/time/index.js';
import { chooseTimeZone } from '../time-zone-choice.js';
import type { SeriesPatch } from '../../services/schedule/scheduler.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode, exitCodeFor } from '../exit-codes.js';
import { printJson, printWarnings, reportError } from '../output.js';
import { parseNonNegativeInteger } from '../parse-flags.js';
import { dueExitCode, namedDueAlerts, printDueReport, publicDue } from './due-report.js';
import {
  defaultScheduleAccess,
  notFoundAsInput,
  accountOptions,
  type CommonFlags,
  type ScheduleAccess,
} from './schedule-access.js';
import { formatLength, runMove, type MoveFlags } from './series-move.js';

// Re-exported: the other commands and the tests import them from here.
export { defaultScheduleAccess, type ScheduleAccess } from './schedule-access.js';
export {
  alertsExitCode,
  dueExitCode,
  namedDueAlerts,
  printDueReport,
  publicDue,
  syncExitCode,
  worse,
} from './due-report.js';

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

function parseDays(value: string): IsoWeekday[] {
  const days = parseDaysOfWeek(value);
  if (days === null) throw new InvalidArgumentError('expected days like mon,wed,fri (or daily, weekdays, weekends).');
  return days;
}

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
      const cancelled = await scheduler.cancelOccurrence(id, date, accountOptions(flags));
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
  const options = accountOptions(flags);
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
  const options = accountOptions(flags);
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
