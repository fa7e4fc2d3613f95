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
}

export interface HistoryFilter {
  /** Matches the stream name (substring, case-insensitive). */
  stream?: string;
  status?: TaskStatus;
  /** Entries whose window overlaps [from, until] (Unix seconds). */
  from?: number;
  until?: number;
}
