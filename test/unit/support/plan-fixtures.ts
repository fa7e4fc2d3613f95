// Plans, series and history entries built in memory for the pure plan model's tests (no store, no clock).
import type { HistoryEntry } from '../../../shared/history.js';
import { emptyPlans, type PlansDocument, type StoredSeries } from '../../../shared/schedule/plans.js';
import type { IsoWeekday } from '../../../shared/schedule/series.js';

export const HOUR = 3_600;
export const DAY = 86_400;
export const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
export const stream = { domainName: 'push.example.com', appName: 'live', streamName: 'show' };
export const sundays: IsoWeekday[] = [7];

/** Sundays 20:00 Berlin for 2 h, added long ago, planned up to `coveredUntil`. */
export function sundayShow(overrides: Partial<StoredSeries> = {}): StoredSeries {
  return {
    id: 's1',
    name: 'show',
    stream,
    daysOfWeek: sundays,
    startWallTime: '20:00',
    durationSeconds: 2 * HOUR,
    timeZone: 'Europe/Berlin',
    cancelledDates: [],
    coveredUntil: 0,
    profile: null,
    region: null,
    createdAt: 0,
    ...overrides,
  };
}

export function plansWith(series: StoredSeries[] = []): PlansDocument {
  return { ...emptyPlans(), series };
}

/** A history entry of `stream` over the window, created long before it (so it covers that window only). */
export function entry(
  id: string,
  window: { startTime: number; endTime: number },
  extra: Partial<HistoryEntry> = {},
): HistoryEntry {
  return {
    id,
    taskId: `task-${id}`,
    requestId: null,
    status: 'scheduled',
    domain: stream.domainName,
    app: stream.appName,
    stream: stream.streamName,
    startTime: window.startTime,
    endTime: window.endTime,
    templateId: null,
    streamType: 0,
    profile: null,
    region: 'ap-guangzhou',
    createdAt: 0,
    updatedAt: 0,
    error: null,
    source: 'taper',
    extension: null,
    ...extra,
  };
}
