// A window that ended with `nothing` or `partial` is an alert, as a missed link is: `taper sync` and `taper alerts`
// print it (stdout, naming the stream) and end with 6 until `taper alerts ack TASK_ID` (or --all) acknowledges it.
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import type { HistoryEntry } from '../../../shared/history.js';
import { formatUnix } from '../../../shared/time/index.js';
import type { Result } from '../../../shared/result.js';
import type { HistoryPort } from '../../services/app-services.js';
import type { CliIo } from '../cli-io.js';

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

/** `ALERT [nothing]: evening-show (live · push.example.com) task T (… → …): No file: … (taper alerts ack T)` */
export function outcomeAlertLine(alert: OutcomeAlert): string {
  const id = alert.taskId ?? alert.id;
  return (
    `ALERT [${alert.outcome}]: ${alert.stream} (${alert.app} · ${alert.domain}) task ${id} ` +
    `(${formatUnix(alert.startTime, 'UTC')} → ${formatUnix(alert.endTime, 'UTC')}): ${alert.reason ?? (alert.outcome === 'nothing' ? 'nothing was recorded.' : 'the recording has gaps.')} ` +
    `(taper alerts ack ${id})\n`
  );
}

export function printOutcomeAlert(io: CliIo, alert: OutcomeAlert): void {
  io.stdout(outcomeAlertLine(alert));
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
