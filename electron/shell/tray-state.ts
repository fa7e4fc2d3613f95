// What the tray shows, derived from the history, the plans and the time alone (pure): what is recording, what is
// next (a chain of links counts once), which streams were recorded lately (for Quick record), and open alerts.
import type { StreamKey } from '../../shared/domain.js';
import type { HistoryEntry } from '../../shared/history.js';
import { isOpenAlert, type PlannedRecording } from '../../shared/schedule/plans.js';

/** A task the tray lists. */
export interface TrayTask {
  /** Local history id (what tasks:stop takes), or the recording id for a recording of several links. */
  id: string;
  /** Set for a recording made by the scheduler (chain, far-ahead plan): Stop then stops every link. */
  recordingId: string | null;
  /** How many links (tasks) the recording has; 1 for a lone task. */
  links: number;
  stream: StreamKey;
  /** Unix seconds; for "now" tasks the creation time. */
  startTime: number;
  endTime: number;
  /** Profile the task was created with (stop must use the same keys). */
  profile: string | null;
}

/** A stream recorded before, offered under Quick record. */
export interface RecentStream extends StreamKey {
  /** Profile of the latest attempt on it. */
  profile: string | null;
}

export interface TrayState {
  /** Unix seconds the state was derived at (for "time left"). */
  nowSeconds: number;
  /** Tasks whose window contains now, ending soonest first. */
  recording: TrayTask[];
  /** Tasks still to start, soonest first. */
  upNext: TrayTask[];
  /** Distinct streams, most recently used first. */
  recentStreams: RecentStream[];
  /** Recordings with missed or failed links not acknowledged yet. */
  alerts: number;
}

export interface DeriveOptions {
  /** How many streams Quick record offers. */
  maxRecentStreams?: number;
  /** How many upcoming tasks the menu lists. */
  maxUpNext?: number;
  /** Planned recordings (plans.json): links not created yet, and alerts. */
  plans?: readonly PlannedRecording[];
}

/** Statuses of tasks that exist on the platform and may still record. */
const LIVE_STATUSES: ReadonlySet<HistoryEntry['status']> = new Set(['scheduled', 'recording', 'finished']);

function streamId(stream: StreamKey): string {
  return JSON.stringify([stream.domainName, stream.appName, stream.streamName]);
}

export function deriveTrayState(
  entries: readonly HistoryEntry[],
  nowSeconds: number,
  options: DeriveOptions = {},
): TrayState {
  const maxRecent = options.maxRecentStreams ?? 5;
  const maxUpNext = options.maxUpNext ?? 5;
  const plans = options.plans ?? [];
  const recording: TrayTask[] = [];
  const upNext: TrayTask[] = [];
  const chains = new Map<string, HistoryEntry[]>(plans.map((plan) => [plan.recordingId, []]));
  for (const entry of entries) {
    if (entry.recordingId != null) {
      const links = chains.get(entry.recordingId) ?? [];
      chains.set(entry.recordingId, links.concat(entry));
      continue;
    }
    // Status can lag behind the clock (sync has not run): the window decides, the status only excludes dead tasks.
    if (entry.taskId === null || !LIVE_STATUSES.has(entry.status)) continue;
    const task: TrayTask = {
      id: entry.id,
      recordingId: null,
      links: 1,
      stream: { domainName: entry.domain, appName: entry.app, streamName: entry.stream },
      startTime: entry.startTime ?? entry.createdAt,
      endTime: entry.endTime,
      profile: entry.profile,
    };
    if (task.endTime <= nowSeconds) continue;
    (task.startTime <= nowSeconds ? recording : upNext).push(task);
  }
  const planById = new Map(plans.map((plan) => [plan.recordingId, plan]));
  for (const [recordingId, linkEntries] of chains) {
    const task = chainTask(recordingId, linkEntries, planById.get(recordingId), nowSeconds);
    if (task !== null) (task.startTime <= nowSeconds ? recording : upNext).push(task);
  }
  recording.sort((a, b) => a.endTime - b.endTime || a.id.localeCompare(b.id));
  upNext.sort((a, b) => a.startTime - b.startTime || a.id.localeCompare(b.id));

  const byRecency = [...entries].sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
  const seen = new Set<string>();
  const recentStreams: RecentStream[] = [];
  for (const entry of byRecency) {
    if (recentStreams.length >= maxRecent) break;
    const stream = { domainName: entry.domain, appName: entry.app, streamName: entry.stream };
    const key = streamId(stream);
    if (seen.has(key)) continue;
    seen.add(key);
    recentStreams.push({ ...stream, profile: entry.profile });
  }
  const alerts = plans.filter((plan) => plan.links.some(isOpenAlert)).length;
  return { nowSeconds, recording, upNext: upNext.slice(0, maxUpNext), recentStreams, alerts };
}

/**
 * One recording of several links as one tray task, or null when nothing of it may still record. Its live parts are
 * the links whose task exists (history) and the links still planned; it is "recording" once one of them has begun,
 * and ends with the last of them.
 */
function chainTask(
  recordingId: string,
  entries: readonly HistoryEntry[],
  plan: PlannedRecording | undefined,
  nowSeconds: number,
): TrayTask | null {
  const windows: { startTime: number; endTime: number }[] = [];
  for (const entry of entries) {
    if (entry.taskId !== null && LIVE_STATUSES.has(entry.status))
      windows.push({ startTime: entry.startTime ?? entry.createdAt, endTime: entry.endTime });
  }
  for (const link of plan?.links ?? []) {
    if (link.status === 'planned' || link.status === 'pending-sync') windows.push(link);
  }
  const live = windows.filter((window) => window.endTime > nowSeconds);
  const first = entries[0];
  const stream =
    plan?.stream ??
    (first === undefined ? null : { domainName: first.domain, appName: first.app, streamName: first.stream });
  if (live.length === 0 || stream === null) return null;
  return {
    id: recordingId,
    recordingId,
    links: plan?.links.length ?? entries.length,
    stream: { ...stream },
    startTime: Math.min(...live.map((window) => window.startTime)),
    endTime: Math.max(...live.map((window) => window.endTime)),
    profile: plan === undefined ? (first?.profile ?? null) : plan.profile,
  };
}
