// The Live API as the rest of Taper sees it: every outcome a typed value, never a throw.
import type { RecordRequest, StreamKey } from '../../../shared/domain.js';
import type { CreatedTask, LiveDomain, RecordTemplate, RemoteTask, StreamState } from '../../../shared/live-types.js';
import type { Result } from '../../../shared/result.js';

export interface Credentials {
  secretId: string;
  secretKey: string;
  /** Temporary credentials' session token (STS). */
  token?: string;
}

export interface DescribeTasksQuery {
  /** Window to search, Unix seconds; the client splits windows over the API's 7-day limit. */
  startTime: number;
  endTime: number;
  domainName?: string;
  appName?: string;
  streamName?: string;
}

/** What `taper templates add` and the app ask for: one recording format, kept this many days (0: permanently). */
export interface NewRecordTemplate {
  name: string;
  description?: string;
  format: 'mp4' | 'hls' | 'flv' | 'aac';
  storageDays: number;
  /** Length of each file, 1800–7200 s; default the platform's 1800. */
  segmentSeconds?: number;
}

export interface LiveApi {
  /** CreateRecordTask. A lost answer is `Taper.UnknownOutcome`, never a failure: the task may exist. */
  createRecordTask(request: RecordRequest): Promise<Result<CreatedTask>>;
  stopRecordTask(taskId: string): Promise<Result<{ requestId: string }>>;
  deleteRecordTask(taskId: string): Promise<Result<{ requestId: string }>>;
  /** DescribeRecordTask, following ScrollToken to the last page. */
  describeRecordTasks(query: DescribeTasksQuery): Promise<Result<RemoteTask[]>>;
  describeRecordTemplates(): Promise<Result<RecordTemplate[]>>;
  /** CreateLiveRecordTemplate: one format, its storage time (0 days: permanent) and segment length. */
  createRecordTemplate(template: NewRecordTemplate): Promise<Result<{ templateId: number; requestId: string }>>;
  describeStreamState(stream: StreamKey): Promise<Result<StreamState>>;
  describeDomains(): Promise<Result<LiveDomain[]>>;
  /**
   * Starts loading the SDK without sending anything: a caller about to wait on disk (the history write that precedes
   * a create) overlaps the two. Optional: clients without a lazy load have nothing to prepare.
   */
  prepare?(): void;
}
