// "Record this stream from/until": validate, warn, call CreateRecordTask, and keep every attempt in the history.
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import type { RecordRequest } from '../../../shared/domain.js';
import type { HistoryEntry } from '../../../shared/history.js';
import { invalidInput } from '../../../shared/errors/invalid-input.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { normalizeRecordRequest, validateRecordRequest } from '../../../shared/rules/validate-record.js';
import { recordWarnings } from '../../../shared/rules/record-warnings.js';
import { toCreateRecordTaskParams } from '../../../shared/rules/api-params.js';
import type {
  HistoryPort,
  ProfilesPort,
  AccountOptions,
  RecordOutcome,
  RecordPreview,
  RecordService,
  ResolvedProfile,
} from '../app-services.js';
import type { CreatedTask } from '../../../shared/live-types.js';
import type { LiveApi } from '../live-api/live-api.js';
import { liveTaskWindows, statusByTime } from './task-windows.js';

export interface RecordServiceDeps {
  clock: Clock;
  history: HistoryPort;
  profiles: ProfilesPort;
  /** Builds a client for resolved credentials (the composition root shares one rate limiter among them). */
  liveApiFor(profile: ResolvedProfile): LiveApi;
}

export function createRecordService(deps: RecordServiceDeps): RecordService {
  const { clock, history, profiles } = deps;

  async function resolveApi(options: AccountOptions | undefined, storedProfile?: string | null) {
    const name = options?.profile ?? storedProfile ?? undefined;
    const resolved = await profiles.resolve(name);
    if (!resolved.ok) return resolved;
    const profile = options?.region ? { ...resolved.value, region: options.region } : resolved.value;
    return ok({ profile, api: deps.liveApiFor(profile) });
  }

  async function preview(request: RecordRequest): Promise<RecordPreview> {
    const nowSeconds = unixSeconds(clock);
    const normalized = normalizeRecordRequest(request);
    const problems = validateRecordRequest(normalized, nowSeconds);
    // The history may be unreadable (corrupt, moved aside); overlaps are then unknown, not a reason to refuse.
    // Only this stream's entries can overlap: ask for those, not for the whole history sorted.
    const key = { domainName: normalized.domainName, appName: normalized.appName, streamName: normalized.streamName };
    const listed = history.listStream ? await history.listStream(key) : await history.list();
    const existingTasks = listed.ok ? liveTaskWindows(listed.value) : [];
    const warnings = recordWarnings(normalized, { nowSeconds, existingTasks });
    return { problems, warnings, params: toCreateRecordTaskParams(normalized) };
  }

  async function record(request: RecordRequest, options?: AccountOptions): Promise<Result<RecordOutcome>> {
    const checked = await preview(request);
    if (checked.problems.length > 0) return invalidInput(checked.problems);
    const normalized = normalizeRecordRequest(request);
    const target = await resolveApi(options);
    if (!target.ok) return target;
    const { profile, api } = target.value;
    // The SDK loads (CPU) while the history write below waits on the disk: a one-shot `taper record` pays the longer
    // of the two, not their sum.
    api.prepare?.();

    // Written before the call as `unknown`: if this process dies mid-call, the attempt is still on record
    // and `sync` can find out whether the task exists — never a silent duplicate.
    const createdAt = unixSeconds(clock);
    const pending = await history.append(pendingAttempt(normalized, profile, createdAt));
    // Nothing sent: an attempt we could not record is not made, and the message says so.
    if (!pending.ok)
      return { ok: false, error: { ...pending.error, message: `${pending.error.message} Nothing was sent.` } };

    const created = await api.createRecordTask(normalized);
    const patch = createOutcomePatch(created, normalized, createdAt, unixSeconds(clock));
    const saved = await history.update(pending.value.id, patch);
    if (!created.ok) return created;
    // The task exists on the platform even if the history could not be updated: report it, never hide it.
    const entry = saved.ok ? saved.value : { ...pending.value, ...patch };
    const warnings = saved.ok
      ? checked.warnings
      : [
          ...checked.warnings,
          {
            code: 'HistoryNotUpdated',
            message: `The task was created but the history could not be updated: ${saved.error.message}`,
          },
        ];
    return ok({ entry, warnings });
  }

  async function findEntry(idOrTaskId: string): Promise<HistoryEntry | null> {
    const listed = await history.list();
    if (!listed.ok) return null;
    return listed.value.find((entry) => entry.id === idOrTaskId || entry.taskId === idOrTaskId) ?? null;
  }

  async function changeTask(
    idOrTaskId: string,
    options: AccountOptions | undefined,
    call: (api: LiveApi, taskId: string) => Promise<Result<{ requestId: string }>>,
    status: 'stopped' | 'deleted',
  ): Promise<Result<HistoryEntry>> {
    const entry = await findEntry(idOrTaskId);
    if (entry && entry.taskId === null) {
      return err(
        LocalErrorCode.TaskNotFound,
        `History entry ${idOrTaskId} has no TaskId (its create ${entry.status === 'unknown' ? 'has an unknown outcome; run sync first' : 'failed'}).`,
      );
    }
    const taskId = entry?.taskId ?? idOrTaskId;
    const target = await resolveApi(options, entry?.profile);
    if (!target.ok) return target;
    const done = await call(target.value.api, taskId);
    if (!done.ok) return done;
    const now = unixSeconds(clock);
    if (entry) return history.update(entry.id, { status, requestId: done.value.requestId });
    // A task created elsewhere (console, another operator): keep a trace of what was done to it.
    return ok(untrackedTaskTrace(taskId, done.value.requestId, status, target.value.profile, now));
  }

  return {
    preview,
    record,
    stop: (idOrTaskId, options) =>
      changeTask(idOrTaskId, options, (api, taskId) => api.stopRecordTask(taskId), 'stopped'),
    remove: (idOrTaskId, options) =>
      changeTask(idOrTaskId, options, (api, taskId) => api.deleteRecordTask(taskId), 'deleted'),
  };
}

type NormalizedRequest = ReturnType<typeof normalizeRecordRequest>;

/** The history entry of an attempt before its call answers: `unknown`, so a crash mid-call still leaves a trace. */
function pendingAttempt(
  normalized: NormalizedRequest,
  profile: ResolvedProfile,
  createdAt: number,
): Parameters<HistoryPort['append']>[0] {
  return {
    taskId: null,
    requestId: null,
    status: 'unknown',
    domain: normalized.domainName,
    app: normalized.appName,
    stream: normalized.streamName,
    startTime: normalized.startTime ?? null,
    endTime: normalized.endTime,
    templateId: normalized.templateId ?? null,
    streamType: normalized.streamType ?? 0,
    profile: profile.profile,
    region: profile.region,
    createdAt,
    error: { code: LocalErrorCode.UnknownOutcome, message: 'The create call had not answered yet.' },
    source: 'taper',
    extension: normalized.extension ?? null,
  };
}

/** What the create call's answer changes in the pending entry; a timeout stays `unknown` for `sync` to resolve. */
function createOutcomePatch(
  created: Result<CreatedTask>,
  normalized: NormalizedRequest,
  createdAt: number,
  nowSeconds: number,
): Partial<HistoryEntry> {
  return created.ok
    ? {
        taskId: created.value.taskId,
        requestId: created.value.requestId,
        status: statusByTime(normalized.startTime ?? createdAt, normalized.endTime, nowSeconds),
        error: null,
      }
    : {
        requestId: created.error.requestId ?? null,
        status: created.error.code === LocalErrorCode.UnknownOutcome ? 'unknown' : 'failed',
        error: created.error,
      };
}

/** A task created elsewhere (console, another operator): a trace of what was done to it, not kept in the history. */
function untrackedTaskTrace(
  taskId: string,
  requestId: string,
  status: 'stopped' | 'deleted',
  profile: ResolvedProfile,
  now: number,
): HistoryEntry {
  return {
    id: taskId,
    taskId,
    requestId,
    status,
    domain: '',
    app: '',
    stream: '',
    startTime: null,
    endTime: now,
    templateId: null,
    streamType: 0,
    profile: profile.profile,
    region: profile.region,
    createdAt: now,
    updatedAt: now,
    error: null,
    source: 'imported',
    extension: null,
  };
}
