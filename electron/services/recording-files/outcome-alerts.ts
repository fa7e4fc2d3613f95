// A window that ended with `nothing` or `partial` is an alert until the user acknowledges it: which entries are open
// alerts, and acknowledging them (`outcomeDetail.acknowledgedAt` in the history). One logic for `taper alerts` / `taper
// sync` and the app's `alerts:list` / `alerts:acknowledge`, so acknowledging in either silences both.
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import type { HistoryEntry } from '../../../shared/history.js';
import type { Result } from '../../../shared/result.js';
import type { HistoryPort } from '../app-services.js';

/** `taper alerts --json` `outcomeAlerts[]` and `taper sync --json` `outcomes.alerts[]`. */
export interface OutcomeAlert {
  /** The history entry's local id. */
  id: string;
  taskId: string | null;
  recordingId: string | null;
  domain: string;
  app: string;
  stream: string;
  startTime: number;
  endTime: number;
  outcome: 'nothing' | 'partial';
  reason: string | null;
}

export function isOpenOutcomeAlert(entry: HistoryEntry): entry is HistoryEntry & { outcome: 'nothing' | 'partial' } {
  return (
    (entry.outcome === 'nothing' || entry.outcome === 'partial') &&
    (entry.outcomeDetail?.acknowledgedAt ?? null) === null
  );
}

export function openOutcomeAlerts(entries: readonly HistoryEntry[]): OutcomeAlert[] {
  return entries.filter(isOpenOutcomeAlert).map((entry) => ({
    id: entry.id,
    taskId: entry.taskId,
    recordingId: entry.recordingId ?? null,
    domain: entry.domain,
    app: entry.app,
    stream: entry.stream,
    startTime: entry.startTime ?? entry.createdAt,
    endTime: entry.endTime,
    outcome: entry.outcome,
    reason: entry.outcomeDetail?.reason ?? null,
  }));
}

/**
 * Acknowledges the open outcome alerts of the entries named by TaskId or local id (or all of them). Returns the ids it
 * acknowledged, and `others`: the ids given that name no settled entry at all, left to the caller (recording ids).
 */
export async function acknowledgeOutcomeAlerts(
  history: HistoryPort,
  ids: readonly string[] | 'all',
  clock: Clock,
): Promise<Result<{ acknowledged: string[]; others: string[] }>> {
  const listed = await history.list();
  if (!listed.ok) return listed;
  const settledIds = new Set(
    listed.value
      .filter((entry) => entry.outcome !== undefined)
      .flatMap((entry) => [entry.id, entry.taskId ?? entry.id]),
  );
  const others = ids === 'all' ? [] : ids.filter((id) => !settledIds.has(id));
  const now = unixSeconds(clock);
  const chosen = listed.value
    .filter(isOpenOutcomeAlert)
    .filter(
      (entry) => ids === 'all' || ids.includes(entry.id) || (entry.taskId !== null && ids.includes(entry.taskId)),
    );
  const done: string[] = [];
  for (const entry of chosen) {
    if (entry.outcomeDetail === undefined) continue;
    const updated = await history.update(entry.id, { outcomeDetail: { ...entry.outcomeDetail, acknowledgedAt: now } });
    if (!updated.ok) return updated;
    done.push(entry.taskId ?? entry.id);
  }
  return { ok: true, value: { acknowledged: done, others } };
}
