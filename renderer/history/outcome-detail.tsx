// A settled window as its expanded history row shows it: why, each file (its stretch of the window in the display
// zone, length, size, Copy URL, Open) and each gap (and whether the stream was pushed then). All of it comes from the
// history entry, so it shows offline; only Open asks main, which opens Tencent Cloud VOD links only.
import { useState } from 'react';
import { humanSize } from '../../shared/format/size';
import type { HistoryEntry } from '../../shared/history';
import type { AppError } from '../../shared/result';
import { roundedDurationText } from '../../shared/time/duration';
import { formatUnix } from '../../shared/time/format-unix';
import { useApi } from '../api-context';
import { CopyButton } from '../copy-button';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';
import { outcomeReasonText } from './outcome-reason';

interface Props {
  entry: HistoryEntry;
  timeZone: string;
}

export function OutcomeDetail({ entry, timeZone }: Props) {
  const api = useApi();
  const { t, language } = useT();
  const [openError, setOpenError] = useState<AppError | null>(null);
  const detail = entry.outcomeDetail;
  if (detail === undefined) return null;
  const time = (seconds: number) => formatUnix(seconds, timeZone, language);
  const open = async (url: string) => {
    const opened = await api.files.open({ url });
    setOpenError(opened.ok ? null : opened.error);
  };
  return (
    <div className="outcome-detail" data-testid="outcome-detail">
      <p className="outcome-reason">{outcomeReasonText(t, entry)}</p>
      <div className="outcome-section">
        <span className="outcome-heading">{t('files.title')}</span>
        {detail.files.length === 0 ? (
          <span className="hint">{t('files.none')}</span>
        ) : (
          <ul className="outcome-files">
            {detail.files.map((file, index) => {
              const label = t('files.fileLabel', { index: index + 1, stream: entry.stream });
              return (
                <li key={file.fileId} data-testid="outcome-file">
                  <span className="file-window">
                    {time(file.startTime)} → {time(file.endTime)}
                  </span>
                  <span>{roundedDurationText(file.durationSeconds)}</span>
                  <span className="hint">{t('files.size', { size: humanSize(file.sizeBytes) })}</span>
                  <CopyButton value={file.url} label={label} text={t('files.copyUrl')} />
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('files.openLabel', { index: index + 1, stream: entry.stream })}
                    onClick={() => void open(file.url)}
                  >
                    {t('files.open')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {detail.gaps.length === 0 ? null : (
        <div className="outcome-section">
          <span className="outcome-heading">{t('files.gaps')}</span>
          <ul className="outcome-gaps">
            {detail.gaps.map((gap) => (
              <li key={gap.startTime} data-testid="outcome-gap" data-pushed={String(gap.pushed)}>
                {time(gap.startTime)} → {time(gap.endTime)} ({roundedDurationText(gap.endTime - gap.startTime)}):{' '}
                {gap.pushed === true
                  ? t('files.gapPushed')
                  : gap.pushed === false
                    ? t('files.gapNotPushed')
                    : t('files.gapUnknown')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {openError === null ? null : <ErrorBox error={openError} />}
    </div>
  );
}

/** The toggle of a row whose window settled: "▸ 2 file(s)" (or "▸ Details" without a file). */
export function FilesToggle({
  entry,
  expanded,
  onToggle,
}: {
  entry: HistoryEntry;
  expanded: boolean;
  onToggle: () => void;
}) {
  const { t } = useT();
  const count = entry.outcomeDetail?.files.length ?? 0;
  const text = count > 0 ? t('files.toggle', { count }) : t('files.details');
  return (
    <button
      type="button"
      className="button small link-toggle"
      aria-expanded={expanded}
      aria-label={`${t(expanded ? 'files.hide' : 'files.show', { stream: entry.stream })}: ${text}`}
      onClick={onToggle}
    >
      {expanded ? '▾' : '▸'} {text}
    </button>
  );
}

/** Whether an entry has a settled outcome to expand. */
export const hasOutcomeDetail = (entry: HistoryEntry | null): entry is HistoryEntry =>
  entry !== null && entry.outcome !== undefined && entry.outcomeDetail !== undefined;
