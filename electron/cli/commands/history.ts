// taper history [--stream S] [--status S] and taper history export: the local record, offline.
import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { TASK_STATUSES, type TaskStatus } from '../../../shared/domain.js';
import type { HistoryFilter } from '../../../shared/history.js';
import { formatUnix, systemTimeZone } from '../../../shared/time/index.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';

interface HistoryFlags {
  stream?: string;
  status?: TaskStatus;
  tz?: string;
  json?: boolean;
}

function parseStatus(value: string): TaskStatus {
  const status = TASK_STATUSES.find((known) => known === value);
  if (!status) throw new InvalidArgumentError(`expected one of ${TASK_STATUSES.join(', ')}.`);
  return status;
}

function parseFormat(value: string): 'csv' | 'json' {
  if (value !== 'csv' && value !== 'json') throw new InvalidArgumentError('expected csv or json.');
  return value;
}

export function registerHistory(program: Command, context: CliContext): void {
  const history = program
    .command('history')
    .description('every recording attempt made here, newest first (works offline)')
    .option('--stream <stream>', 'only streams whose name contains this')
    .option('--status <status>', `only this status (${TASK_STATUSES.join(', ')})`, parseStatus)
    .option('--tz <zone>', 'IANA time zone for the times shown')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: HistoryFlags) => {
      const { io } = context;
      const services = await context.services();
      const filter: HistoryFilter = { ...(flags.stream ? { stream: flags.stream } : {}), ...(flags.status ? { status: flags.status } : {}) };
      const listed = await services.history.list(filter);
      if (!listed.ok) return void (context.exitCode = reportError(io, listed.error, flags.json === true));
      if (flags.json) printJson(io, listed.value);
      else if (listed.value.length === 0) io.stdout('No recordings in the history yet.\n');
      else {
        const timeZone = flags.tz ?? io.env.TZ ?? systemTimeZone();
        for (const entry of listed.value) {
          const from = entry.startTime === null ? `now (${formatUnix(entry.createdAt, timeZone)})` : formatUnix(entry.startTime, timeZone);
          const error = entry.error && entry.status !== 'scheduled' ? `  [${entry.error.code}]` : '';
          io.stdout(`${entry.status.padEnd(9)} ${entry.domain}/${entry.app}/${entry.stream}  ${from} → ${formatUnix(entry.endTime, timeZone)}  ${entry.taskId ?? '(no TaskId)'}${error}\n`);
        }
      }
      context.exitCode = ExitCode.Ok;
    });

  history
    .command('export')
    .description('export the history as CSV or JSON')
    .requiredOption('--format <format>', 'csv or json', parseFormat)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (flags: { format: 'csv' | 'json'; out?: string }) => {
      const { io } = context;
      const services = await context.services();
      const exported = flags.format === 'csv' ? await services.history.exportCsv() : await services.history.exportJson();
      if (!exported.ok) return void (context.exitCode = reportError(io, exported.error, false));
      if (flags.out) {
        await writeFile(flags.out, exported.value);
        io.stderr(`Wrote ${flags.out}\n`);
      } else io.stdout(exported.value.endsWith('\n') ? exported.value : `${exported.value}\n`);
      context.exitCode = ExitCode.Ok;
    });
}
