// "Never twice": before a link is created, look for a task that already records that stream over that window
// (created before a crash, with an unknown outcome, by another Taper process, or in the console).
import type { StreamKey } from '../domain.js';
import type { HistoryEntry } from '../history.js';
import type { RemoteTask } from '../live-types.js';

/** A "now" task starts when the platform creates it: allow this much between createdAt and its real start. */
export const NOW_START_SLACK_SECONDS = 120;

const sameStream = (a: StreamKey, domain: string, app: string, stream: string): boolean =>
  a.domainName.toLowerCase() === domain.toLowerCase() && a.appName === app && a.streamName === stream;

/**
 * The history entry whose task covers `window` of `stream`, if any: same stream, ends no earlier, and starts no later
 * than the window's start — or, for a task made after the window began (a late "record the rest"), no later than its
 * own creation. Failed and deleted entries record nothing and do not count; `unknown` ones do (their task may exist).
 */
export function coveringEntry(
  entries: readonly HistoryEntry[],
  stream: StreamKey,
  window: { startTime: number; endTime: number },
): HistoryEntry | null {
  return (
    entries.find((entry) => {
      if (entry.status === 'failed' || entry.status === 'deleted') return false;
      if (!sameStream(stream, entry.domain, entry.app, entry.stream)) return false;
      if (entry.endTime < window.endTime) return false;
      const start = entry.startTime ?? entry.createdAt;
      return (
        start <= Math.max(window.startTime, entry.createdAt) + (entry.startTime === null ? NOW_START_SLACK_SECONDS : 0)
      );
    }) ?? null
  );
}

/** The platform task that covers `window` of `stream` (not stopped), if any. */
export function coveringTask(
  tasks: readonly RemoteTask[],
  stream: StreamKey,
  window: { startTime: number; endTime: number },
  nowSeconds: number,
): RemoteTask | null {
  return (
    tasks.find(
      (task) =>
        !task.stopped &&
        sameStream(task, stream.domainName, stream.appName, stream.streamName) &&
        task.endTime >= window.endTime &&
        task.startTime <= Math.max(window.startTime, nowSeconds) + NOW_START_SLACK_SECONDS,
    ) ?? null
  );
}
