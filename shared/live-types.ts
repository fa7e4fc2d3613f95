// What Taper reads back from the Live API, in its own camelCase shape (the client maps PascalCase).
import type { StreamKey, StreamType } from './domain.js';

/** A task as DescribeRecordTask reports it. */
export interface RemoteTask extends StreamKey {
  taskId: string;
  startTime: number;
  endTime: number;
  templateId: number | null;
  streamType: StreamType;
  /** The task was stopped by StopRecordTask. */
  stopped: boolean;
  extension: string | null;
}

/** A recording template from DescribeLiveRecordTemplates. */
export interface RecordTemplate {
  templateId: number;
  name: string;
  description: string;
}

/** A domain from DescribeLiveDomains; Taper offers the push domains (type 0). */
export interface LiveDomain {
  name: string;
  /** 0 push, 1 playback. */
  type: number;
  /** 0 disabled, 1 enabled. */
  status: number;
}

/** DescribeLiveStreamState: whether the stream is being pushed right now. */
export type StreamState = 'active' | 'inactive' | 'forbid';

/** What a successful CreateRecordTask returned. */
export interface CreatedTask {
  taskId: string;
  requestId: string;
}
