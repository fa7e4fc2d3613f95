// taper record: one CreateRecordTask from the command line, or a chain of them past one task's reach (or --dry-run:
// show exactly what would be sent).
import type { Command } from 'commander';
import { unixSeconds } from '../../../shared/clock.js';
import type { RecordRequest } from '../../../shared/domain.js';
import { invalidInputError } from '../../../shared/errors/invalid-input.js';
import type { Result } from '../../../shared/result.js';
import type { ScheduledRecording } from '../../../shared/schedule/link-events.js';
import { formatUnix } from '../../../shared/time/index.js';
import { chooseTimeZone } from '../time-zone-choice.js';
import type { AppServices } from '../../services/app-services.js';
import { credentialsFromEnvironment } from '../../services/profiles/environment-credentials.js';
import { chainDryRun, recordRouted, routeRecord } from '../../services/schedule/record-routing.js';
import type { CliIo } from '../cli-io.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, printWarnings, reportError } from '../output.js';
import { parseNonNegativeInteger } from '../parse-flags.js';
import { parseWindowFlags } from '../time-options.js';
import { defaultScheduleAccess } from './series.js';

interface RecordFlags {
  domain: string;
  app: string;
  stream: string;
  from?: string;
  until?: string;
  for?: string;
  template?: number;
  mixed?: boolean;
  extension?: string;
  tz?: string;
  profile?: string;
  region?: string;
  dryRun?: boolean;
  json?: boolean;
}

export function registerRecord(program: Command, context: CliContext): void {
  program
    .command('record')
    .description('create a cloud recording task for a stream, from/until given times')
    .requiredOption('--domain <domain>', 'push domain (DomainName), e.g. 5000.livepush.myqcloud.com')
    .requiredOption('--app <app>', 'push path (AppName), e.g. live')
    .requiredOption('--stream <stream>', 'stream name (StreamName)')
    .option('--from <time>', 'start: ISO 8601, wall time in --tz, +90m, or Unix seconds (default: now)')
    .option('--until <time>', 'end: same forms as --from')
    .option('--for <duration>', 'length instead of --until: 90m, 2h, 1h30m')
    .option('--template <id>', 'recording template id (TemplateId)', parseNonNegativeInteger)
    .option('--mixed', 'the stream is a mixed stream (StreamType 1)')
    .option('--extension <text>', 'Extension parameter, passed through')
    .option('--tz <zone>', 'IANA time zone for wall times (default: the system zone)')
    .option('--profile <name>', 'credentials profile (default: TENCENTCLOUD_* variables, else the default profile)')
    .option('--region <region>', 'region override, e.g. ap-guangzhou')
    .option('--dry-run', 'check and print the exact API parameters; send nothing')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: RecordFlags) => {
      context.exitCode = await runRecord(flags, context);
    });
}

async function runRecord(flags: RecordFlags, context: CliContext): Promise<number> {
  const { io } = context;
  const json = flags.json === true;
  const nowSeconds = unixSeconds(io.clock);
  const zone = chooseTimeZone(flags.tz, io.env);
  if (!zone.ok) return reportError(io, zone.error, json);
  const timeZone = zone.value;
  const window = parseWindowFlags({ from: flags.from, until: flags.until, for: flags.for, tz: timeZone }, nowSeconds);
  if (!window.ok) return reportError(io, window.error, json);

  const { services } = await context.core();
  const templateId = flags.template ?? (await profileDefaultTemplate(services, flags.profile, io.env));
  const request: RecordRequest = {
    domainName: flags.domain,
    appName: flags.app,
    streamName: flags.stream,
    ...window.value,
    streamType: flags.mixed ? 1 : 0,
    ...(templateId === undefined ? {} : { templateId }),
    ...(flags.extension === undefined ? {} : { extension: flags.extension }),
  };
  const options = {
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.region ? { region: flags.region } : {}),
  };

  // Beyond one task's reach (over 24 h, or not accepted by the API yet): a chain of tasks, planned as needed. The app's
  // record:create routes by the same rule (services/schedule/record-routing.ts).
  const route = routeRecord(request, nowSeconds);
  if (flags.dryRun) {
    if (route.kind === 'chain') return printChainDryRun(io, request, route.startTime, json, timeZone);
    const preview = await services.recorder.preview(request);
    if (preview.problems.length > 0) return reportError(io, invalidInputError(preview.problems), json);
    if (json) printJson(io, { request: preview.params, warnings: preview.warnings });
    else {
      io.stdout(`Would send CreateRecordTask (nothing sent):\n`);
      for (const [key, value] of Object.entries(preview.params)) io.stdout(`  ${key} = ${value}\n`);
      printWarnings(io, preview.warnings);
    }
    return ExitCode.Ok;
  }

  const routing = {
    clock: io.clock,
    recorder: services.recorder,
    scheduler: async () => (await defaultScheduleAccess(context)).scheduler,
  };
  const routed = await recordRouted(routing, request, options, route);
  if (routed.kind === 'chain') return printChain(io, request, routed.recorded, json, timeZone);
  const outcome = routed.outcome;
  if (!outcome.ok) return reportError(io, outcome.error, json);
  const { entry, warnings } = outcome.value;
  if (json) {
    printJson(io, {
      taskId: entry.taskId,
      requestId: entry.requestId,
      startTime: entry.startTime,
      endTime: entry.endTime,
      warnings: warnings.map(({ code, message }) => ({ code, message })),
    });
  } else {
    const from = entry.startTime === null ? 'now' : formatUnix(entry.startTime, timeZone);
    io.stdout(`Created task ${entry.taskId}\n`);
    io.stdout(`  ${entry.domain}/${entry.app}/${entry.stream}: ${from} → ${formatUnix(entry.endTime, timeZone)}\n`);
    io.stdout(`  RequestId ${entry.requestId}\n`);
    printWarnings(io, warnings);
  }
  return ExitCode.Ok;
}

/** The dry run of a recording longer than 24 h or further ahead than 6 days: the links the scheduler would make. */
function printChainDryRun(
  io: CliIo,
  request: RecordRequest,
  startTime: number,
  json: boolean,
  timeZone: string,
): number {
  const dryRun = chainDryRun(request, startTime);
  if (!dryRun.ok) return reportError(io, dryRun.error, json);
  const { links, params, warnings } = dryRun.value;
  if (json) printJson(io, { request: params[0], links: params, warnings });
  else {
    io.stdout(`Would create ${links.length} consecutive task(s) (nothing sent):\n`);
    for (const link of links)
      io.stdout(
        `  ${link.index + 1}. ${formatUnix(link.startTime, timeZone)} → ${formatUnix(link.endTime, timeZone)}\n`,
      );
    printWarnings(io, warnings);
  }
  return ExitCode.Ok;
}

/** A recording the scheduler split, with what it planned for when the later links are in reach. */
function printChain(
  io: CliIo,
  request: RecordRequest,
  recorded: Result<ScheduledRecording>,
  json: boolean,
  timeZone: string,
): number {
  if (!recorded.ok) return reportError(io, recorded.error, json);
  const { recordingId, created, planned, warnings } = recorded.value;
  const first = created[0];
  if (json) {
    printJson(io, {
      taskId: first?.taskId ?? null,
      requestId: first?.requestId ?? null,
      startTime: request.startTime ?? null,
      endTime: request.endTime,
      warnings: warnings.map(({ code, message }) => ({ code, message })),
      recordingId,
      links: [
        ...created.map((entry) => ({
          taskId: entry.taskId,
          startTime: entry.startTime,
          endTime: entry.endTime,
          status: entry.status,
        })),
        ...planned.map((link) => ({
          taskId: link.taskId,
          startTime: link.startTime,
          endTime: link.endTime,
          status: link.status,
        })),
      ],
    });
  } else {
    io.stdout(
      `Recording ${recordingId}: ${created.length} task(s) created, ${planned.length} planned for later (created by the tray app or \`taper sync\` when within reach).\n`,
    );
    for (const entry of created)
      io.stdout(
        `  created ${entry.taskId}  ${entry.startTime === null ? 'now' : formatUnix(entry.startTime, timeZone)} → ${formatUnix(entry.endTime, timeZone)}\n`,
      );
    for (const link of planned)
      io.stdout(`  planned  ${formatUnix(link.startTime, timeZone)} → ${formatUnix(link.endTime, timeZone)}\n`);
    printWarnings(io, warnings);
  }
  const failed = created.find((entry) => entry.status === 'failed' || entry.status === 'unknown');
  return failed?.error ? reportError(io, failed.error, false) : ExitCode.Ok;
}

/**
 * The chosen profile's default template (`taper templates default`), for a record that names none. Environment
 * credentials without --profile have no profile, hence no default: the settings file is not even opened then.
 */
async function profileDefaultTemplate(
  services: AppServices,
  profile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<number | undefined> {
  // The same test the profiles' resolve makes: complete environment credentials stand for no profile.
  if (profile === undefined && credentialsFromEnvironment(env)?.ok === true) return undefined;
  const listed = await services.profiles.list();
  if (!listed.ok) return undefined;
  const chosen = listed.value.find((summary) => (profile === undefined ? summary.isDefault : summary.name === profile));
  return chosen?.defaultTemplateId;
}
