// How a command reaches the scheduler, and what every schedule command shares: its --profile/--region options and
// how an unknown id is reported.
import { homeDirectory } from '../../services/storage/home-directory.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { AccountOptions } from '../../services/app-services.js';
import { createScheduleServices, type ScheduleServices } from '../../services/schedule/schedule-services.js';
import { dataDirectory } from '../../services/storage/data-directory.js';
import type { CliContext } from '../cli-context.js';

/** How a command reaches the scheduler; the default builds it on the CLI's services and data directory. */
export type ScheduleAccess = (context: CliContext) => Promise<ScheduleServices>;

/** One scheduler per CLI context: a command that reaches it twice (sync, then its alerts) wires it once. */
const wired = new WeakMap<CliContext, Promise<ScheduleServices>>();

export const defaultScheduleAccess: ScheduleAccess = (context) => {
  let scheduling = wired.get(context);
  if (scheduling === undefined) {
    scheduling = context.services().then((services) =>
      createScheduleServices(services, {
        // The services' own directory; worked out here only for services composed without one (none in the CLI).
        dataDir:
          services.dataDirectory ??
          dataDirectory(context.io.env, process.platform, homeDirectory(context.io.env, process.platform)),
      }),
    );
    wired.set(context, scheduling);
  }
  return scheduling;
};

export interface CommonFlags {
  profile?: string;
  region?: string;
  json?: boolean;
}

export const accountOptions = (flags: CommonFlags): AccountOptions => ({
  ...(flags.profile ? { profile: flags.profile } : {}),
  ...(flags.region ? { region: flags.region } : {}),
});

/** An id that does not exist is the user's typo: exit 2 like an unknown task id. */
export function notFoundAsInput(error: { code: string; message: string }) {
  return error.code === 'Taper.Schedule.NotFound' ? { ...error, code: LocalErrorCode.TaskNotFound } : error;
}
