// How a command reaches the scheduler, and what every schedule command shares: its --profile/--region options and
// how an unknown id is reported.
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { AccountOptions } from '../../services/app-services.js';
import type { ScheduleServices } from '../../services/schedule/schedule-services.js';
import type { CliContext } from '../cli-context.js';

/** How a command reaches the scheduler; the default is the one the CLI's core built beside its services. */
export type ScheduleAccess = (context: CliContext) => Promise<ScheduleServices>;

export const defaultScheduleAccess: ScheduleAccess = async (context) => (await context.core()).schedule;

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
