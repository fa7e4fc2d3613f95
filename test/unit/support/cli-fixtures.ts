// Plans and history entries as the CLI reads them, for the pure functions of electron/cli/commands.
import type { HistoryEntry } from '../../../shared/history.js';
import type { PlannedLink, PlannedRecording } from '../../../shared/schedule/plans.js';

export const NOW = 1_800_000_000;
export const HOUR = 3_600;
export const DAY = 86_400;

export function link(
  recordingId: string,
  index: number,
  startTime: number,
  endTime: number,
  patch: Partial<PlannedLink> = {},
): PlannedLink {
  return {
    recordingId,
    index,
    startTime,
    endTime,
    status: 'planned',
    taskId: null,
    historyId: null,
    error: null,
    updatedAt: NOW - DAY,
    ...patch,
  };
}

export function recording(
  recordingId: string,
  streamName: string,
  links: PlannedLink[],
  patch: Partial<PlannedRecording> = {},
): PlannedRecording {
  return {
    recordingId,
    stream: { domainName: '5000.livepush.myqcloud.com', appName: 'live', streamName },
    startTime: links[0]?.startTime ?? NOW,
    endTime: links.at(-1)?.endTime ?? NOW,
    templateId: 1,
    streamType: 0,
    extension: null,
    profile: null,
    region: null,
    seriesId: null,
    occurrenceDate: null,
    createdAt: NOW - DAY,
    links,
    ...patch,
  };
}

export function entry(id: string, patch: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id,
    taskId: `task-${id}`,
    requestId: `req-${id}`,
    status: 'scheduled',
    domain: '5000.livepush.myqcloud.com',
    app: 'live',
    stream: 'evening-show',
    startTime: NOW + HOUR,
    endTime: NOW + 2 * HOUR,
    templateId: 1,
    streamType: 0,
    profile: null,
    region: 'ap-guangzhou',
    createdAt: NOW,
    updatedAt: NOW,
    error: null,
    source: 'taper',
    extension: null,
    ...patch,
  };
}
