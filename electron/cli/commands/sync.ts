// taper sync: statuses from the platform, tasks created elsewhere, and unknown outcomes resolved. It ends with 6 while
// unacknowledged alerts remain, so a cron job can mail on it (the alerts are on stdout).
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { defaultScheduleAccess, namedDueAlerts, printDueReport, publicDue, syncExitCode } from './series.js';
import { printJson, reportError } from '../output.js';

export function registerSync(program: Command, context: CliContext): void {
  program
    .command('sync')
    .description('update the history from DescribeRecordTask (last 90 days) and resolve unknown outcomes')
    .option('--profile <name>', 'credentials profile')
    .option('--region <region>', 'region override')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: { profile?: string; region?: string; json?: boolean }) => {
      const { io } = context;
      const services = await context.services();
      const options = { ...(flags.profile ? { profile: flags.profile } : {}), ...(flags.region ? { region: flags.region } : {}) };
      const synced = await services.sync.run(options);
      if (!synced.ok) return void (context.exitCode = reportError(io, synced.error, flags.json === true));
      const report = synced.value;
      // After the statuses are fresh: create planned links and series occurrences that came within reach (cron users).
      const { scheduler } = await defaultScheduleAccess(context);
      const due = await scheduler.runDue(options);
      const alerts = due.ok ? await namedDueAlerts(scheduler, due.value) : [];
      if (flags.json) printJson(io, { ...report, due: due.ok ? publicDue(due.value, alerts) : { error: due.error } });
      else {
        io.stdout(`Synced: ${report.updated} updated, ${report.imported} imported, ${report.resolved} unknown outcomes resolved.\n`);
        if (report.stillUnknown > 0) io.stderr(`warning: ${report.stillUnknown} attempt(s) still have an unknown outcome; run sync again shortly.\n`);
        if (due.ok) printDueReport(io, due.value, false, alerts);
      }
      if (!due.ok) return void (context.exitCode = reportError(io, due.error, false));
      context.exitCode = syncExitCode(due.value);
    });
}
