// Domain types shared by main, CLI and renderer. Times are Unix seconds throughout, as the API wants them.

/** StreamType of CreateRecordTask: 0 a normal live push, 1 a mixed stream (A + B = C). */
export type StreamType = 0 | 1;

/** What the user asks for: "record this stream from/until". Mirrors CreateRecordTask's parameters. */
export interface RecordRequest {
  /** Push domain, e.g. `5000.livepush.myqcloud.com` (a bare host name, not a URL). */
  domainName: string;
  /** Push path (AppName), e.g. `live`. */
  appName: string;
  /** Stream name. */
  streamName: string;
  /** Start, Unix seconds; undefined means "now": the request then carries no StartTime. */
  startTime?: number;
  /** End, Unix seconds; required. */
  endTime: number;
  /** Defaults to 0 (normal push). */
  streamType?: StreamType;
  /** Recording template; undefined means none (the platform then records HLS, kept permanently). */
  templateId?: number;
  /** Reserved by the API; passed through. */
  extension?: string;
}

/** A stream identity: the triple every task is about. */
export interface StreamKey {
  domainName: string;
  appName: string;
  streamName: string;
}

/** The lifecycle of a task as Taper tracks it. `unknown`: the create call's outcome could not be learned. */
export type TaskStatus = 'scheduled' | 'recording' | 'finished' | 'stopped' | 'deleted' | 'failed' | 'unknown';

export const TASK_STATUSES: readonly TaskStatus[] = [
  'scheduled',
  'recording',
  'finished',
  'stopped',
  'deleted',
  'failed',
  'unknown',
];

/** A task as the platform or the history knows it, enough to compute overlaps and warnings. */
export interface TaskWindow extends StreamKey {
  taskId?: string;
  /** Start, Unix seconds (for "now" tasks: the creation time). */
  startTime: number;
  endTime: number;
  status: TaskStatus;
}

/** A blocking problem with a request: the form shows it on `field`, the CLI exits 2. */
export interface Problem {
  /** Stable code, e.g. `EndTime.NotAfterStart`; tests and translations key on it. */
  code: string;
  /** The request field at fault (RecordRequest key), or `request` for the whole. */
  field: keyof RecordRequest | 'request';
  /** English message for logs and the CLI. */
  message: string;
}

/** A non-blocking notice about a request: the user may go ahead. */
export interface Warning {
  /** Stable code, e.g. `PushDelay`, `Overlap`, `NoTemplate`. */
  code: string;
  message: string;
}
