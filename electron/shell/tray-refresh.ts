// Re-renders the tray from the history and the plans, and schedules the notifier's timed notices from the history.
// Calls while one runs share it: a burst of changes (a sync writing many entries) reads the files once.
import type { Clock } from '../../shared/clock.js';
import { unixSeconds } from '../../shared/clock.js';
import type { HistoryEntry } from '../../shared/history.js';
import type { Result } from '../../shared/result.js';
import type { PlannedRecording } from '../../shared/schedule/plans.js';
import type { TrayLabels } from './tray-menu.js';
import { deriveTrayState, type TrayState } from './tray-state.js';

export interface TrayRefreshDeps {
  clock: Clock;
  listHistory(): Promise<Result<HistoryEntry[]>>;
  listPlans(): Promise<Result<readonly PlannedRecording[]>>;
  /** The labels in the current language and time zone. */
  labels(): TrayLabels;
  render(state: TrayState, labels: TrayLabels): void;
  scheduleFromHistory(entries: readonly HistoryEntry[]): void;
  warn(message: string): void;
}

export function createTrayRefresh(deps: TrayRefreshDeps): () => Promise<void> {
  let refreshing: Promise<void> | null = null;
  return () =>
    (refreshing ??= (async () => {
      const [entries, plans] = await Promise.all([deps.listHistory(), deps.listPlans()]);
      // Whatever cannot be read, the tray still comes up: with no tasks, and the window says why.
      if (!entries.ok) deps.warn(`history unavailable for the tray: ${entries.error.code}`);
      // Without plans the tray still shows every task; chains then show per link until plans.json can be read.
      if (!plans.ok) deps.warn(`plans unavailable for the tray: ${plans.error.code}`);
      const state = deriveTrayState(entries.ok ? entries.value : [], unixSeconds(deps.clock), {
        plans: plans.ok ? plans.value : [],
      });
      deps.render(state, deps.labels());
      if (entries.ok) deps.scheduleFromHistory(entries.value);
    })().finally(() => {
      refreshing = null;
    }));
}
