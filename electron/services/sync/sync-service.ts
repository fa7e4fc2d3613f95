// Brings the local history in line with the platform: statuses, tasks created elsewhere, and unknown outcomes.
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import type { HistoryEntry } from '../../../shared/history.js';
import type { RemoteTask } from '../../../shared/live-types.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { ok, type Result } from '../../../shared/result.js';
import type {
  HistoryPort,
  ProfilesPort,
  AccountOptions,
  ResolvedProfile,
  SyncReport,
  SyncService,
} from '../app-services.js';
import type { LiveApi } from '../live-api/live-api.js';
import { statusByTime } from '../recording/task-windows.js';
import { findTaskForAttempt } from './match-unknown.js';

/** DescribeRecordTask looks back at most 90 days; tasks may start up to 6 days ahead (7 with their window). */
const LOOK_BACK_SECONDS = 90 * 86_400 - 3_600;
const LOOK_AHEAD_SECONDS = 7 * 86_400;
/** An unknown create this old that the platform does not list was never created. */
const UNKNOWN_GRACE_SECONDS = 60;

export interface SyncState {
  lastSyncedAt(): Promise<number | null>;
  setLastSyncedAt(unix: number): Promise<void>;
}

export interface SyncServiceDeps {
  clock: Clock;
  history: HistoryPort;
  profiles: ProfilesPort;
  liveApiFor(profile: ResolvedProfile): LiveApi;
  state: SyncState;
}

function remoteStatus(task: RemoteTask, nowSeconds: number): HistoryEntry['status'] {
  return task.stopped ? 'stopped' : statusByTime(task.startTime, task.endTime, nowSeconds);
}

function importedEntry(
  task: RemoteTask,
  profile: ResolvedProfile,
  nowSeconds: number,
): Omit<HistoryEntry, 'id' | 'updatedAt'> {
  return {
    taskId: task.taskId,
    requestId: null,
    status: remoteStatus(task, nowSeconds),
    domain: task.domainName,
    app: task.appName,
    stream: task.streamName,
    startTime: task.startTime,
    endTime: task.endTime,
    templateId: task.templateId,
    streamType: task.streamType,
    profile: profile.profile,
    region: profile.region,
    createdAt: nowSeconds,
    error: null,
    source: 'imported',
    extension: task.extension,
  };
}

/** Applies the platform's view to the entries of one profile; returns the new list and what changed. */
export function reconcile(
  entries: HistoryEntry[],
  remote: readonly RemoteTask[],
  profile: ResolvedProfile,
  nowSeconds: number,
): { entries: HistoryEntry[]; report: Omit<SyncReport, 'syncedAt'>; toImport: RemoteTask[] } {
  const byTaskId = new Map(remote.map((task) => [task.taskId, task]));
  const claimed = new Set(entries.flatMap((entry) => (entry.taskId ? [entry.taskId] : [])));
  let updated = 0;
  let resolved = 0;
  let stillUnknown = 0;
  const mine = (entry: HistoryEntry) => entry.profile === profile.profile && entry.region === profile.region;

  const next = entries.map((entry) => {
    if (!mine(entry)) return entry;
    if (entry.status === 'unknown' && entry.taskId === null) {
      const match = findTaskForAttempt(entry, remote, claimed);
      if (match) {
        claimed.add(match.taskId);
        resolved += 1;
        return {
          ...entry,
          taskId: match.taskId,
          status: remoteStatus(match, nowSeconds),
          error: null,
          updatedAt: nowSeconds,
        };
      }
      if (nowSeconds - entry.createdAt >= UNKNOWN_GRACE_SECONDS) {
        resolved += 1;
        const error = {
          code: LocalErrorCode.UnknownOutcome,
          message: 'Sync found no such task on the platform: it was not created. Record it again if still needed.',
        };
        return { ...entry, status: 'failed' as const, error, updatedAt: nowSeconds };
      }
      stillUnknown += 1;
      return entry;
    }
    const task = entry.taskId ? byTaskId.get(entry.taskId) : undefined;
    if (!task || entry.status === 'deleted') return entry;
    const status = remoteStatus(task, nowSeconds);
    if (status === entry.status) return entry;
    updated += 1;
    return { ...entry, status, updatedAt: nowSeconds };
  });
  const toImport = remote.filter((task) => !claimed.has(task.taskId));
  return { entries: next, report: { updated, imported: toImport.length, resolved, stillUnknown }, toImport };
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  return {
    lastSyncedAt: () => deps.state.lastSyncedAt(),
    async run(options?: AccountOptions): Promise<Result<SyncReport>> {
      const resolved = await deps.profiles.resolve(options?.profile);
      if (!resolved.ok) return resolved;
      const profile = options?.region ? { ...resolved.value, region: options.region } : resolved.value;
      const now = unixSeconds(deps.clock);
      const listed = await deps.liveApiFor(profile).describeRecordTasks({
        startTime: now - LOOK_BACK_SECONDS,
        endTime: now + LOOK_AHEAD_SECONDS,
      });
      if (!listed.ok) return listed;
      const remote = listed.value;
      // One locked read-modify-write, so a record made meanwhile by another process is not lost.
      const changed = await deps.history.mutate((entries) => {
        const result = reconcile(entries, remote, profile, now);
        const imported = result.toImport.map((task) => ({
          ...importedEntry(task, profile, now),
          id: `imported-${task.taskId}`,
          updatedAt: now,
        }));
        return { entries: [...imported, ...result.entries], result: result.report };
      });
      if (!changed.ok) return changed;
      await deps.state.setLastSyncedAt(now);
      return ok({ ...changed.value, syncedAt: now });
    },
  };
}
