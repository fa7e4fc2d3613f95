// Simulated pushes of streams, and the recording files the platform makes of them: where a recording task's window
// overlaps a push by at least 10 s, VOD gets one file of the overlap, "ready" some seconds after it ends (the platform
// takes about 5 minutes; tests say 0).
import { createHash } from 'node:crypto';
import type { SimulatedTask } from './task-store.js';

/** Pushes shorter than this give no file (measured-facts: "pushes < 10 s give no file"). */
export const MIN_RECORDED_PUSH_SECONDS = 10;
/** Simulated bit rate of a file, for its Size: 2 Mbit/s. */
const BYTES_PER_SECOND = 250_000;

/** One push session of a stream, Unix seconds. */
export interface PushSession {
  domain: string;
  app: string;
  stream: string;
  startTime: number;
  endTime: number;
}

/** A recording file as VOD holds it (SearchMedia's MediaInfo, simplified). */
export interface SimulatedMedia {
  fileId: string;
  /** The account whose task recorded it. */
  secretId: string;
  domain: string;
  app: string;
  stream: string;
  /** Unix seconds: the recorded part of the push. */
  recordStartTime: number;
  recordEndTime: number;
  /** Unix seconds when VOD lists the file (its CreateTime). */
  createTime: number;
  mediaUrl: string;
  durationSeconds: number;
  sizeBytes: number;
}

export interface PushStore {
  add(push: PushSession): PushSession;
  list(): PushSession[];
  clear(): void;
  /** The files the tasks made of the pushes that VOD lists at `now` (CreateTime reached), oldest first. */
  media(tasks: readonly SimulatedTask[], now: number): SimulatedMedia[];
}

function fileIdOf(taskId: string, push: PushSession): string {
  // Stable across calls, so Offset paging sees the same set in the same order; digits like the platform's FileIds.
  const digest = createHash('sha256')
    .update(`${taskId}|${push.domain}|${push.app}|${push.stream}|${push.startTime}|${push.endTime}`)
    .digest();
  return `52858907${String(digest.readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;
}

export function createPushStore(readyAfterSeconds: number): PushStore {
  const pushes: PushSession[] = [];
  return {
    add(push) {
      pushes.push({ ...push });
      return { ...push };
    },
    list: () => pushes.map((push) => ({ ...push })),
    clear() {
      pushes.length = 0;
    },
    media(tasks, now) {
      const files: SimulatedMedia[] = [];
      for (const task of tasks) {
        for (const push of pushes) {
          if (push.domain !== task.domainName || push.app !== task.appName || push.stream !== task.streamName) continue;
          const start = Math.max(task.startTime, push.startTime);
          // A file exists once its part of the push is over.
          const end = Math.min(task.endTime, push.endTime);
          if (end - start < MIN_RECORDED_PUSH_SECONDS || end > now) continue;
          const createTime = end + readyAfterSeconds;
          if (createTime > now) continue;
          const fileId = fileIdOf(task.taskId, push);
          const durationSeconds = end - start;
          files.push({
            fileId,
            secretId: task.secretId,
            domain: push.domain,
            app: push.app,
            stream: push.stream,
            recordStartTime: start,
            recordEndTime: end,
            createTime,
            mediaUrl: `https://1500000000.vod2.myqcloud.com/sim/${fileId}/f0.m3u8`,
            durationSeconds,
            sizeBytes: durationSeconds * BYTES_PER_SECOND,
          });
        }
      }
      return files.sort(
        (a, b) =>
          a.createTime - b.createTime || a.recordStartTime - b.recordStartTime || a.fileId.localeCompare(b.fileId),
      );
    },
  };
}
