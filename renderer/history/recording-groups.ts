// The history as the user thinks of it: a lone task is one row; the links of one recording (same recordingId: a chain
// over 24 h, a far-ahead plan, a series occurrence) are one group, with the links the plans still hold but that have
// no task yet. Pure and linear in the number of entries, so 20,000 of them group in a few milliseconds.
import type { TaskStatus } from '../../shared/domain';
import type { HistoryEntry } from '../../shared/history';
import type { AppError } from '../../shared/result';
import { linkCreatableAt } from '../../shared/schedule/chain-preview';
import type { PlannedLink, PlannedLinkStatus, PlannedRecording } from '../../shared/schedule/plans';
import type { HistoryQuery } from './history-search';

/** Where one link stands: its task's status when it has a history entry, else the plan's (planned, missed, ...). */
export type LinkStatus = TaskStatus | Exclude<PlannedLinkStatus, 'failed'>;

export interface GroupLink {
  /** Position in the chain from 0; -1 for an attempt the plans no longer list. */
  index: number;
  /** Unix seconds. */
  startTime: number;
  endTime: number;
  status: LinkStatus;
  taskId: string | null;
  /** The create attempt, when there is one. */
  entry: HistoryEntry | null;
  /** Unix seconds when a planned link's task will be created; null otherwise. */
  createAt: number | null;
  error: AppError | null;
}

export interface RecordingGroup {
  kind: 'recording';
  recordingId: string;
  domain: string;
  app: string;
  stream: string;
  /** Unix seconds, the whole recording's window. */
  startTime: number;
  endTime: number;
  /** Links in chain order (attempts the plans no longer list last, by start). */
  links: GroupLink[];
  /** Attempts (history entries) in the group. */
  attempts: number;
  /** Newest activity (a link created, the plan made), for the newest-first order. */
  createdAt: number;
}

export type HistoryItem = { kind: 'task'; entry: HistoryEntry } | RecordingGroup;

/** Groups entries by recordingId and adds plans without entries; entries without a recordingId stay single. */
export function groupHistory(entries: readonly HistoryEntry[], plans: readonly PlannedRecording[]): HistoryItem[] {
  const items: HistoryItem[] = [];
  const byRecording = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const recordingId = entry.recordingId ?? null;
    if (recordingId === null) {
      items.push({ kind: 'task', entry });
      continue;
    }
    const list = byRecording.get(recordingId);
    if (list === undefined) byRecording.set(recordingId, [entry]);
    else list.push(entry);
  }
  const planById = new Map(plans.map((plan) => [plan.recordingId, plan]));
  for (const [recordingId, list] of byRecording) items.push(buildGroup(recordingId, list, planById.get(recordingId)));
  for (const plan of plans) {
    if (!byRecording.has(plan.recordingId)) items.push(buildGroup(plan.recordingId, [], plan));
  }
  return items;
}

function buildGroup(
  recordingId: string,
  entries: readonly HistoryEntry[],
  plan: PlannedRecording | undefined,
): RecordingGroup {
  const used = new Set<HistoryEntry>();
  const links: GroupLink[] = [];
  for (const link of plan?.links ?? []) {
    // The latest attempt for the link: its historyId, else its TaskId (adopted), else an attempt on its window.
    const entry =
      entries.find((candidate) => candidate.id === link.historyId) ??
      entries.find((candidate) => link.taskId !== null && candidate.taskId === link.taskId) ??
      null;
    if (entry !== null) used.add(entry);
    links.push(entry === null ? planLink(link) : entryLink(entry, link.index));
  }
  const extra = entries
    .filter((entry) => !used.has(entry))
    .map((entry) =>
      entryLink(
        entry,
        plan?.links.find(
          (link) =>
            (entry.startTime ?? entry.createdAt) >= link.startTime &&
            (entry.startTime ?? entry.createdAt) < link.endTime,
        )?.index ?? -1,
      ),
    )
    .sort((a, b) => a.startTime - b.startTime);
  const all = [...links, ...extra];
  const first = entries[0];
  const starts = all.map((link) => link.startTime);
  const ends = all.map((link) => link.endTime);
  return {
    kind: 'recording',
    recordingId,
    domain: plan?.stream.domainName ?? first?.domain ?? '',
    app: plan?.stream.appName ?? first?.app ?? '',
    stream: plan?.stream.streamName ?? first?.stream ?? '',
    startTime: plan?.startTime ?? Math.min(...starts),
    endTime: plan?.endTime ?? Math.max(...ends),
    links: all,
    attempts: entries.length,
    createdAt: Math.max(plan?.createdAt ?? 0, ...entries.map((entry) => entry.createdAt)),
  };
}

function entryLink(entry: HistoryEntry, index: number): GroupLink {
  return {
    index,
    startTime: entry.startTime ?? entry.createdAt,
    endTime: entry.endTime,
    status: entry.status,
    taskId: entry.taskId,
    entry,
    createAt: null,
    error: entry.error,
  };
}

function planLink(link: PlannedLink): GroupLink {
  return {
    index: link.index,
    startTime: link.startTime,
    endTime: link.endTime,
    // Adopted from the platform (created, no entry of ours): it is a scheduled task as far as the user is concerned.
    status: link.status === 'created' ? 'scheduled' : link.status,
    taskId: link.taskId,
    entry: null,
    createAt: link.status === 'planned' ? linkCreatableAt(link) : null,
    error: link.error,
  };
}

/** Matching items, newest first: a group matches on its stream, any link's status and its whole window. */
export function filterItems(items: readonly HistoryItem[], query: HistoryQuery): HistoryItem[] {
  const needle = query.search.trim().toLowerCase();
  return items
    .filter((item) => {
      const stream = item.kind === 'task' ? item.entry.stream : item.stream;
      if (needle !== '' && !stream.toLowerCase().includes(needle)) return false;
      if (
        query.status !== '' &&
        !(item.kind === 'task'
          ? item.entry.status === query.status
          : item.links.some((link) => link.status === query.status))
      )
        return false;
      const start = item.kind === 'task' ? (item.entry.startTime ?? item.entry.createdAt) : item.startTime;
      const end = item.kind === 'task' ? item.entry.endTime : item.endTime;
      if (query.from !== undefined && end < query.from) return false;
      if (query.until !== undefined && start > query.until) return false;
      return true;
    })
    .sort((a, b) => itemCreatedAt(b) - itemCreatedAt(a) || itemUpdatedAt(b) - itemUpdatedAt(a));
}

const itemCreatedAt = (item: HistoryItem) => (item.kind === 'task' ? item.entry.createdAt : item.createdAt);
const itemUpdatedAt = (item: HistoryItem) => (item.kind === 'task' ? item.entry.updatedAt : item.createdAt);

/** How many links are in each status, in the order they first appear (e.g. 1 recording · 1 planned). */
export function statusSummary(group: RecordingGroup): { status: LinkStatus; count: number }[] {
  const counts = new Map<LinkStatus, number>();
  for (const link of group.links) counts.set(link.status, (counts.get(link.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => ({ status, count }));
}

/** Stop/Delete apply while a link may still record: a task scheduled or recording, or a link still planned. */
export function canActOnGroup(group: RecordingGroup): boolean {
  return group.links.some(
    (link) =>
      (link.taskId !== null && (link.status === 'scheduled' || link.status === 'recording')) ||
      link.status === 'planned',
  );
}
