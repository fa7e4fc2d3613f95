// taper files TASK_ID|RECORDING_ID: what a recording left behind. Its files (VOD SearchMedia) and the stream's pushes
// (Live DescribeLiveStreamEventList) settle one outcome: recorded, partial, nothing, pending or unknown. Every settled
// or pending outcome exits 0, `unknown` included (a refused VOD lookup says which CAM policy is missing); only an id
// Taper does not know (2) or credentials that fail (5) are errors.
import type { Command } from 'commander';
import { unixSeconds } from '../../../shared/clock.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { HistoryEntry } from '../../../shared/history.js';
import {
  describeOutcome,
  settleOutcome,
  type RecordingFile,
  type RecordingOutcome,
  type TimeSpan,
} from '../../../shared/recordings/outcome.js';
import type { AppError } from '../../../shared/result.js';
import type { PlannedRecording } from '../../../shared/schedule/plans.js';
import { isoSeconds } from '../../../shared/time/duration.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';
import { filesApiFactory } from '../../services/recording-files/files-api-factory.js';
import { defaultScheduleAccess } from './series.js';

interface FilesFlags {
  profile?: string;
  region?: string;
  json?: boolean;
}

/** The stream and window(s) an id stands for. */
export interface FilesTarget {
  domain: string;
  app: string;
  stream: string;
  windows: TimeSpan[];
  profile: string | null;
  region: string | null;
}

/** API codes that mean the key itself is wrong (exit 5), not that it lacks a permission (an `unknown` outcome). */
const KEY_REFUSED = new Set([
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.SignatureFailure',
  'AuthFailure.InvalidSecretId',
  'AuthFailure.TokenFailure',
  'AuthFailure.InvalidAuthorization',
]);

/** A RECORDING_ID (plans first, then history entries sharing it), else a TaskId or local id; null when unknown. */
export function resolveFilesTarget(
  id: string,
  recordings: readonly PlannedRecording[],
  entries: readonly HistoryEntry[],
): FilesTarget | null {
  const planned = recordings.find((recording) => recording.recordingId === id);
  if (planned !== undefined) {
    const links = planned.links.filter((link) => link.status !== 'cancelled');
    return {
      domain: planned.stream.domainName,
      app: planned.stream.appName,
      stream: planned.stream.streamName,
      windows: (links.length > 0 ? links : [planned]).map((link) => ({
        startTime: link.startTime,
        endTime: link.endTime,
      })),
      profile: planned.profile,
      region: planned.region,
    };
  }
  const linked = entries.filter(
    (entry) => entry.recordingId === id && entry.status !== 'failed' && entry.status !== 'deleted',
  );
  const single = entries.find((entry) => entry.taskId === id || entry.id === id);
  const chosen = linked.length > 0 ? linked : single === undefined ? [] : [single];
  const first = chosen[0];
  if (first === undefined) return null;
  return {
    domain: first.domain,
    app: first.app,
    stream: first.stream,
    windows: chosen.map((entry) => ({ startTime: entry.startTime ?? entry.createdAt, endTime: entry.endTime })),
    profile: first.profile,
    region: null,
  };
}

export function registerFiles(program: Command, context: CliContext): void {
  program
    .command('files <id>')
    .description(
      "the files a recording left (VOD SearchMedia) and the stream's pushes: recorded, partial, nothing, pending or unknown",
    )
    .option('--profile <name>', 'credentials profile (default: the one the task was created with)')
    .option('--region <region>', 'region override')
    .option('--json', 'print one JSON document on stdout')
    .action(async (id: string, flags: FilesFlags) => {
      context.exitCode = await runFiles(id, flags, context);
    });
}

async function runFiles(id: string, flags: FilesFlags, context: CliContext): Promise<number> {
  const { io } = context;
  const json = flags.json === true;
  const { services } = await context.core();
  const { scheduler } = await defaultScheduleAccess(context);
  const [plans, listed] = await Promise.all([scheduler.listPlans(), services.history.list()]);
  if (!plans.ok)
    io.stderr(
      `warning [${plans.error.code}]: the plans could not be read, so recordings are known by the history alone: ${plans.error.message}\n`,
    );
  if (!listed.ok) return reportError(io, listed.error, json);
  const target = resolveFilesTarget(id, plans.ok ? plans.value : [], listed.value);
  if (target === null) {
    return reportError(
      io,
      {
        code: LocalErrorCode.TaskNotFound,
        message: `No recording or task with id ${id} in the history or the plans; nothing was sent.`,
      },
      json,
    );
  }

  const now = unixSeconds(services.clock);
  const windowEnd = Math.max(...target.windows.map((window) => window.endTime));
  let files: RecordingFile[] | { error: AppError } = [];
  let pushes: TimeSpan[] | null = [];
  // Before the window ends nothing is settled: no call is needed to say "pending".
  if (now >= windowEnd) {
    const { getProxyForUrl } = await import('proxy-from-env');
    const made = await (
      await filesApiFactory(services, getProxyForUrl)
    )(flags.profile ?? target.profile, flags.region ?? target.region ?? undefined);
    if (!made.ok) return reportError(io, made.error, json);
    const api = made.value;
    const query = {
      domain: target.domain,
      app: target.app,
      stream: target.stream,
      startTime: Math.min(...target.windows.map((window) => window.startTime)),
      endTime: windowEnd,
    };
    const [found, seen] = await Promise.all([api.searchFiles(query), api.describePushes(query)]);
    for (const failed of [found, seen]) {
      if (!failed.ok && KEY_REFUSED.has(failed.error.code)) {
        reportError(io, failed.error, json);
        return ExitCode.Credentials;
      }
    }
    files = found.ok ? found.value : { error: found.error };
    if (seen.ok) pushes = seen.value;
    else {
      pushes = null;
      io.stderr(
        `warning [${seen.error.code}]: the stream's pushes could not be read (DescribeLiveStreamEventList): ${seen.error.message}\n`,
      );
    }
  }

  const outcome = settleOutcome({ windows: target.windows, files, pushes, now });
  const reason = describeOutcome(outcome, isoSeconds);
  const listedFiles = Array.isArray(files) ? files : [];
  if (json) {
    printJson(io, {
      outcome: outcome.outcome,
      files: listedFiles.map((file) => ({
        fileId: file.fileId,
        url: file.url,
        startTime: file.startTime,
        endTime: file.endTime,
        durationSeconds: file.durationSeconds,
        sizeBytes: file.sizeBytes,
      })),
      pushes: (pushes ?? []).map((push) => ({ startTime: push.startTime, endTime: push.endTime })),
      gaps: gapsOf(outcome).map((gap) => ({ startTime: gap.startTime, endTime: gap.endTime })),
      reason,
    });
  } else {
    io.stdout(
      `${outcome.outcome}  ${target.domain}/${target.app}/${target.stream}  ${target.windows.map((window) => `${isoSeconds(window.startTime)} → ${isoSeconds(window.endTime)}`).join(', ')}\n`,
    );
    for (const file of listedFiles)
      io.stdout(
        `  file ${file.fileId}  ${isoSeconds(file.startTime)} → ${isoSeconds(file.endTime)}  ${file.durationSeconds} s  ${file.sizeBytes} bytes  ${file.url}\n`,
      );
    for (const gap of gapsOf(outcome)) {
      io.stdout(
        `  gap  ${isoSeconds(gap.startTime)} → ${isoSeconds(gap.endTime)}  (${gap.pushed === null ? 'pushes unknown' : gap.pushed ? 'stream pushed: recording lost' : 'stream not pushed'})\n`,
      );
    }
    if (reason !== null) io.stdout(`  ${reason}\n`);
  }
  return ExitCode.Ok;
}

function gapsOf(outcome: RecordingOutcome): { startTime: number; endTime: number; pushed: boolean | null }[] {
  return outcome.outcome === 'partial' ? outcome.gaps : [];
}
