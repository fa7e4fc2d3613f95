// The local history: one entry for every create attempt (and every task imported by sync).
import type { AppError } from './result.js';
import type { StreamType, TaskStatus } from './domain.js';

export interface HistoryEntry {
  /** Local id, stable even while the TaskId is unknown. */
  id: string;
  /** Tencent's TaskId; null while the create failed or its outcome is unknown. */
  taskId: string | null;
  /** RequestId of the create call (or of the last call that changed the entry). */
  requestId: string | null;
  status: TaskStatus;
  /** Push domain (DomainName). */
  domain: string;
  /** Push path (AppName). */
  app: string;
  /** StreamName. */
  stream: string;
  /** Unix seconds; null when the task was created to start "now" (then it started at createdAt). */
  startTime: number | null;
  /** Unix seconds. */
  endTime: number;
  templateId: number | null;
  streamType: StreamType;
  /** Profile name, or null for credentials from TENCENTCLOUD_* variables. */
  profile: string | null;
  region: string;
  /** Unix seconds when the create call was made (or when sync imported the task). */
  createdAt: number;
  /** Unix seconds of the last change to this entry. */
  updatedAt: number;
  /** Why it failed (or why its outcome is unknown); null otherwise. */
  error: AppError | null;
  /** `taper`: created here; `imported`: found by sync (console, another operator). */
  source: 'taper' | 'imported';
  extension: string | null;
  /** Groups the links of one long recording or one series occurrence (stop/delete act on all); absent/null: a lone task. */
  recordingId?: string | null;
  /** The recurring schedule this task was created for; absent/null: none. */
  seriesId?: string | null;
  /**
   * What the window left, once settled by a sync after it ended (files listed): `recorded`, `partial` or `nothing`.
   * Absent until then (pending). `taper history --json` shows it as `outcome`.
   */
  outcome?: 'recorded' | 'partial' | 'nothing';
  /** The settled outcome's files, gaps and reason, stored so the history shows them offline. */
  outcomeDetail?: SettledOutcome;
}

/** A settled outcome as the history keeps it (times in Unix seconds). */
export interface SettledOutcome {
  /** One sentence on why (null for a clean `recorded`). */
  reason: string | null;
  files: {
    fileId: string;
    url: string;
    startTime: number;
    endTime: number;
    durationSeconds: number;
    sizeBytes: number;
  }[];
  gaps: { startTime: number; endTime: number; pushed: boolean | null }[];
  /** The stream's pushes in the window; null when they could not be read. */
  pushes: { startTime: number; endTime: number }[] | null;
  settledAt: number;
  /** When the user acknowledged a `nothing` or `partial` alert; null while it is open. */
  acknowledgedAt: number | null;
}

export interface HistoryFilter {
  /** Matches the stream name (substring, case-insensitive). */
  stream?: string;
  status?: TaskStatus;
  /** Entries whose window overlaps [from, until] (Unix seconds). */
  from?: number;
  until?: number;
}
