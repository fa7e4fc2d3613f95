// Every IPC channel's handler, assembled from one module per feature (electron/ipc/channels/<area>.ts, docs/style.md §16)
// and wrapped by the kit (channel-kit.ts): the payload parsed with its schema, a throw answered as a value. No
// Electron import here: the Electron shell (validated-ipc-main.ts), `taper serve` (electron/serve/) and the Chromium
// e2e bridge run the very same functions.
import type { IpcChannel } from '../../shared/ipc/contract.js';
import type { AppServices } from '../services/app-services.js';
import { createImportJobs, type ImportJobs } from '../services/schedule/import-jobs.js';
import type { ScheduleServices } from '../services/schedule/schedule-services.js';
import { validated, type ChannelBodies, type ChannelContext, type IpcHandlers } from './channel-kit.js';
import { alertChannels } from './channels/alerts.js';
import { appChannels } from './channels/app.js';
import { fileChannels } from './channels/files.js';
import { historyChannels } from './channels/history.js';
import { importChannels } from './channels/import.js';
import { liveChannels } from './channels/live.js';
import { profileChannels } from './channels/profiles.js';
import { recordChannels } from './channels/record.js';
import { recordingChannels } from './channels/recordings.js';
import { sandboxChannels } from './channels/sandbox.js';
import { seriesChannels } from './channels/series.js';
import { settingsChannels } from './channels/settings.js';
import { taskChannels } from './channels/tasks.js';
import { templateChannels } from './channels/templates.js';
import type { ShellHooks } from './shell-hooks.js';

export type { IpcHandlers } from './channel-kit.js';
export type { ShellHooks } from './shell-hooks.js';

/**
 * `schedule`: the scheduler and plans built on the same services (chains, far-ahead plans, series, bulk); the shell
 * also runs its runDue on a timer. `imports`: the app's import jobs (with its last report on disk); default in memory.
 */
export function createIpcHandlers(
  services: AppServices,
  hooks: ShellHooks,
  schedule: ScheduleServices,
  imports: ImportJobs = createImportJobs(),
): IpcHandlers {
  const context: ChannelContext = { services, hooks, schedule, imports };
  // Typed as every channel of the table: this fails to compile while a channel has no handler.
  const bodies: ChannelBodies<IpcChannel> = {
    ...appChannels(context),
    ...profileChannels(context),
    ...sandboxChannels(context),
    ...recordChannels(context),
    ...taskChannels(context),
    ...historyChannels(context),
    ...liveChannels(context),
    ...templateChannels(context),
    ...settingsChannels(context),
    ...recordingChannels(context),
    ...alertChannels(context),
    ...seriesChannels(context),
    ...importChannels(context),
    ...fileChannels(context),
  };
  return validated(bodies, (channel, error) => hooks.logError(channel, error));
}
