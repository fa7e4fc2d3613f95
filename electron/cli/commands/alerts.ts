// taper alerts [ack]: planned links that were missed or refused. `taper sync` repeats them on every run until the
// user acknowledges them here (or in the app); acknowledged ones stay in the plans until pruned, silently.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';
import { printAlert } from './alert-line.js';
import { defaultScheduleAccess, type ScheduleAccess } from './series.js';

export function registerAlerts(program: Command, context: CliContext, access: ScheduleAccess = defaultScheduleAccess): void {
  const alerts = program
    .command('alerts')
    .description('planned tasks that were missed or refused, repeated by `taper sync` until acknowledged')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: { json?: boolean }) => {
      const { scheduler } = await access(context);
      const listed = await scheduler.listAlerts();
      if (!listed.ok) return void (context.exitCode = reportError(context.io, listed.error, flags.json === true));
      if (flags.json) printJson(context.io, { alerts: listed.value });
      else if (listed.value.length === 0) context.io.stdout('No alerts.\n');
      else for (const link of listed.value) printAlert(context.io, link);
      context.exitCode = ExitCode.Ok;
    });

  alerts
    .command('ack [recordingIds...]')
    .description('acknowledge the alerts of these recordings (or --all): they are no longer repeated')
    .option('--all', 'acknowledge every open alert')
    .option('--json', 'print one JSON document on stdout')
    .action(async (recordingIds: string[], flags: { all?: boolean; json?: boolean }) => {
      const json = flags.json === true;
      if ((recordingIds.length === 0) === (flags.all !== true)) {
        context.io.stderr('error: give the recording id(s) to acknowledge, or --all (not both).\n');
        return void (context.exitCode = ExitCode.InvalidInput);
      }
      const { scheduler } = await access(context);
      const acknowledged = await scheduler.acknowledgeAlerts(flags.all ? 'all' : recordingIds);
      if (!acknowledged.ok) return void (context.exitCode = reportError(context.io, acknowledged.error, json));
      if (json) printJson(context.io, { acknowledged: acknowledged.value });
      else context.io.stdout(`Acknowledged ${acknowledged.value.length} alert(s).\n`);
      context.exitCode = ExitCode.Ok;
    });
}
