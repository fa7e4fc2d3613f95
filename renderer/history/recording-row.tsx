// One recording of several links as one history row (stream, whole window, status summary, "N links"), its links
// when expanded (each with its TaskId, or when a planned one will be created), and what Stop/Delete did per link.
import type { RecordingActionSummary } from '../../shared/ipc/contract';
import { describeError } from '../../shared/errors/catalog';
import { formatUnix } from '../../shared/time/format-unix';
import { useT, type Translate } from '../i18n/i18n';
import { FilesToggle, hasOutcomeDetail } from './outcome-detail';
import { StopDeleteButtons } from './stop-delete-buttons';
import { OutcomeTag } from './task-row';
import { StreamWindowCells } from './stream-window-cells';
import { canActOnGroup, statusSummary, type GroupLink, type LinkStatus, type RecordingGroup } from './recording-groups';

const TASK_STATUSES_SHOWN: ReadonlySet<string> = new Set([
  'scheduled',
  'recording',
  'finished',
  'stopped',
  'deleted',
  'failed',
  'unknown',
]);

/** "1 link" / "3 links". */
export function linksText(t: Translate, count: number): string {
  return count === 1 ? t('history.oneLink') : t('history.links', { count });
}

/** A link's status in words: the task statuses the history already names, else the plan's (planned, missed, ...). */
export function linkStatusText(t: Translate, status: LinkStatus): string {
  return TASK_STATUSES_SHOWN.has(status)
    ? t(`status.${status as 'scheduled'}`)
    : t(`linkStatus.${status as 'planned'}`);
}

interface RowProps {
  group: RecordingGroup;
  timeZone: string;
  expanded: boolean;
  onToggle: () => void;
  onAction: (action: 'stop' | 'delete') => void;
}

export function RecordingRow({ group, timeZone, expanded, onToggle, onAction }: RowProps) {
  const { t } = useT();
  const label = `${group.stream} (${linksText(t, group.links.length)})`;
  return (
    <>
      <StreamWindowCells
        stream={group.stream}
        domain={group.domain}
        app={group.app}
        startTime={group.startTime}
        endTime={group.endTime}
        timeZone={timeZone}
      />
      <span className="cell status">
        {statusSummary(group).map(({ status, count }) => (
          <span key={status} className={`status-badge status-${status}`}>
            {count} {linkStatusText(t, status)}
          </span>
        ))}
      </span>
      <span className="cell task">
        <button
          type="button"
          className="button small link-toggle"
          aria-expanded={expanded}
          onClick={onToggle}
          aria-label={`${t(expanded ? 'history.hideLinks' : 'history.showLinks')} ${label}`}
        >
          {expanded ? '▾' : '▸'} {linksText(t, group.links.length)}
        </button>
      </span>
      <span className="cell actions">
        {canActOnGroup(group) ? <StopDeleteButtons label={label} onAction={onAction} /> : null}
      </span>
    </>
  );
}

interface LinkRowProps {
  link: GroupLink;
  timeZone: string;
  /** Whether its task's settled files are shown under it. */
  filesExpanded: boolean;
  onToggleFiles: () => void;
}

export function LinkRow({ link, timeZone, filesExpanded, onToggleFiles }: LinkRowProps) {
  const { t, language } = useT();
  return (
    <>
      <span className="cell stream hint">
        {link.index < 0 ? t('history.otherAttempt') : t('chain.link', { index: link.index + 1 })}
      </span>
      <span className="cell window">
        <span>{formatUnix(link.startTime, timeZone, language)}</span>
        <span className="hint">→ {formatUnix(link.endTime, timeZone, language)}</span>
      </span>
      <span className="cell status">
        <span className={`status-badge status-${link.status}`}>{linkStatusText(t, link.status)}</span>
        {link.entry === null ? null : <OutcomeTag entry={link.entry} />}
      </span>
      <span className="cell task mono" title={link.taskId ?? undefined} data-testid="link-task-id">
        {link.taskId ??
          (link.createAt !== null
            ? t('chain.plannedFor', { time: formatUnix(link.createAt, timeZone, language) })
            : link.error === null
              ? t('history.noTaskId')
              : link.error.code)}
      </span>
      <span className="cell actions">
        {hasOutcomeDetail(link.entry) ? (
          <FilesToggle entry={link.entry} expanded={filesExpanded} onToggle={onToggleFiles} />
        ) : null}
      </span>
    </>
  );
}

/** What Stop/Delete on a recording did, one line per link. */
export function RecordingActionsReport({
  stream,
  results,
}: {
  stream: string;
  results: readonly RecordingActionSummary[];
}) {
  const { t, language } = useT();
  const failed = results.some((result) => result.error !== null);
  return (
    <div
      className={failed ? 'recording-report failed' : 'recording-report'}
      role="status"
      data-testid="recording-report"
    >
      <p>{t('history.recordingActed', { stream })}</p>
      <ul>
        {results.map((result, position) => (
          <li
            key={`${result.index}:${result.taskId ?? position}`}
            data-action={result.action}
            data-failed={result.error !== null}
          >
            {result.index < 0 ? t('history.otherAttempt') : t('chain.link', { index: result.index + 1 })}
            {result.taskId === null ? '' : ` (${result.taskId})`}:{' '}
            {result.error === null
              ? t(`history.action.${result.action}`)
              : `${t(`history.actionFailed.${result.action}`)}: ${describeError(result.error, language).title}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
