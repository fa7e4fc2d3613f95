// Every create attempt, newest first, searchable and filterable; virtualised so 20,000 rows scroll smoothly. The links
// of one recording (chain, far-ahead plan) are one row that expands to its links.
import { useMemo, useState } from 'react';
import { unixSeconds } from '../../shared/clock';
import type { HistoryEntry } from '../../shared/history';
import type { RecordingActionSummary } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import type { PlannedRecording } from '../../shared/schedule/plans';
import { formatUnix } from '../../shared/time/format-unix';
import { useEnvironment } from '../api-context';
import { ConfirmBar } from '../confirm-bar';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';
import { errorNotice, infoNotice, NoticeView, type Notice } from '../notice';
import { HistoryFilters, NO_FILTERS, type Filters } from './history-filters';
import { HistoryList, type Pending } from './history-list';
import { dayEnd, dayStart, historyRows, toggled } from './history-rows';
import { filterItems, groupHistory } from './recording-groups';
import { linksText, RecordingActionsReport } from './recording-row';

interface Props {
  entries: readonly HistoryEntry[];
  /** Planned recordings (their links without a task yet show inside their group); empty when unavailable. */
  plans?: readonly PlannedRecording[];
  /** Why the history could not be read, if so. */
  loadError: AppError | null;
  timeZone: string;
  /** Unix seconds of the last successful sync. */
  lastSyncedAt: number | null;
  syncing: boolean;
  onSync: () => void;
  /** Reload after a stop/delete. */
  onChanged: () => void;
}

const NO_PLANS: readonly PlannedRecording[] = [];

/** A notice, or what a stop or delete of a whole recording did to each of its links. */
type HistoryNotice = Notice | { kind: 'recording'; stream: string; results: RecordingActionSummary[] };

export function HistoryView({
  entries,
  plans = NO_PLANS,
  loadError,
  timeZone,
  lastSyncedAt,
  syncing,
  onSync,
  onChanged,
}: Props) {
  const { api, clock } = useEnvironment();
  const { t } = useT();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<HistoryNotice | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  // History entry ids whose settled files are shown under their row (a lone task or a link).
  const [filesShown, setFilesShown] = useState<ReadonlySet<string>>(() => new Set());

  const items = useMemo(() => groupHistory(entries, plans), [entries, plans]);
  const { search, status, fromDate, untilDate } = filters;
  const shown = useMemo(
    () => filterItems(items, { search, status, from: dayStart(fromDate), until: dayEnd(untilDate) }),
    [items, search, status, fromDate, untilDate],
  );
  const shownAttempts = useMemo(
    () => shown.reduce((total, item) => total + (item.kind === 'task' ? 1 : item.attempts), 0),
    [shown],
  );
  const rows = useMemo(() => historyRows(shown, expanded, filesShown), [shown, expanded, filesShown]);

  const exportAs = async (format: 'csv' | 'json') => {
    const result = await api.history.export({ format });
    if (!result.ok) setNotice(errorNotice(result.error));
    else
      setNotice(
        infoNotice(
          result.value.path === null
            ? t('history.exportCancelled')
            : t('history.exported', { path: result.value.path }),
        ),
      );
  };

  const confirmPending = async () => {
    if (pending === null) return;
    const { action, target } = pending;
    setPending(null);
    if (target.kind === 'recording') {
      // Every link at once in main (running one stopped, later ones deleted, planned ones cancelled); reported per link.
      const { recordingId, stream } = target.group;
      const result =
        action === 'stop' ? await api.recordings.stop({ recordingId }) : await api.recordings.delete({ recordingId });
      setNotice(result.ok ? { kind: 'recording', stream, results: result.value } : errorNotice(result.error));
      onChanged();
      return;
    }
    const { entry } = target;
    const result =
      action === 'stop' ? await api.tasks.stop({ id: entry.id }) : await api.tasks.delete({ id: entry.id });
    setNotice(result.ok ? null : errorNotice(result.error));
    onChanged();
  };

  return (
    <section className="history" aria-labelledby="history-title">
      <HistoryHead
        lastSyncedAt={lastSyncedAt}
        timeZone={timeZone}
        syncing={syncing}
        onSync={onSync}
        onExport={(format) => void exportAs(format)}
      />
      <HistoryFilters filters={filters} onChange={(patch) => setFilters((current) => ({ ...current, ...patch }))} />
      {loadError === null ? null : <ErrorBox error={loadError} />}
      {notice?.kind === 'recording' ? (
        <RecordingActionsReport stream={notice.stream} results={notice.results} />
      ) : (
        <NoticeView notice={notice} />
      )}
      {pending === null ? null : (
        <ConfirmBar id="confirm-text" onConfirm={() => void confirmPending()} onCancel={() => setPending(null)}>
          {confirmText(pending, t)}
        </ConfirmBar>
      )}
      <p className="hint" role="status" data-testid="history-count">
        {items.length === 0
          ? t('history.empty')
          : shown.length === 0
            ? t('history.noMatch')
            : t('history.count', { shown: shownAttempts, total: entries.length })}
      </p>
      <div className="history-columns" aria-hidden="true">
        <span>{t('history.colStream')}</span>
        <span>{t('history.colWindow')}</span>
        <span>{t('history.colStatus')}</span>
        <span>{t('history.colTask')}</span>
        <span>{t('history.colActions')}</span>
      </div>
      <HistoryList
        rows={rows}
        timeZone={timeZone}
        nowSeconds={unixSeconds(clock)}
        expanded={expanded}
        filesShown={filesShown}
        onToggle={(recordingId) => setExpanded((current) => toggled(current, recordingId))}
        onToggleFiles={(entryId) => setFilesShown((current) => toggled(current, entryId))}
        onAction={setPending}
      />
    </section>
  );
}

function confirmText(pending: Pending, t: ReturnType<typeof useT>['t']): string {
  return pending.target.kind === 'recording'
    ? t(pending.action === 'stop' ? 'history.confirmStopRecording' : 'history.confirmDeleteRecording', {
        stream: pending.target.group.stream,
        links: linksText(t, pending.target.group.links.length),
      })
    : t(pending.action === 'stop' ? 'history.confirmStop' : 'history.confirmDelete', {
        task: pending.target.entry.taskId ?? '',
        stream: pending.target.entry.stream,
      });
}

/** The title, when the history was last synced, Sync and the exports. */
function HistoryHead({
  lastSyncedAt,
  timeZone,
  syncing,
  onSync,
  onExport,
}: {
  lastSyncedAt: number | null;
  timeZone: string;
  syncing: boolean;
  onSync: () => void;
  onExport: (format: 'csv' | 'json') => void;
}) {
  const { t, language } = useT();
  return (
    <div className="history-head">
      <h2 id="history-title">{t('history.title')}</h2>
      <div className="sync">
        <span className="hint" data-testid="last-synced">
          {lastSyncedAt === null
            ? t('history.neverSynced')
            : t('history.lastSynced', { time: formatUnix(lastSyncedAt, timeZone, language) })}
        </span>
        <button type="button" className="button" onClick={onSync} disabled={syncing}>
          {syncing ? t('history.syncing') : t('history.sync')}
        </button>
        <button type="button" className="button" onClick={() => onExport('csv')}>
          {t('history.exportCsv')}
        </button>
        <button type="button" className="button" onClick={() => onExport('json')}>
          {t('history.exportJson')}
        </button>
      </div>
    </div>
  );
}
