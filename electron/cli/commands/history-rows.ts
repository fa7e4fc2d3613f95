// What `taper history` lists: every attempt in the history, and the links the plans hold that no attempt stands for
// (planned beyond the API's reach, or missed). Without them a recording planned more than 6 days ahead, or the rest
// of a chain, would be invisible in the CLI. Pure and linear in entries + links, so it is tested alone.
import { TASK_STATUSES, type StreamType, type TaskStatus } from '../../../shared/domain.js';
import type { HistoryEntry } from '../../../shared/history.js';
import { linkCreatableAt } from '../../../shared/schedule/chain-preview.js';
import type { PlannedRecording } from '../../../shared/schedule/plans.js';

/** Statuses only a plan has: its task not created yet, or its window ended before it could be. */
export const PLAN_ROW_STATUSES = ['planned', 'missed'] as const;
export type PlanRowStatus = (typeof PLAN_ROW_STATUSES)[number];
export type HistoryRowStatus = TaskStatus | PlanRowStatus;
/** What `taper history --status` accepts. */
export const HISTORY_ROW_STATUSES: readonly HistoryRowStatus[] = [...TASK_STATUSES, ...PLAN_ROW_STATUSES];

/** A history entry as listed: its recording named where the entry or the plans know it. */
export type EntryRow = Omit<HistoryEntry, 'recordingId'> & {
  /** The recording (chain, far-ahead plan, series occurrence) this task is a link of; null: a lone task. */
  recordingId: string | null;
};

/** A link of the plans with no attempt in the history: an entry's fields as far as they apply. */
export interface PlanRow {
  /** No history entry stands for it. */
  id: null;
  taskId: null;
  requestId: null;
  status: PlanRowStatus;
  domain: string;
  app: string;
  stream: string;
  /** Unix seconds. */
  startTime: number;
  endTime: number;
  templateId: number | null;
  streamType: StreamType;
  /** Profile its task is created with; null: environment credentials or the default profile. */
  profile: string | null;
  /** Region override; null: the profile's. */
  region: string | null;
  /** Unix seconds when the recording was planned. */
  createdAt: number;
  /** Unix seconds of the link's last change. */
  updatedAt: number;
  /** Why it was missed (or why its last try was deferred); null otherwise. */
  error: HistoryEntry['error'];
  source: 'taper';
  extension: string | null;
  /** The recording it is a link of: `taper stop`/`taper delete` take it. */
  recordingId: string;
  seriesId: string | null;
  /** Position of the link in the recording's chain, from 0. */
  linkIndex: number;
  /** Unix seconds when its task is created (by the app or `taper sync`); null when missed. */
  createAt: number | null;
}

export type HistoryRow = EntryRow | PlanRow;

export interface HistoryRowFilter {
  /** Matches the stream name (substring, case-insensitive), as the history's own filter. */
  stream?: string;
  status?: HistoryRowStatus;
}

export const isPlanRow = (row: HistoryRow): row is PlanRow => row.id === null;

/** Entries and plan-only links, newest first (plan rows by when they were planned), filtered. */
export function historyRows(
  entries: readonly HistoryEntry[],
  recordings: readonly PlannedRecording[],
  filter: HistoryRowFilter = {},
): HistoryRow[] {
  const entryIds = new Set(entries.map((entry) => entry.id));
  const recordingByHistoryId = new Map<string, string>();
  const recordingByTaskId = new Map<string, string>();
  const planRows: PlanRow[] = [];
  for (const recording of recordings) {
    for (const link of recording.links) {
      if (link.historyId !== null) recordingByHistoryId.set(link.historyId, recording.recordingId);
      if (link.taskId !== null) recordingByTaskId.set(link.taskId, recording.recordingId);
      if (link.status !== 'planned' && link.status !== 'missed') continue;
      // An attempt in the history already stands for this link.
      if (link.historyId !== null && entryIds.has(link.historyId)) continue;
      planRows.push({
        id: null,
        taskId: null,
        requestId: null,
        status: link.status,
        domain: recording.stream.domainName,
        app: recording.stream.appName,
        stream: recording.stream.streamName,
        startTime: link.startTime,
        endTime: link.endTime,
        templateId: recording.templateId,
        streamType: recording.streamType,
        profile: recording.profile,
        region: recording.region,
        createdAt: recording.createdAt,
        updatedAt: link.updatedAt,
        error: link.error,
        source: 'taper',
        extension: recording.extension,
        recordingId: recording.recordingId,
        seriesId: recording.seriesId,
        linkIndex: link.index,
        createAt: link.status === 'planned' ? linkCreatableAt(link) : null,
      });
    }
  }
  const entryRows: EntryRow[] = entries.map((entry) => ({
    ...entry,
    recordingId:
      entry.recordingId ??
      recordingByHistoryId.get(entry.id) ??
      (entry.taskId === null ? undefined : recordingByTaskId.get(entry.taskId)) ??
      null,
  }));
  const needle = filter.stream?.trim() ? filter.stream.trim().toLowerCase() : null;
  const rows: HistoryRow[] = [...entryRows, ...planRows].filter(
    (row) =>
      (needle === null || row.stream.toLowerCase().includes(needle)) &&
      (filter.status === undefined || row.status === filter.status),
  );
  // Stable: entries keep the history's order (newest first), a recording's links their chain order.
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}
