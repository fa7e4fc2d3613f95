// Plans written straight into a test's TAPER_HOME, as the scheduler stores them: a recording planned days ago whose
// links are still planned (or already missed), so a test can start where a cron job or the tray app left off.
import { createPlanStore } from '../../../electron/services/schedule/plan-store.js';
import { ok } from '../../../shared/result.js';
import type { PlannedLink, PlannedLinkStatus, PlannedRecording } from '../../../shared/schedule/plans.js';

export const PLAN_STREAM = { domainName: 'push.example.com', appName: 'live' } as const;

/** A recording of `streamName` with one link per window, every link in `status` (default planned). */
export function plannedRecording(
  recordingId: string,
  streamName: string,
  windows: readonly [number, number][],
  status: PlannedLinkStatus = 'planned',
): PlannedRecording {
  const planned = Math.floor(Date.now() / 1000) - 7 * 86_400;
  const links: PlannedLink[] = windows.map(([startTime, endTime], index) => ({
    recordingId,
    index,
    startTime,
    endTime,
    status,
    taskId: null,
    historyId: null,
    updatedAt: planned,
    error:
      status === 'missed'
        ? { code: 'Taper.Schedule.Missed', message: 'Missed: its window ended before Taper could create the task.' }
        : null,
  }));
  return {
    recordingId,
    stream: { ...PLAN_STREAM, streamName },
    startTime: windows[0]![0],
    endTime: windows.at(-1)![1],
    templateId: 1,
    streamType: 0,
    extension: null,
    profile: null,
    region: null,
    seriesId: null,
    occurrenceDate: null,
    createdAt: planned,
    links,
  };
}

export async function writePlans(home: string, recordings: PlannedRecording[]): Promise<void> {
  const stored = await createPlanStore({ directory: home }).transact(async (document) => ({
    document: { ...document, recordings },
    result: ok(null),
  }));
  if (!stored.ok) throw new Error(stored.error.message);
}
