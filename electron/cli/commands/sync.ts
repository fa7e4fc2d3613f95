// taper sync: statuses from the platform, tasks created elsewhere, unknown outcomes resolved, due links created, and
// the outcome (recorded, partial, nothing) of every window that ended settled from its files. It ends with 6 while
// unacknowledged alerts remain, so a cron job can mail on it (the alerts are on stdout).
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { settleOutcomes } from '../../services/recording-files/settle-outcomes.js';
import { filesApiFactory } from '../../services/recording-files/files-api-factory.js';
import { openOutcomeAlerts } from '../../services/recording-files/outcome-alerts.js';
import { printOutcomeAlert } from './outcome-alerts.js';
import {
  alertsExitCode,
  defaultScheduleAccess,
  namedDueAlerts,
  printDueReport,
  publicDue,
  syncExitCode,
  worse,
} from './series.js';
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
      const { services } = await context.core();
      const options = {
        ...(flags.profile ? { profile: flags.profile } : {}),
        ...(flags.region ? { region: flags.region } : {}),
      };
      const synced = await services.sync.run(options);
      if (!synced.ok) return void (context.exitCode = reportError(io, synced.error, flags.json === true));
      const report = synced.value;
      // After the statuses are fresh: create planned links and series occurrences that came within reach (cron users).
      const { scheduler } = await defaultScheduleAccess(context);
      const due = await scheduler.runDue(options);
      const alerts = due.ok ? await namedDueAlerts(scheduler, due.value) : [];
      // Then the windows that ended: their files and pushes settle each one's outcome, stored in the history.
      const { getProxyForUrl } = await import('proxy-from-env');
      const settled = await settleOutcomes({
        history: services.history,
        filesApiFor: await filesApiFactory(services, getProxyForUrl),
        clock: services.clock,
      });
      const entries = await services.history.list();
      const outcomeAlerts = entries.ok ? openOutcomeAlerts(entries.value) : [];
      const outcomes = settled.ok
        ? {
            ...settled.value,
            problems: settled.value.problems.map(({ code, message }) => ({ code, message })),
            alerts: outcomeAlerts,
          }
        : { error: settled.error, alerts: outcomeAlerts };
      if (flags.json)
        printJson(io, { ...report, due: due.ok ? publicDue(due.value, alerts) : { error: due.error }, outcomes });
      else {
        io.stdout(
          `Synced: ${report.updated} updated, ${report.imported} imported, ${report.resolved} unknown outcomes resolved.\n`,
        );
        if (report.stillUnknown > 0)
          io.stderr(
            `warning: ${report.stillUnknown} attempt(s) still have an unknown outcome; run sync again shortly.\n`,
          );
        if (due.ok) printDueReport(io, due.value, false, alerts);
        if (settled.ok) {
          const { settled: count, recorded, partial, nothing, pending, problems } = settled.value;
          if (count + pending > 0)
            io.stdout(
              `Outcomes: ${count} settled (${recorded} recorded, ${partial} partial, ${nothing} nothing), ${pending} not yet.\n`,
            );
          for (const problem of problems) io.stderr(`warning [${problem.code}]: ${problem.message}\n`);
        } else io.stderr(`warning [${settled.error.code}]: outcomes were not settled: ${settled.error.message}\n`);
        for (const alert of outcomeAlerts) printOutcomeAlert(io, alert);
      }
      if (!due.ok) return void (context.exitCode = reportError(io, due.error, false));
      context.exitCode = worse(syncExitCode(due.value), alertsExitCode(outcomeAlerts.length));
    });
}
