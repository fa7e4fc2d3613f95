// taper stop TASK_ID / taper delete TASK_ID.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';

interface ActionFlags {
  profile?: string;
  region?: string;
  json?: boolean;
}

export function registerTaskActions(program: Command, context: CliContext): void {
  for (const action of ['stop', 'delete'] as const) {
    program
      .command(`${action} <taskId>`)
      .description(action === 'stop' ? 'stop a recording task (StopRecordTask)' : 'delete a recording task (DeleteRecordTask)')
      .option('--profile <name>', 'credentials profile (default: the one the task was created with)')
      .option('--region <region>', 'region override')
      .option('--json', 'print one JSON document on stdout')
      .action(async (taskId: string, flags: ActionFlags) => {
        const services = await context.services();
        const options = { ...(flags.profile ? { profile: flags.profile } : {}), ...(flags.region ? { region: flags.region } : {}) };
        const done = action === 'stop' ? await services.recorder.stop(taskId, options) : await services.recorder.remove(taskId, options);
        if (!done.ok) {
          context.exitCode = reportError(context.io, done.error, flags.json === true);
          return;
        }
        if (flags.json) printJson(context.io, { taskId: done.value.taskId, requestId: done.value.requestId, status: done.value.status });
        else context.io.stdout(`${action === 'stop' ? 'Stopped' : 'Deleted'} task ${done.value.taskId} (RequestId ${done.value.requestId})\n`);
        context.exitCode = ExitCode.Ok;
      });
  }
}
