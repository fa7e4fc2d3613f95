// One async function per IPC channel: parse the payload with the contract's schema, call the service, answer a
// Result. No Electron import here: the Electron shell (validated-ipc-main.ts) and the Chromium e2e bridge run the
// very same functions.
import type { z } from 'zod';
import {
  requestSchemas,
  type AppInfo,
  type ExportResult,
  type ImportProgress,
  type IpcChannel,
  type IpcResponse,
  type IpcResponses,
  type ProfileSummary,
  type SandboxInfo,
  type SandboxPushInfo,
  type SandboxPushRequest,
  type Settings,
} from '../../shared/ipc/contract.js';
import { unixSeconds } from '../../shared/clock.js';
import type { HistoryEntry } from '../../shared/history.js';
import { err, ok, type AppError, type Result } from '../../shared/result.js';
import { validateTemplate } from '../../shared/rules/record-template.js';
import { normalizeRecordRequest } from '../../shared/rules/validate-record.js';
import { beyondOneTask } from '../../shared/schedule/chain-preview.js';
import type { AppServices, RecordOptions, ProfileSummary as ServiceProfileSummary } from '../services/app-services.js';
import { CSV_FILE_BOM } from '../services/history/history-export.js';
import type { ImportJobs } from '../services/schedule/import-jobs.js';
import type { ScheduleServices } from '../services/schedule/schedule-services.js';
import { fileBodies } from './file-channels.js';
import { IpcErrorCode } from './ipc-errors.js';
import { acknowledgeOutcomeAlerts } from '../services/recording-files/outcome-alerts.js';
import { groupAlerts, outcomeAlertViews, toActionSummaries, toChainOutcome } from './schedule-outcomes.js';
import { seriesImportBodies } from './series-import-channels.js';

/** Things only the shell can do; the e2e bridge supplies its own. */
export interface ShellHooks {
  /** Asks where to save an export (save dialog) and writes it; `path: null` when the user cancelled. */
  saveExport(format: 'csv' | 'json', content: string): Promise<Result<ExportResult>>;
  /** Starts the in-process Live API simulator and makes the sandbox profile the active one. */
  startSandbox(): Promise<Result<SandboxInfo>>;
  /** A simulated push in the sandbox this shell started; `Taper.Sandbox.NotRunning` when it runs none. */
  sandboxPush(request: SandboxPushRequest): Promise<Result<SandboxPushInfo>>;
  /** Version, platform, language, sandbox flag. */
  appInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  /** Stores the patch and applies what it changes (login item, language of tray and notifications). */
  setSettings(patch: Partial<Settings>): Promise<Result<Settings>>;
  /** Called after anything that changed the history (tray re-render, `history:changed` push). */
  historyChanged(): void;
  /** Called after anything that changed the plans or their alerts (tray re-render, `plans:changed` push). */
  plansChanged(): void;
  /** A bulk import made progress (`import:progress` push); one call per row handled. */
  importProgress(progress: ImportProgress): void;
  /** Called after a create attempt, for the notifications. */
  recordAttempted(outcome: Result<{ entry: HistoryEntry }>): void;
  /** Opens a URL main has already checked (the recording-file allowlist) in the user's browser. */
  openExternal(url: string): Promise<Result<null>>;
  /** Logs a bug (a throw where a value was expected). Never receives a payload. */
  logError(channel: IpcChannel, error: unknown): void;
}

/** The handler map: every channel of the contract, each taking the raw (untrusted) payload. */
export type IpcHandlers = { [C in IpcChannel]: (payload: unknown) => Promise<IpcResponse<C>> };

type Parsed<C extends IpcChannel> = z.output<(typeof requestSchemas)[C]>;

function invalidInput<T>(
  channel: IpcChannel,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Result<T> {
  const detail = issues
    .slice(0, 5)
    .map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.map(String).join('.')}: ${issue.message}`))
    .join('; ');
  return err(IpcErrorCode.InvalidInput, `Invalid payload for ${channel}: ${detail}`);
}

/** A profile summary rebuilt field by field: whatever else a port returns never reaches the renderer. */
function toSummary(profile: ServiceProfileSummary): ProfileSummary {
  return {
    name: profile.name,
    secretIdMasked: profile.secretIdMasked,
    region: profile.region,
    endpoint: profile.endpoint,
    hasToken: profile.hasToken,
    isDefault: profile.isDefault,
    // The record form preselects it for this account.
    ...(profile.defaultTemplateId === undefined ? {} : { defaultTemplateId: profile.defaultTemplateId }),
  };
}

/** Replaces every occurrence of the given secrets in an error's texts (belt and braces for `profiles:add`). */
function scrubError(error: AppError, secrets: readonly string[]): AppError {
  const scrub = (text: string) =>
    secrets.reduce((out, secret) => (secret === '' ? out : out.split(secret).join('[redacted]')), text);
  return { ...error, message: scrub(error.message) };
}

function options(profile: string | undefined): RecordOptions | undefined {
  return profile === undefined ? undefined : { profile };
}

function mapOk<T, U>(result: Result<T>, map: (value: T) => U): Result<U> {
  return result.ok ? ok(map(result.value)) : result;
}

/**
 * `schedule`: the scheduler and plans built on the same services (chains, far-ahead plans, series, bulk); the shell
 * also runs its runDue on a timer. `imports`: the app's import jobs (with its last report on disk); default in memory.
 */
export function createIpcHandlers(
  services: AppServices,
  hooks: ShellHooks,
  schedule: ScheduleServices,
  imports?: ImportJobs,
): IpcHandlers {
  const { scheduler } = schedule;
  const recordingActed = (acted: Result<unknown>) => {
    if (!acted.ok) return;
    hooks.historyChanged();
    hooks.plansChanged();
  };
  // Each body receives a payload already parsed by its channel's schema.
  const bodies: { [C in IpcChannel]: (payload: Parsed<C>) => Promise<Result<IpcResponses[C]>> } = {
    'app:info': async () => ok(await hooks.appInfo()),
    'profiles:list': async () => mapOk(await services.profiles.list(), (list) => list.map(toSummary)),
    'profiles:add': async (payload) => {
      const added = await services.profiles.add(payload);
      if (!added.ok) return { ok: false, error: scrubError(added.error, [payload.secretKey, payload.token ?? '']) };
      return ok(toSummary(added.value));
    },
    'profiles:remove': async ({ name }) => mapOk(await services.profiles.remove(name), () => null),
    'profiles:set-default': async ({ name }) => mapOk(await services.profiles.setDefault(name), () => null),
    'profiles:test': async ({ name }) => services.checkProfile(name),
    'profiles:set-default-template': async ({ profile, templateId }) =>
      mapOk(await services.profiles.setDefaultTemplate(profile, templateId), toSummary),
    'sandbox:start': async () => hooks.startSandbox(),
    'sandbox:push': async (request) => hooks.sandboxPush(request),
    'record:preview': async ({ request }) => ok(await services.recorder.preview(request)),
    'record:create': async ({ request, profile }) => {
      const now = unixSeconds(services.clock);
      if (beyondOneTask({ startTime: request.startTime ?? now, endTime: request.endTime }, now)) {
        // Over 24 h or beyond the 6-day reach: one recording of several links, the later ones planned (issue 5).
        const recorded = await scheduler.record(request, options(profile));
        hooks.historyChanged();
        hooks.plansChanged();
        const first = recorded.ok ? recorded.value.created[0] : undefined;
        if (!recorded.ok) hooks.recordAttempted(recorded);
        else if (first !== undefined) hooks.recordAttempted(ok({ entry: first }));
        const stream = normalizeRecordRequest(request);
        return mapOk(recorded, (scheduled) => toChainOutcome(scheduled, stream));
      }
      const outcome = await services.recorder.record(request, options(profile));
      // Failed and unknown attempts are in the history too.
      hooks.historyChanged();
      hooks.recordAttempted(outcome);
      return outcome;
    },
    'tasks:stop': async ({ id, profile }) => {
      const stopped = await services.recorder.stop(id, options(profile));
      if (stopped.ok) hooks.historyChanged();
      return stopped;
    },
    'tasks:delete': async ({ id, profile }) => {
      const removed = await services.recorder.remove(id, options(profile));
      if (removed.ok) hooks.historyChanged();
      return removed;
    },
    'history:list': async ({ filter }) => services.history.list(filter),
    'history:export': async ({ format }) => {
      const content = format === 'csv' ? await services.history.exportCsv() : await services.history.exportJson();
      if (!content.ok) return content;
      // Saved to a file the user opens in a spreadsheet: the BOM keeps Chinese names intact in Excel.
      return hooks.saveExport(format, format === 'csv' ? `${CSV_FILE_BOM}${content.value}` : content.value);
    },
    'history:sync': async () => {
      const report = await services.sync.run();
      if (report.ok) hooks.historyChanged();
      return report;
    },
    'live:templates': async ({ profile }) => {
      const api = await services.liveApi(options(profile));
      return api.ok ? api.value.describeRecordTemplates() : api;
    },
    'live:domains': async ({ profile }) => {
      const api = await services.liveApi(options(profile));
      return api.ok ? api.value.describeDomains() : api;
    },
    'templates:add': async ({ template, profile }) => {
      const problem = validateTemplate(template)[0];
      if (problem !== undefined) return err(IpcErrorCode.InvalidInput, problem.message);
      const api = await services.liveApi(options(profile));
      if (!api.ok) return api;
      return api.value.createRecordTemplate({
        name: template.name,
        format: template.format,
        storageDays: template.keepDays,
        ...(template.segmentMinutes === undefined ? {} : { segmentSeconds: template.segmentMinutes * 60 }),
        ...(template.description === undefined || template.description === ''
          ? {}
          : { description: template.description }),
      });
    },
    'live:stream-state': async ({ stream, profile }) => {
      const api = await services.liveApi(options(profile));
      return api.ok ? api.value.describeStreamState(stream) : api;
    },
    'settings:get': async () => ok(await hooks.getSettings()),
    'settings:set': async (patch) => hooks.setSettings(withoutUndefined(patch)),
    'recordings:stop': async ({ recordingId, profile }) => {
      const acted = await scheduler.stopRecording(recordingId, options(profile));
      recordingActed(acted);
      return mapOk(acted, toActionSummaries);
    },
    'recordings:delete': async ({ recordingId, profile }) => {
      const acted = await scheduler.deleteRecording(recordingId, options(profile));
      recordingActed(acted);
      return mapOk(acted, toActionSummaries);
    },
    'plans:list': async () => scheduler.listPlans(),
    'alerts:list': async () => {
      const [alerts, plans, entries] = await Promise.all([
        scheduler.listAlerts(),
        scheduler.listPlans(),
        services.history.list(),
      ]);
      if (!alerts.ok) return alerts;
      if (!entries.ok) return entries;
      return mapOk(plans, (recordings) => [
        ...groupAlerts(alerts.value, recordings),
        ...outcomeAlertViews(entries.value),
      ]);
    },
    'alerts:acknowledge': async (payload) => {
      // Outcome alerts live in the history (`outcomeDetail.acknowledgedAt`), as `taper alerts ack TASK_ID` stores them.
      const outcomeIds = 'all' in payload ? 'all' : 'outcomeIds' in payload ? payload.outcomeIds : [];
      const outcomes =
        outcomeIds === 'all' || outcomeIds.length > 0
          ? await acknowledgeOutcomeAlerts(services.history, outcomeIds, services.clock)
          : ok({ acknowledged: [], others: [] });
      if (!outcomes.ok) return outcomes;
      if (outcomes.value.acknowledged.length > 0) hooks.historyChanged();
      const recordingIds = 'all' in payload ? 'all' : 'recordingIds' in payload ? payload.recordingIds : [];
      const acknowledged =
        recordingIds === 'all' || recordingIds.length > 0 ? await scheduler.acknowledgeAlerts(recordingIds) : ok([]);
      if (acknowledged.ok) hooks.plansChanged();
      return mapOk(acknowledged, (links) => ({
        acknowledged: links.length,
        acknowledgedOutcomes: outcomes.value.acknowledged.length,
      }));
    },
    ...fileBodies(hooks),
    ...seriesImportBodies(services, hooks, schedule, imports),
  };

  const handlers: Partial<Record<IpcChannel, (payload: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of Object.keys(bodies) as IpcChannel[]) {
    const schema = requestSchemas[channel] as z.ZodType;
    const body = bodies[channel] as (payload: unknown) => Promise<Result<unknown>>;
    handlers[channel] = async (payload) => {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return invalidInput(channel, parsed.error.issues);
      try {
        return await body(parsed.data);
      } catch (error) {
        // The error's text may quote a request or a key: it goes to main's log only, never to the renderer.
        hooks.logError(channel, error);
        return err(IpcErrorCode.Internal, `Taper could not complete ${channel}; details are in the log.`);
      }
    };
  }
  return handlers as IpcHandlers;
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
