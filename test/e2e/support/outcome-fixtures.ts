// A settled window in the history, as a sync leaves it once the files are listed: the renderer specs show its files.
import type { HistoryEntry } from '../../../shared/history.js';
import type { RendererWorld } from './renderer-bridge.js';
import { DOMAIN } from './renderer-steps.js';

/** What VOD's SearchMedia answers for a recording file (and the sandbox's simulator too). */
export const VOD_URL = 'https://1500000000.vod2.myqcloud.com/sim/5285890711111111/f0.m3u8';

/** A window that ended an hour ago with two files around a 10-minute gap the stream was pushed through. */
export async function seedSettled(
  world: RendererWorld,
  stream: string,
  secondUrl = VOD_URL.replace('1111', '3333'),
): Promise<void> {
  const end = Math.floor(Date.now() / 1000) - 3_600;
  const start = end - 3_600;
  const entry: Omit<HistoryEntry, 'id' | 'updatedAt'> = {
    taskId: '1500000000-show-1',
    requestId: 'req-1',
    status: 'finished',
    domain: DOMAIN,
    app: 'live',
    stream,
    startTime: start,
    endTime: end,
    templateId: null,
    streamType: 0,
    profile: null,
    region: 'ap-guangzhou',
    createdAt: start - 60,
    error: null,
    source: 'taper',
    extension: null,
    outcome: 'partial',
    outcomeDetail: {
      reason: '1 gap(s) over 60 s without a file; 1 while the stream was pushed (recording lost).',
      files: [
        {
          fileId: 'f1',
          url: VOD_URL,
          startTime: start,
          endTime: start + 1_500,
          durationSeconds: 1_500,
          sizeBytes: 1_234_567_890,
        },
        {
          fileId: 'f2',
          url: secondUrl,
          startTime: start + 2_100,
          endTime: end,
          durationSeconds: 1_500,
          sizeBytes: 375_000_000,
        },
      ],
      gaps: [{ startTime: start + 1_500, endTime: start + 2_100, pushed: true }],
      pushes: [{ startTime: start, endTime: end }],
      settledAt: end + 300,
      acknowledgedAt: null,
    },
  };
  const appended = await world.services.history.append(entry);
  if (!appended.ok) throw new Error(appended.error.message);
}
