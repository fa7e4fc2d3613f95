// What the tray shows, derived from the history and the time alone (pure): what is recording, what is next,
// and which streams were recorded lately (for Quick record).
import type { StreamKey } from '../../shared/domain.js';
import type { HistoryEntry } from '../../shared/history.js';

/** A task the tray lists. */
export interface TrayTask {
  /** Local history id (what tasks:stop takes). */
  id: string;
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
}

export interface DeriveOptions {
  /** How many streams Quick record offers. */
  maxRecentStreams?: number;
  /** How many upcoming tasks the menu lists. */
  maxUpNext?: number;
}

/** Statuses of tasks that exist on the platform and may still record. */
const LIVE_STATUSES: ReadonlySet<HistoryEntry['status']> = new Set(['scheduled', 'recording', 'finished']);

function streamId(stream: StreamKey): string {
  return JSON.stringify([stream.domainName, stream.appName, stream.streamName]);
}

export function deriveTrayState(entries: readonly HistoryEntry[], nowSeconds: number, options: DeriveOptions = {}): TrayState {
  const maxRecent = options.maxRecentStreams ?? 5;
  const maxUpNext = options.maxUpNext ?? 5;
  const recording: TrayTask[] = [];
  const upNext: TrayTask[] = [];
  for (const entry of entries) {
    // Status can lag behind the clock (sync has not run): the window decides, the status only excludes dead tasks.
    if (entry.taskId === null || !LIVE_STATUSES.has(entry.status)) continue;
    const task: TrayTask = {
      id: entry.id,
      stream: { domainName: entry.domain, appName: entry.app, streamName: entry.stream },
      startTime: entry.startTime ?? entry.createdAt,
      endTime: entry.endTime,
      profile: entry.profile,
    };
    if (task.endTime <= nowSeconds) continue;
    (task.startTime <= nowSeconds ? recording : upNext).push(task);
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
  return { nowSeconds, recording, upNext: upNext.slice(0, maxUpNext), recentStreams };
}
