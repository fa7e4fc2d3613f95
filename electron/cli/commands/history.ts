// taper history [--stream S] [--status S] and taper history export: the local record, offline. The list also shows
// the links the plans hold that have no task yet (planned beyond reach, missed), so every recording is visible.
import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type { HistoryFilter } from '../../../shared/history.js';
import type { PlannedRecording } from '../../../shared/schedule/plans.js';
import { formatUnix } from '../../../shared/time/index.js';
import { CSV_FILE_BOM } from '../../services/history/history-export.js';
import { chooseTimeZone } from '../time-zone-choice.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';
import {
  HISTORY_ROW_STATUSES,
  historyRows,
  isPlanRow,
  type HistoryRow,
  type HistoryRowStatus,
} from './history-rows.js';
import { defaultScheduleAccess } from './series.js';

interface HistoryFlags {
  stream?: string;
  status?: HistoryRowStatus;
  tz?: string;
  json?: boolean;
}

function parseStatus(value: string): HistoryRowStatus {
  const status = HISTORY_ROW_STATUSES.find((known) => known === value);
  if (!status) throw new InvalidArgumentError(`expected one of ${HISTORY_ROW_STATUSES.join(', ')}.`);
  return status;
}

/**
 * A name made outside Taper may hold a CR or an escape sequence, which a terminal would act on (overwrite the line,
 * change colours): such characters are shown escaped, as JSON writes them (`line\rbreak`). Unicode stays as it is.
 */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return /[\u0000-\u001f\u007f-\u009f]/.test(text) ? JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"') : text;
}

/** One row as text: status, stream, window, TaskId (and why not), error code, and the recording it belongs to. */
function rowLine(row: HistoryRow, timeZone: string): string {
  const from =
    row.startTime === null ? `now (${formatUnix(row.createdAt, timeZone)})` : formatUnix(row.startTime, timeZone);
  const task =
    isPlanRow(row) && row.createAt !== null
      ? `(no TaskId yet: created from ${formatUnix(row.createAt, timeZone)})`
      : (row.taskId ?? '(no TaskId)');
  const error = row.error && row.status !== 'scheduled' ? `  [${row.error.code}]` : '';
  const recording =
    row.recordingId === null
      ? ''
      : `  recording ${row.recordingId}${isPlanRow(row) ? ` link ${row.linkIndex + 1}` : ''}`;
  return `${row.status.padEnd(9)} ${printable(`${row.domain}/${row.app}/${row.stream}`)}  ${from} → ${formatUnix(row.endTime, timeZone)}  ${task}${error}${recording}\n`;
}

function parseFormat(value: string): 'csv' | 'json' {
  if (value !== 'csv' && value !== 'json') throw new InvalidArgumentError('expected csv or json.');
  return value;
}

export function registerHistory(program: Command, context: CliContext): void {
  const history = program
    .command('history')
    .description(
      'every recording attempt made here, and planned links not created yet (with their recording), newest first; works offline',
    )
    .option('--stream <stream>', 'only streams whose name contains this')
    .option('--status <status>', `only this status (${HISTORY_ROW_STATUSES.join(', ')})`, parseStatus)
    .option('--tz <zone>', 'IANA time zone for the times shown')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: HistoryFlags) => {
      const { io } = context;
      // Checked first, JSON too: a wrong --tz or TZ is a mistake to hear about, whether or not there are rows to show.
      const zone = chooseTimeZone(flags.tz, io.env);
      if (!zone.ok) return void (context.exitCode = reportError(io, zone.error, flags.json === true));
      const { services } = await context.core();
      // The status is filtered with the plan rows; the stream here too (the store's filter is its fast path).
      const filter: HistoryFilter = flags.stream ? { stream: flags.stream } : {};
      const [listed, planned] = await Promise.all([services.history.list(filter), readPlans(context)]);
      if (!listed.ok) return void (context.exitCode = reportError(io, listed.error, flags.json === true));
      const rows = historyRows(listed.value, planned, { ...filter, ...(flags.status ? { status: flags.status } : {}) });
      if (flags.json) printJson(io, rows);
      else if (rows.length === 0) io.stdout('No recordings in the history yet.\n');
      else {
        const timeZone = zone.value;
        // One write: a write per row cost 20 µs of syscall each, two thirds of a 20,000-row listing.
        io.stdout(rows.map((row) => rowLine(row, timeZone)).join(''));
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
      const { services } = await context.core();
      const exported =
        flags.format === 'csv' ? await services.history.exportCsv() : await services.history.exportJson();
      if (!exported.ok) return void (context.exitCode = reportError(io, exported.error, false));
      if (flags.out) {
        await writeFile(flags.out, flags.format === 'csv' ? `${CSV_FILE_BOM}${exported.value}` : exported.value);
        io.stderr(`Wrote ${flags.out}\n`);
      } else io.stdout(exported.value.endsWith('\n') ? exported.value : `${exported.value}\n`);
      context.exitCode = ExitCode.Ok;
    });
}

/** The plans, or none when plans.json cannot be read: the history itself still lists (offline, as always), with a warning. */
async function readPlans(context: CliContext): Promise<PlannedRecording[]> {
  const { scheduler } = await defaultScheduleAccess(context);
  const read = await scheduler.listPlans();
  if (read.ok) return read.value;
  context.io.stderr(`warning [${read.error.code}]: planned recordings are not listed: ${read.error.message}\n`);
  return [];
}
