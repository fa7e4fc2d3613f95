// One lone task as a history row: stream, window, status with its tags (imported, expired, the settled outcome), its
// TaskId, and Stop/Delete while it may still record, or the toggle of its files once its window settled.
import type { HistoryEntry } from '../../shared/history';
import { roundedDurationText } from '../../shared/time/duration';
import { useT } from '../i18n/i18n';
import { FilesToggle, hasOutcomeDetail } from './outcome-detail';
import { StopDeleteButtons } from './stop-delete-buttons';
import { StreamWindowCells } from './stream-window-cells';
import { canStopOrDelete } from './history-search';

interface Props {
  entry: HistoryEntry;
  timeZone: string;
  expired: boolean;
  onAction: (action: 'stop' | 'delete') => void;
  /** Whether its files are shown under it. */
  filesExpanded: boolean;
  onToggleFiles: () => void;
}

export function TaskRow({ entry, timeZone, expired, onAction, filesExpanded, onToggleFiles }: Props) {
  const { t } = useT();
  const start = entry.startTime ?? entry.createdAt;
  return (
    <>
      <StreamWindowCells
        stream={entry.stream}
        domain={entry.domain}
        app={entry.app}
        startTime={start}
        endTime={entry.endTime}
        timeZone={timeZone}
      />
      <span className="cell status">
        <span className={`status-badge status-${entry.status}`}>{t(`status.${entry.status}`)}</span>
        {entry.source === 'imported' ? <span className="tag">{t('history.imported')}</span> : null}
        {expired ? <span className="tag expired">{t('history.expired')}</span> : null}
        <OutcomeTag entry={entry} />
      </span>
      <span className="cell task mono" title={entry.taskId ?? undefined}>
        {entry.taskId ?? (entry.error === null ? t('history.noTaskId') : entry.error.code)}
      </span>
      <span className="cell actions">
        {canStopOrDelete(entry) ? (
          <StopDeleteButtons label={`${entry.stream} ${entry.taskId ?? ''}`} onAction={onAction} />
        ) : hasOutcomeDetail(entry) ? (
          <FilesToggle entry={entry} expanded={filesExpanded} onToggle={onToggleFiles} />
        ) : null}
      </span>
    </>
  );
}

/** What the window left, once a sync settled it (absent before): recorded / with gaps / nothing, its files, and why. */
export function OutcomeTag({ entry }: { entry: HistoryEntry }) {
  const { t } = useT();
  if (entry.outcome === undefined) return null;
  const files = entry.outcomeDetail?.files ?? [];
  const seconds = files.reduce((sum, file) => sum + file.durationSeconds, 0);
  const summary =
    files.length > 0 ? ` · ${t('outcome.files', { count: files.length, duration: roundedDurationText(seconds) })}` : '';
  return (
    <span
      className={`tag outcome outcome-${entry.outcome}`}
      data-testid="outcome"
      title={entry.outcomeDetail?.reason ?? undefined}
    >
      {t(`outcome.${entry.outcome}`)}
      {summary}
    </span>
  );
}
