// taper stop ID / taper delete ID: a TaskId acts on that task; a RECORDING_ID (a chain, a far-ahead plan, a series
// occurrence) on every link, as the app's recordings:stop/delete do: planned links are cancelled without a call.
import type { Command } from 'commander';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { AccountOptions } from '../../services/app-services.js';
import type { RecordingAction } from '../../services/schedule/scheduler.js';
import type { CliContext } from '../cli-context.js';
import type { CliIo } from '../cli-io.js';
import { ExitCode, exitCodeFor } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';
import { resolveActionTarget } from './action-target.js';
import { defaultScheduleAccess, worse } from './series.js';

interface ActionFlags {
  profile?: string;
  region?: string;
  json?: boolean;
}

type Action = 'stop' | 'delete';

export function registerTaskActions(program: Command, context: CliContext): void {
  for (const action of ['stop', 'delete'] as const) {
    program
      .command(`${action} <id>`)
      .description(
        action === 'stop'
          ? 'stop a recording task (StopRecordTask) by TaskId, or a whole recording by RECORDING_ID (later links deleted, planned ones cancelled)'
          : 'delete a recording task (DeleteRecordTask) by TaskId, or every link of a recording by RECORDING_ID (planned ones cancelled)',
      )
      .option('--profile <name>', 'credentials profile (default: the one the task was created with)')
      .option('--region <region>', 'region override')
      .option('--json', 'print one JSON document on stdout')
      .action(async (id: string, flags: ActionFlags) => {
        context.exitCode = await runAction(action, id, flags, context);
      });
  }
}

async function runAction(action: Action, id: string, flags: ActionFlags, context: CliContext): Promise<number> {
  const { io } = context;
  const json = flags.json === true;
  const { services } = await context.core();
  const options: AccountOptions = {
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.region ? { region: flags.region } : {}),
  };
  const { scheduler } = await defaultScheduleAccess(context);
  const [plans, listed] = await Promise.all([scheduler.listPlans(), services.history.list()]);
  if (!plans.ok)
    io.stderr(
      `warning [${plans.error.code}]: the plans could not be read, so recordings are known by the history alone: ${plans.error.message}\n`,
    );
  const target = resolveActionTarget(id, plans.ok ? plans.value : [], listed.ok ? listed.value : null);

  if (target.kind === 'unknown') {
    return reportError(
      io,
      {
        code: LocalErrorCode.TaskNotFound,
        message: `No recording or task with id ${id} in the history or the plans; nothing was sent.`,
      },
      json,
    );
  }
  if (target.kind === 'recording') {
    const acted =
      action === 'stop'
        ? await scheduler.stopRecording(target.recordingId, options)
        : await scheduler.deleteRecording(target.recordingId, options);
    if (!acted.ok) return reportError(io, acted.error, json);
    return reportRecording(io, action, target.recordingId, acted.value, json);
  }
  const done =
    action === 'stop'
      ? await services.recorder.stop(target.taskId, options)
      : await services.recorder.remove(target.taskId, options);
  if (!done.ok) return reportError(io, done.error, json);
  if (json) printJson(io, { taskId: done.value.taskId, requestId: done.value.requestId, status: done.value.status });
  else
    io.stdout(
      `${action === 'stop' ? 'Stopped' : 'Deleted'} task ${done.value.taskId} (RequestId ${done.value.requestId})\n`,
    );
  return ExitCode.Ok;
}

/** What was done to each link; the exit code is the worst of the links' errors (0 when every link went through). */
function reportRecording(
  io: CliIo,
  action: Action,
  recordingId: string,
  actions: readonly RecordingAction[],
  json: boolean,
): number {
  if (json) printJson(io, { recordingId, actions });
  else {
    const failed = actions.filter((done) => done.error !== null).length;
    const verb = action === 'stop' ? 'Stopped' : 'Deleted';
    if (actions.length === 0)
      io.stdout(`Nothing to ${action}: recording ${recordingId} has no link still planned, scheduled or recording.\n`);
    else io.stdout(`${failed === 0 ? verb : `${verb} in part`} recording ${recordingId}: ${actions.length} link(s)\n`);
    for (const done of actions) io.stdout(actionLine(done));
  }
  let code: number = ExitCode.Ok;
  for (const done of actions) {
    if (done.error === null) continue;
    if (!json) reportError(io, { ...done.error, message: `${linkLabel(done)}: ${done.error.message}` }, false);
    code = worse(code, exitCodeFor(done.error));
  }
  return code;
}

const linkLabel = (done: RecordingAction): string => (done.index >= 0 ? `link ${done.index + 1}` : 'attempt');

function actionLine(done: RecordingAction): string {
  const what =
    done.action === 'cancelled'
      ? 'cancelled (was planned; nothing sent)'
      : done.error === null
        ? done.action
        : done.action === 'skipped'
          ? `skipped [${done.error.code}]`
          : `not ${done.action} [${done.error.code}]`;
  return `  ${linkLabel(done)}: ${what}${done.taskId === null ? '' : ` (task ${done.taskId})`}\n`;
}
