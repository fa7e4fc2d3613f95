// taper import FILE.csv: many recordings at once, paced by the client's 20/s limiter, with a progress line on stderr
// and an exact report of which rows were created (TaskIds) and which were not.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { unixSeconds } from '../../../shared/clock.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { parseImportCsv } from '../../../shared/schedule/import-csv.js';
import { chooseTimeZone } from '../time-zone-choice.js';
import type { AccountOptions } from '../../services/app-services.js';
import type { BulkItem } from '../../services/schedule/bulk.js';
import { createRows } from '../../services/schedule/import-run.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode, exitCodeFor } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';
import { defaultScheduleAccess, worse, type ScheduleAccess } from './series.js';

interface ImportFlags {
  tz?: string;
  skipInvalid?: boolean;
  concurrency?: string;
  profile?: string;
  region?: string;
  json?: boolean;
}

export function registerImport(
  program: Command,
  context: CliContext,
  access: ScheduleAccess = defaultScheduleAccess,
): void {
  program
    .command('import <file>')
    .description(
      'create many recordings from a CSV file (columns: domain,app,stream,from,until|duration,template,mixed; header row required)',
    )
    .option('--tz <zone>', 'IANA time zone for wall times in the file (default: the system zone)')
    .option('--skip-invalid', 'send the valid rows even if some rows are invalid (default: send nothing then)')
    .option('--concurrency <n>', 'requests in flight at once, 1-8 (default 4); the 20/s limit applies either way')
    .option('--profile <name>', 'credentials profile')
    .option('--region <region>', 'region override')
    .option('--json', 'print one JSON document on stdout')
    .action(async (file: string, flags: ImportFlags) => {
      context.exitCode = await runImport(file, flags, context, access);
    });
}

async function runImport(
  file: string,
  flags: ImportFlags,
  context: CliContext,
  access: ScheduleAccess,
): Promise<number> {
  const { io } = context;
  const json = flags.json === true;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return reportError(
      io,
      { code: LocalErrorCode.InvalidInput, message: `${file} could not be read (${reason}).` },
      json,
    );
  }
  const concurrency = flags.concurrency === undefined ? 4 : Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 8) {
    return reportError(
      io,
      { code: LocalErrorCode.InvalidInput, message: '--concurrency must be a whole number from 1 to 8.' },
      json,
    );
  }
  const now = unixSeconds(io.clock);
  const zone = chooseTimeZone(flags.tz, io.env);
  if (!zone.ok) return reportError(io, zone.error, json);
  const parsed = parseImportCsv(text, { timeZone: zone.value, nowSeconds: now });
  const invalid = parsed.problems.map((problem) => ({ line: problem.line, message: problem.message }));
  if (invalid.length > 0 && (!flags.skipInvalid || parsed.rows.length === 0)) {
    if (json)
      printJson(io, {
        error: {
          code: LocalErrorCode.InvalidInput,
          message: `${invalid.length} invalid row(s); nothing was sent.`,
          requestId: null,
        },
        invalid,
      });
    else {
      io.stderr(
        `error [${LocalErrorCode.InvalidInput}]: ${invalid.length} invalid row(s) in ${file}; nothing was sent.\n`,
      );
      for (const problem of invalid) io.stderr(`  line ${problem.line}: ${problem.message}\n`);
      if (parsed.rows.length > 0) io.stderr('  next: fix them, or add --skip-invalid to send the valid rows only.\n');
    }
    return ExitCode.InvalidInput;
  }

  const options: AccountOptions = {
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.region ? { region: flags.region } : {}),
  };
  const { services } = await context.core();
  const total = parsed.rows.length;
  const { plans } = await access(context);
  const sent = await createRows(
    services,
    plans,
    parsed.rows.map((row) => row.request),
    {
      record: options,
      nowSeconds: now,
      concurrency,
      onProgress: (done) => io.stderr(`\r${done}/${total} created`),
    },
  );
  if (!sent.ok) return reportError(io, sent.error, json);
  const { report, describeError } = sent.value;
  io.stderr('\n');
  if (describeError)
    io.stderr(
      `warning [${describeError.code}]: tasks made outside Taper could not be listed (${describeError.message}); only the history was checked for duplicates.\n`,
    );

  const lines = parsed.rows.map((row) => row.line);
  const items = report.items.map((item) => publicItem(item, lines[item.index] ?? 0));
  let code: number = ExitCode.Ok;
  for (const item of report.items) {
    if (item.status === 'unknown') code = worse(code, ExitCode.Unknown);
    else if (item.status === 'failed' && item.error)
      code = worse(
        code,
        exitCodeFor(item.error) === ExitCode.InvalidInput ? ExitCode.ApiRefused : exitCodeFor(item.error),
      );
  }
  if (json) {
    printJson(io, {
      created: report.created,
      unknown: report.unknown,
      failed: report.failed,
      skippedInvalid: invalid,
      items,
    });
  } else {
    for (const item of items) {
      const where = `line ${item.line} ${item.stream}`;
      if (item.status === 'created')
        io.stdout(
          `${where}: created ${item.taskIds.join(', ') || '(nothing new)'}${item.plannedLinks > 0 ? ` + ${item.plannedLinks} planned` : ''}\n`,
        );
      else if (item.status === 'unknown')
        io.stdout(`${where}: outcome unknown${item.error ? ` [${item.error.code}]` : ''}; run taper sync\n`);
      else
        io.stdout(
          `${where}: failed [${item.error?.code ?? '?'}] ${item.error?.message ?? ''}${item.error?.requestId ? ` (RequestId ${item.error.requestId})` : ''}\n`,
        );
    }
    io.stdout(
      `${report.created} created, ${report.unknown} unknown, ${report.failed} failed${invalid.length > 0 ? `, ${invalid.length} invalid row(s) skipped` : ''}.\n`,
    );
    for (const problem of invalid) io.stderr(`  skipped line ${problem.line}: ${problem.message}\n`);
  }
  return code;
}

function publicItem(item: BulkItem, line: number) {
  const { domainName, appName, streamName } = item.request;
  return {
    line,
    index: item.index,
    stream: `${domainName}/${appName}/${streamName}`,
    startTime: item.request.startTime ?? null,
    endTime: item.request.endTime,
    status: item.status,
    recordingId: item.created?.recordingId ?? null,
    taskIds: item.created?.taskIds ?? [],
    plannedLinks: item.created?.plannedLinks ?? 0,
    warnings: item.created?.warnings ?? [],
    error: item.error
      ? { code: item.error.code, message: item.error.message, requestId: item.error.requestId ?? null }
      : null,
  };
}
