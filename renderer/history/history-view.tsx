// Every create attempt, newest first, searchable and filterable; virtualised so 20,000 rows scroll smoothly. The links
// of one recording (chain, far-ahead plan) are one row that expands to its links.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import { unixSeconds } from '../../shared/clock';
import { TASK_STATUSES, type TaskStatus } from '../../shared/domain';
import type { HistoryEntry } from '../../shared/history';
import type { RecordingActionSummary } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import type { PlannedRecording } from '../../shared/schedule/plans';
import { formatUnix } from '../../shared/time/format-unix';
import { useEnvironment } from '../api-context';
import { ConfirmBar } from '../confirm-bar';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';
import { NoticeView, type Notice } from '../notice';
import { platformRecordExpired } from './history-filter';
import { filterItems, groupHistory, type GroupLink, type HistoryItem, type RecordingGroup } from './recording-groups';
import { LinkRow, linksText, RecordingActionsReport, RecordingRow } from './recording-row';
import { hasOutcomeDetail, OutcomeDetail } from './outcome-detail';
import { TaskRow } from './task-row';

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

const ROW_HEIGHT = 64;
/** A link inside an expanded recording: one line of text. */
const LINK_ROW_HEIGHT = 44;
/** A settled window's files under its row: a reason line, headings, then one line per file or gap (measured). */
const FILES_ROW_BASE = 64;
const FILES_LINE_HEIGHT = 34;
const NO_PLANS: readonly PlannedRecording[] = [];

type Pending = {
  action: 'stop' | 'delete';
  target: { kind: 'task'; entry: HistoryEntry } | { kind: 'recording'; group: RecordingGroup };
};
/** A notice, or what a stop or delete of a whole recording did to each of its links. */
type HistoryNotice = Notice | { kind: 'recording'; stream: string; results: RecordingActionSummary[] };
/** What the virtual list shows: items, and the links of the expanded recordings under them. */
type Row =
  | { kind: 'item'; item: HistoryItem }
  | { kind: 'link'; group: RecordingGroup; link: GroupLink; position: number }
  | { kind: 'files'; entry: HistoryEntry };

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
  const { t, language } = useT();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [fromDate, setFromDate] = useState('');
  const [untilDate, setUntilDate] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<HistoryNotice | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  // History entry ids whose settled files are shown under their row (a lone task or a link).
  const [filesShown, setFilesShown] = useState<ReadonlySet<string>>(() => new Set());
  const nowSeconds = unixSeconds(clock);

  const items = useMemo(() => groupHistory(entries, plans), [entries, plans]);
  const shown = useMemo(
    () => filterItems(items, { search, status, from: dayStart(fromDate), until: dayEnd(untilDate) }),
    [items, search, status, fromDate, untilDate],
  );
  const shownAttempts = useMemo(
    () => shown.reduce((total, item) => total + (item.kind === 'task' ? 1 : item.attempts), 0),
    [shown],
  );
  const rows = useMemo(() => {
    const list: Row[] = [];
    const withFiles = (entry: HistoryEntry | null) => {
      if (hasOutcomeDetail(entry) && filesShown.has(entry.id)) list.push({ kind: 'files', entry });
    };
    for (const item of shown) {
      list.push({ kind: 'item', item });
      if (item.kind === 'task') withFiles(item.entry);
      else if (expanded.has(item.recordingId)) {
        item.links.forEach((link, position) => {
          list.push({ kind: 'link', group: item, link, position });
          withFiles(link.entry);
        });
      }
    }
    return list;
  }, [shown, expanded, filesShown]);
  const toggle = (recordingId: string) => setExpanded((current) => toggled(current, recordingId));
  const toggleFiles = (entryId: string) => setFilesShown((current) => toggled(current, entryId));

  const scroller = useRef<HTMLDivElement>(null);
  // Keys and sizes follow the rows: expanding a recording moves every row below it.
  const rowKey = useCallback((index: number) => keyOf(rows[index]), [rows]);
  const rowSize = useCallback((index: number) => estimatedSize(rows[index]), [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: rowSize,
    getItemKey: rowKey,
    overscan: 8,
    // jsdom and the first paint have no layout yet: assume a window-sized viewport.
    initialRect: { width: 900, height: 600 },
  });

  const exportAs = async (format: 'csv' | 'json') => {
    const result = await api.history.export({ format });
    if (!result.ok) setNotice({ kind: 'error', error: result.error });
    else
      setNotice({
        kind: 'info',
        text:
          result.value.path === null
            ? t('history.exportCancelled')
            : t('history.exported', { path: result.value.path }),
      });
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
      setNotice(
        result.ok ? { kind: 'recording', stream, results: result.value } : { kind: 'error', error: result.error },
      );
      onChanged();
      return;
    }
    const { entry } = target;
    const result =
      action === 'stop' ? await api.tasks.stop({ id: entry.id }) : await api.tasks.delete({ id: entry.id });
    if (!result.ok) setNotice({ kind: 'error', error: result.error });
    else setNotice(null);
    onChanged();
  };

  return (
    <section className="history" aria-labelledby="history-title">
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
          <button type="button" className="button" onClick={() => void exportAs('csv')}>
            {t('history.exportCsv')}
          </button>
          <button type="button" className="button" onClick={() => void exportAs('json')}>
            {t('history.exportJson')}
          </button>
        </div>
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="history-search">{t('history.search')}</label>
          <input id="history-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="history-status">{t('history.status')}</label>
          <select
            id="history-status"
            value={status}
            onChange={(event) => setStatus(event.target.value as TaskStatus | '')}
          >
            <option value="">{t('history.allStatuses')}</option>
            {TASK_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-from">{t('history.from')}</label>
          <input id="history-from" type="date" value={fromDate} onChange={(event) => setFromDate(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="history-until">{t('history.until')}</label>
          <input
            id="history-until"
            type="date"
            value={untilDate}
            onChange={(event) => setUntilDate(event.target.value)}
          />
        </div>
      </div>
      {loadError === null ? null : <ErrorBox error={loadError} />}
      {notice?.kind === 'recording' ? (
        <RecordingActionsReport stream={notice.stream} results={notice.results} />
      ) : (
        <NoticeView notice={notice} />
      )}
      {pending === null ? null : (
        <ConfirmBar id="confirm-text" onConfirm={() => void confirmPending()} onCancel={() => setPending(null)}>
          {pending.target.kind === 'recording'
            ? t(pending.action === 'stop' ? 'history.confirmStopRecording' : 'history.confirmDeleteRecording', {
                stream: pending.target.group.stream,
                links: linksText(t, pending.target.group.links.length),
              })
            : t(pending.action === 'stop' ? 'history.confirmStop' : 'history.confirmDelete', {
                task: pending.target.entry.taskId ?? '',
                stream: pending.target.entry.stream,
              })}
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
      {/* A labelled, keyboard-scrollable region; the list is virtualised, so each row says where it is in the whole. */}
      <div ref={scroller} className="history-scroller" tabIndex={0} role="region" aria-label={t('history.title')}>
        <ul className="history-list" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const row = rows[virtual.index];
            if (row === undefined) return null;
            const style = { transform: `translateY(${virtual.start}px)`, height: virtual.size };
            const position = { 'aria-setsize': rows.length, 'aria-posinset': virtual.index + 1 };
            if (row.kind === 'files') {
              // Its height follows its files and gaps (and wrapping): measured, not estimated.
              return (
                <li
                  key={virtual.key}
                  ref={virtualizer.measureElement}
                  data-index={virtual.index}
                  className="history-files-row"
                  style={{ transform: style.transform }}
                  {...position}
                >
                  <OutcomeDetail entry={row.entry} timeZone={timeZone} />
                </li>
              );
            }
            if (row.kind === 'link') {
              return (
                <li
                  key={virtual.key}
                  className="history-link-row"
                  data-status={row.link.status}
                  data-recording-id={row.group.recordingId}
                  style={style}
                  {...position}
                >
                  <LinkRow
                    link={row.link}
                    timeZone={timeZone}
                    filesExpanded={row.link.entry !== null && filesShown.has(row.link.entry.id)}
                    onToggleFiles={() => row.link.entry !== null && toggleFiles(row.link.entry.id)}
                  />
                </li>
              );
            }
            const { item } = row;
            if (item.kind === 'recording') {
              return (
                <li
                  key={virtual.key}
                  className="history-row recording-row"
                  data-recording-id={item.recordingId}
                  style={style}
                  {...position}
                >
                  <RecordingRow
                    group={item}
                    timeZone={timeZone}
                    expanded={expanded.has(item.recordingId)}
                    onToggle={() => toggle(item.recordingId)}
                    onAction={(action) => setPending({ action, target: { kind: 'recording', group: item } })}
                  />
                </li>
              );
            }
            const { entry } = item;
            return (
              <li key={virtual.key} className="history-row" data-status={entry.status} style={style} {...position}>
                <TaskRow
                  entry={entry}
                  timeZone={timeZone}
                  expired={platformRecordExpired(entry, nowSeconds)}
                  onAction={(action) => setPending({ action, target: { kind: 'task', entry } })}
                  filesExpanded={filesShown.has(entry.id)}
                  onToggleFiles={() => toggleFiles(entry.id)}
                />
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

function keyOf(row: Row | undefined): string {
  if (row === undefined) return '';
  if (row.kind === 'files') return `files:${row.entry.id}`;
  if (row.kind === 'link') return `${row.group.recordingId}#${row.position}`;
  return row.item.kind === 'task' ? row.item.entry.id : `recording:${row.item.recordingId}`;
}

function estimatedSize(row: Row | undefined): number {
  if (row?.kind === 'link') return LINK_ROW_HEIGHT;
  if (row?.kind !== 'files') return ROW_HEIGHT;
  const detail = row.entry.outcomeDetail;
  return FILES_ROW_BASE + FILES_LINE_HEIGHT * Math.max(1, (detail?.files.length ?? 0) + (detail?.gaps.length ?? 0));
}

function toggled(current: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(current);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** A `<input type=date>` value as the start of that day in the operator's local zone (the browser's), Unix seconds. */
function dayStart(date: string): number | undefined {
  if (date === '') return undefined;
  const ms = new Date(`${date}T00:00:00`).getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

function dayEnd(date: string): number | undefined {
  const start = dayStart(date);
  return start === undefined ? undefined : start + 86_399;
}
