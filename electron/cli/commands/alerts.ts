// taper alerts [ack]: planned links that were missed or refused, and windows that ended with nothing or gaps. `taper sync` repeats them on every run until the
// user acknowledges them here (or in the app); acknowledged ones stay in the plans until pruned, silently. While any is
// open, `taper alerts` ends with 6 (done, attention needed), like `taper sync`.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';
import { isOpenAlert } from '../../../shared/schedule/plans.js';
import { nameAlerts, printAlert } from './alert-line.js';
import { acknowledgeOutcomeAlerts, openOutcomeAlerts } from '../../services/recording-files/outcome-alerts.js';
import { printOutcomeAlert } from './outcome-alerts.js';
import { alertsExitCode, defaultScheduleAccess, type ScheduleAccess } from './series.js';

export function registerAlerts(
  program: Command,
  context: CliContext,
  access: ScheduleAccess = defaultScheduleAccess,
): void {
  const alerts = program
    .command('alerts')
    .description(
      'planned tasks missed or refused, and windows that recorded nothing or with gaps; repeated by `taper sync` until acknowledged',
    )
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: { json?: boolean }) => {
      const { scheduler } = await access(context);
      // One read of the plans: the alerts (what listAlerts returns) and the streams they are for.
      const listed = await scheduler.listPlans();
      if (!listed.ok) return void (context.exitCode = reportError(context.io, listed.error, flags.json === true));
      const open = nameAlerts(listed.value.flatMap((recording) => recording.links).filter(isOpenAlert), listed.value);
      // Windows that ended with nothing or gaps (settled by sync), from the history.
      const entries = await (await context.core()).services.history.list();
      if (!entries.ok) return void (context.exitCode = reportError(context.io, entries.error, flags.json === true));
      const outcomes = openOutcomeAlerts(entries.value);
      if (flags.json) printJson(context.io, { alerts: open, outcomeAlerts: outcomes });
      else if (open.length === 0 && outcomes.length === 0) context.io.stdout('No alerts.\n');
      else {
        for (const alert of open) printAlert(context.io, alert);
        for (const alert of outcomes) printOutcomeAlert(context.io, alert);
      }
      context.exitCode = alertsExitCode(open.length + outcomes.length);
    });

  alerts
    .command('ack [ids...]')
    .description(
      'acknowledge the alerts of these recordings or tasks (RECORDING_ID or TASK_ID, or --all): they are no longer repeated',
    )
    .option('--all', 'acknowledge every open alert')
    .option('--json', 'print one JSON document on stdout')
    .action(async (recordingIds: string[], flags: { all?: boolean; json?: boolean }) => {
      const json = flags.json === true;
      if ((recordingIds.length === 0) === (flags.all !== true)) {
        context.io.stderr('error: give the recording id(s) to acknowledge, or --all (not both).\n');
        return void (context.exitCode = ExitCode.InvalidInput);
      }
      const { services } = await context.core();
      // Outcome alerts are named by their TaskId; what names none is a recording id, for the plans.
      const outcomes = await acknowledgeOutcomeAlerts(
        services.history,
        flags.all ? 'all' : recordingIds,
        services.clock,
      );
      if (!outcomes.ok) return void (context.exitCode = reportError(context.io, outcomes.error, json));
      const rest = flags.all ? 'all' : outcomes.value.others;
      const { scheduler } = await access(context);
      const acknowledged =
        rest === 'all' || rest.length > 0 ? await scheduler.acknowledgeAlerts(rest) : { ok: true as const, value: [] };
      if (!acknowledged.ok) return void (context.exitCode = reportError(context.io, acknowledged.error, json));
      if (json)
        printJson(context.io, { acknowledged: acknowledged.value, acknowledgedOutcomes: outcomes.value.acknowledged });
      else
        context.io.stdout(`Acknowledged ${acknowledged.value.length + outcomes.value.acknowledged.length} alert(s).\n`);
      context.exitCode = ExitCode.Ok;
    });
}
