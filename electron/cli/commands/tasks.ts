// taper tasks: what the platform lists (DescribeRecordTask), independent of the local history.
import type { Command } from 'commander';
import { unixSeconds } from '../../../shared/clock.js';
import { formatUnix } from '../../../shared/time/index.js';
import { chooseTimeZone } from '../time-zone-choice.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';
import { parseTimeFlag } from '../time-options.js';

interface TasksFlags {
  from: string;
  until: string;
  stream?: string;
  tz?: string;
  profile?: string;
  region?: string;
  json?: boolean;
}

export function registerTasks(program: Command, context: CliContext): void {
  program
    .command('tasks')
    .description('list recording tasks on the platform (DescribeRecordTask)')
    .requiredOption(
      '--from <time>',
      'start of the search window: ISO 8601, wall time in --tz, -2d (past), +1h, or Unix seconds',
    )
    .requiredOption('--until <time>', 'end of the search window (windows over 7 days are split)')
    .option('--stream <stream>', 'only this stream name')
    .option('--tz <zone>', 'IANA time zone for wall times (default: the system zone)')
    .option('--profile <name>', 'credentials profile')
    .option('--region <region>', 'region override')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: TasksFlags) => {
      const { io } = context;
      const json = flags.json === true;
      const zone = chooseTimeZone(flags.tz, io.env);
      if (!zone.ok) return void (context.exitCode = reportError(io, zone.error, json));
      const timeZone = zone.value;
      const now = unixSeconds(io.clock);
      const from = parseTimeFlag('--from', flags.from, now, timeZone);
      if (!from.ok) return void (context.exitCode = reportError(io, from.error, json));
      const until = parseTimeFlag('--until', flags.until, now, timeZone);
      if (!until.ok) return void (context.exitCode = reportError(io, until.error, json));
      const { services } = await context.core();
      const api = await services.liveApi({
        ...(flags.profile ? { profile: flags.profile } : {}),
        ...(flags.region ? { region: flags.region } : {}),
      });
      if (!api.ok) return void (context.exitCode = reportError(io, api.error, json));
      const listed = await api.value.describeRecordTasks({
        startTime: from.value,
        endTime: until.value,
        ...(flags.stream ? { streamName: flags.stream } : {}),
      });
      if (!listed.ok) return void (context.exitCode = reportError(io, listed.error, json));
      if (json) printJson(io, listed.value);
      else if (listed.value.length === 0) io.stdout('No tasks in that window.\n');
      else {
        for (const task of listed.value) {
          const state = task.stopped ? 'stopped' : '';
          io.stdout(
            `${task.taskId}  ${task.domainName}/${task.appName}/${task.streamName}  ${formatUnix(task.startTime, timeZone)} → ${formatUnix(task.endTime, timeZone)}  ${state}\n`,
          );
        }
      }
      context.exitCode = ExitCode.Ok;
    });
}
