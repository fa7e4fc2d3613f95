// The Shows view's notices and confirmations in words: what an add, an edit, a move or a removal did.
import type {
  OccurrenceEditOutcome,
  SeriesChange,
  SeriesUpdateOutcome,
  SeriesSummary,
} from '../../shared/ipc/contract';
import { formatUnix } from '../../shared/time/format-unix';
import type { Translate } from '../i18n/i18n';

/** TaskIds of occurrences already created that have not ended: removing the series keeps them. */
export function createdTasks(series: SeriesSummary, nowSeconds: number): string[] {
  return series.upcoming
    .filter((occurrence) => occurrence.endTime > nowSeconds)
    .flatMap((occurrence) => occurrence.taskIds);
}

export function occurrenceTasks(series: SeriesSummary, date: string): string[] {
  return series.upcoming.find((occurrence) => occurrence.date === date)?.taskIds ?? [];
}

export function keptText(taskIds: readonly string[], t: Translate): string {
  return taskIds.length === 0 ? '' : ` ${t('series.keptTasks', { tasks: taskIds.join(', ') })}`;
}

export function addedText(added: SeriesChange, t: Translate): string {
  const created = added.series.upcoming.flatMap((occurrence) => occurrence.taskIds);
  return (
    t('series.addedNotice', { name: added.series.name, count: created.length }) +
    (added.dueError ? ` ${t('series.dueFailed', { code: added.dueError.code })}` : '')
  );
}

export function movedText(outcome: OccurrenceEditOutcome, t: Translate, language: 'en' | 'zh-CN'): string {
  const zone = outcome.series.timeZone;
  const window = `${formatUnix(outcome.startTime, zone, language)} → ${formatUnix(outcome.endTime, zone, language).slice(11)}`;
  const date = formatUnix(outcome.startTime, zone).slice(0, 10);
  const deleted = outcome.actions.flatMap((step) => (step.action === 'deleted' && step.taskId ? [step.taskId] : []));
  return [
    t('series.movedNotice', { date, window }),
    ...(deleted.length > 0 ? [t('series.taskDeleted', { tasks: deleted.join(', ') })] : []),
    outcome.createdTaskIds.length > 0
      ? t('series.taskCreated', { tasks: outcome.createdTaskIds.join(', ') })
      : outcome.error
        ? t('series.dueFailed', { code: outcome.error.code })
        : t('series.movedPlanned'),
  ].join(' ');
}

export function updatedText(updated: SeriesUpdateOutcome, t: Translate, language: 'en' | 'zh-CN'): string {
  const kept = updated.kept.map(
    (item) =>
      `${item.date} ${formatUnix(item.startTime, updated.series.timeZone, language).slice(11, 16)} ${item.taskIds.join(', ') || t('occurrence.pending-sync')}`,
  );
  return (
    t('series.updatedNotice', { name: updated.series.name, replanned: updated.replanned }) +
    (kept.length > 0 ? ` ${t('series.keptOccurrences', { list: kept.join('; ') })}` : '') +
    (updated.dueError ? ` ${t('series.dueFailed', { code: updated.dueError.code })}` : '')
  );
}

export function removedText(
  series: SeriesSummary,
  removed: { cancelledLinks: number; keptTaskIds: readonly string[] },
  t: Translate,
): string {
  return (
    t('series.removed', { name: series.name, cancelled: removed.cancelledLinks }) + keptText(removed.keptTaskIds, t)
  );
}

export function cancelledText(
  date: string,
  cancelled: { actions: readonly { action: string; taskId?: string | null | undefined }[] },
  t: Translate,
): string {
  const deleted = cancelled.actions.flatMap((step) => (step.action === 'deleted' && step.taskId ? [step.taskId] : []));
  return (
    t('series.cancelledOne', { date }) +
    (deleted.length > 0 ? ` ${t('series.taskDeleted', { tasks: deleted.join(', ') })}` : '')
  );
}
