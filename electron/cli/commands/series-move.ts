// taper series move ID DATE --at/--for: one occurrence moved or lengthened, its old task deleted first and the new
// window created through the link runner.
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { formatUnix, parseDuration } from '../../../shared/time/index.js';
import type { OccurrenceEdit } from '../../services/schedule/scheduler.js';
import type { CliContext } from '../cli-context.js';
import type { CliIo } from '../cli-io.js';
import { printJson, printWarnings, reportError } from '../output.js';
import { eventsExitCode, publicEvent } from './due-report.js';
import { notFoundAsInput, accountOptions, type ScheduleAccess } from './schedule-access.js';

export interface MoveFlags {
  at?: string;
  for?: string;
  profile?: string;
  region?: string;
  json?: boolean;
}

export async function runMove(
  id: string,
  date: string,
  flags: MoveFlags,
  context: CliContext,
  access: ScheduleAccess,
): Promise<number> {
  const { io } = context;
  const json = flags.json === true;
  const duration = flags.for === undefined ? undefined : parseDuration(flags.for);
  if (duration && !duration.ok)
    return reportError(
      io,
      { code: LocalErrorCode.InvalidInput, message: `--for ${JSON.stringify(flags.for)}: ${duration.message}` },
      json,
    );
  if (flags.at === undefined && duration === undefined)
    return reportError(
      io,
      { code: LocalErrorCode.InvalidInput, message: 'Nothing to change: give --at and/or --for.' },
      json,
    );
  const { scheduler } = await access(context);
  const moved = await scheduler.editOccurrence(
    id,
    date,
    {
      ...(flags.at === undefined ? {} : { startWallTime: flags.at.trim().padStart(5, '0') }),
      ...(duration?.ok ? { durationSeconds: duration.seconds } : {}),
    },
    accountOptions(flags),
  );
  if (!moved.ok) return reportError(io, notFoundAsInput(moved.error), json);
  const edit = moved.value;
  const failed = edit.actions.find((action) => action.error !== null);
  if (json) printJson(io, publicMove(id, date, edit));
  else printMove(io, id, date, edit);
  if (failed?.error) return reportError(io, failed.error, false);
  return eventsExitCode(edit.events);
}

function printMove(io: CliIo, id: string, date: string, edit: OccurrenceEdit): void {
  const { occurrence, series } = edit;
  const deleted = edit.actions
    .filter((action) => action.action === 'deleted' && action.error === null)
    .map((action) => action.taskId);
  if (!edit.moved) {
    io.stdout(
      `Not moved: ${date} of series ${id} keeps ${formatUnix(occurrence.startTime, series.timeZone)}; its task could not be deleted.\n`,
    );
    return;
  }
  io.stdout(
    `Moved ${date} of series ${id}: ${formatUnix(occurrence.startTime, series.timeZone)} for ${formatLength(occurrence.endTime - occurrence.startTime)}.\n`,
  );
  if (deleted.length > 0) io.stdout(`  Task of the old window deleted: ${deleted.join(', ')}.\n`);
  const created = edit.events
    .filter((happened) => happened.kind === 'created' || happened.kind === 'adopted')
    .map((happened) => happened.link.taskId);
  if (created.length > 0) io.stdout(`  Task for the new window: ${created.join(', ')}.\n`);
  else if (edit.events.length === 0)
    io.stdout('  Planned: its task is created once it is within 6 days (by the app or taper sync).\n');
  printWarnings(io, edit.warnings);
  for (const happened of edit.events) {
    if (happened.kind !== 'created' && happened.kind !== 'adopted')
      io.stderr(
        `warning [${happened.error?.code ?? happened.kind}]: the task for the new window is ${happened.kind}: ${happened.error?.message ?? ''}\n`,
      );
  }
}

function publicMove(id: string, date: string, edit: OccurrenceEdit) {
  const { occurrence } = edit;
  return {
    id,
    date,
    moved: edit.moved,
    occurrence: {
      startTime: occurrence.startTime,
      endTime: occurrence.endTime,
      dst: occurrence.dst,
      changed: occurrence.changed,
    },
    actions: edit.actions,
    events: edit.events.map(publicEvent),
    warnings: edit.warnings,
  };
}

/** `1h30m`, `2h`, `45m`, or seconds when under a minute. */
export function formatLength(seconds: number): string {
  const hours = Math.floor(seconds / 3_600);
  const minutes = Math.round((seconds % 3_600) / 60);
  return `${hours > 0 ? `${hours}h` : ''}${minutes > 0 ? `${minutes}m` : ''}` || `${seconds}s`;
}
