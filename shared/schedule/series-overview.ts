// What the Shows view lists for a series: its next occurrences (and recent missed ones), each with what became of it:
// planned locally, created (TaskIds), pending sync, missed or failed. Pure: main computes it from plans.json.
import type { AppError } from '../result.js';
import type { PlannedRecording } from './plans.js';
import { occurrences, type DstAdjustment, type Series } from './series.js';

/** Where one occurrence stands. `planned`: not created yet (beyond the 6-day reach, or waiting to be tried again). */
export type OccurrenceState = 'planned' | 'created' | 'pending-sync' | 'missed' | 'failed';

/** One occurrence as the user sees it. */
export interface OccurrenceView {
  /** Local date `YYYY-MM-DD` in the series' zone; `series:cancel-occurrence` and `series:edit-occurrence` take it. */
  date: string;
  /** Unix seconds of the window that is (or will be) recorded. */
  startTime: number;
  endTime: number;
  state: OccurrenceState;
  /** TaskIds of its created tasks. */
  taskIds: string[];
  /** Why it failed, was missed, or is still waiting (e.g. no network); null otherwise. */
  error: AppError | null;
  /** Set when a DST change moved or disambiguated the start. */
  dst: DstAdjustment | null;
  /** Created under an earlier schedule (the series was edited since): kept as it was. */
  earlierSchedule: boolean;
  /** This one occurrence was moved or lengthened (`series:edit-occurrence`): it differs from the series' schedule. */
  changed: boolean;
}

export interface OverviewOptions {
  /** How far ahead occurrences are listed; default 14 days. */
  horizonSeconds?: number;
  /** How long a missed or failed occurrence stays listed after its end; default 2 days. */
  alertSeconds?: number;
  /** At most this many occurrences; default 10. */
  limit?: number;
}

function stateOf(recording: PlannedRecording): OccurrenceState {
  const statuses = new Set(recording.links.map((link) => link.status));
  if (statuses.has('failed')) return 'failed';
  if (statuses.has('missed')) return 'missed';
  if (statuses.has('pending-sync')) return 'pending-sync';
  if (statuses.has('planned')) return 'planned';
  return 'created';
}

/**
 * The occurrences of `series` from now on (a running one included) plus recent missed or failed ones, oldest first.
 * Occurrences already in the plans are shown as they were planned (their links' state); later ones as computed from
 * the schedule. Cancelled dates are left out (the series lists them).
 */
export function seriesOccurrences(
  series: Series,
  recordings: readonly PlannedRecording[],
  nowSeconds: number,
  options: OverviewOptions = {},
): OccurrenceView[] {
  const horizon = nowSeconds + (options.horizonSeconds ?? 14 * 86_400);
  const alertFrom = nowSeconds - (options.alertSeconds ?? 2 * 86_400);
  const cancelled = new Set(series.cancelledDates);
  const computed = new Map(occurrences(series, alertFrom, horizon).map((occurrence) => [occurrence.date, occurrence]));
  const views = new Map<string, OccurrenceView>();
  for (const recording of recordings) {
    const date = recording.occurrenceDate;
    if (recording.seriesId !== series.id || date === null || cancelled.has(date)) continue;
    if (recording.links.every((link) => link.status === 'cancelled')) continue;
    const state = stateOf(recording);
    const alert = state === 'missed' || state === 'failed';
    if (recording.endTime <= (alert ? alertFrom : nowSeconds)) continue;
    const schedule = computed.get(date);
    const sameWindow =
      schedule !== undefined && schedule.startTime === recording.startTime && schedule.endTime === recording.endTime;
    views.set(date, {
      date,
      startTime: recording.startTime,
      endTime: recording.endTime,
      state,
      taskIds: recording.links.flatMap((link) => (link.taskId ? [link.taskId] : [])),
      error: recording.links.find((link) => link.error !== null)?.error ?? null,
      dst: sameWindow ? schedule.dst : null,
      earlierSchedule: !sameWindow && state !== 'planned',
      changed: series.overrides?.[date] !== undefined,
    });
  }
  for (const occurrence of computed.values()) {
    if (views.has(occurrence.date) || occurrence.endTime <= nowSeconds) continue;
    views.set(occurrence.date, {
      date: occurrence.date,
      startTime: occurrence.startTime,
      endTime: occurrence.endTime,
      state: 'planned',
      taskIds: [],
      error: null,
      dst: occurrence.dst,
      earlierSchedule: false,
      changed: occurrence.changed,
    });
  }
  return [...views.values()].sort((a, b) => a.startTime - b.startTime).slice(0, options.limit ?? 10);
}
