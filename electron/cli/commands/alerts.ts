// taper alerts [ack]: planned links that were missed or refused. `taper sync` repeats them on every run until the
// user acknowledges them here (or in the app); acknowledged ones stay in the plans until pruned, silently. While any is
// open, `taper alerts` ends with 6 (done, attention needed), like `taper sync`.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';
import { isOpenAlert } from '../../../shared/schedule/plans.js';
import { nameAlerts, printAlert } from './alert-line.js';
import { alertsExitCode, defaultScheduleAccess, type ScheduleAccess } from './series.js';

export function registerAlerts(program: Command, context: CliContext, access: ScheduleAccess = defaultScheduleAccess): void {
  const alerts = program
    .command('alerts')
    .description('planned tasks that were missed or refused, repeated by `taper sync` until acknowledged')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: { json?: boolean }) => {
      const { scheduler } = await access(context);
      // One read of the plans: the alerts (what listAlerts returns) and the streams they are for.
      const listed = await scheduler.listPlans();
      if (!listed.ok) return void (context.exitCode = reportError(context.io, listed.error, flags.json === true));
      const open = nameAlerts(listed.value.flatMap((recording) => recording.links).filter(isOpenAlert), listed.value);
      if (flags.json) printJson(context.io, { alerts: open });
      else if (open.length === 0) context.io.stdout('No alerts.\n');
      else for (const alert of open) printAlert(context.io, alert);
      context.exitCode = alertsExitCode(open.length);
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
