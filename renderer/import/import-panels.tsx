// What the Import view shows of an import: the preview (every row and problem before anything is sent), the progress
// bar fed by main's events, and the per-row report.
import type { ImportPreview, ImportProgress, ImportReport } from '../../shared/ipc/contract';
import { formatUnix } from '../../shared/time/format-unix';
import { useT } from '../i18n/i18n';
import { progressPercent, sendableRows } from './import-model';

/** Rows listed in the preview; the rest are counted (a 10,000-row table helps nobody). */
const PREVIEW_ROWS_SHOWN = 300;

export function PreviewPanel({
  state,
  timeZone,
  blocked,
  onRun,
}: {
  state: { fileName: string; preview: ImportPreview };
  timeZone: string;
  blocked: boolean;
  onRun: (skipInvalid: boolean) => void;
}) {
  const { t, language } = useT();
  const { rows, problems } = state.preview;
  const sendable = sendableRows(state.preview);
  return (
    <div className="import-preview">
      <p role="status" data-testid="import-summary">
        {t('import.summary', { file: state.fileName, rows: rows.length, problems: problems.length })}
      </p>
      {problems.length > 0 ? (
        <ul className="problems" aria-label={t('import.problems')} data-testid="import-problems">
          {problems.map((problem) => (
            <li key={`${problem.line}:${problem.message}`}>
              {t('import.problemLine', { line: problem.line, message: problem.message })}
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length > 0 ? (
        <table className="occurrences">
          <thead>
            <tr>
              <th>{t('import.colLine')}</th>
              <th>{t('history.colStream')}</th>
              <th>{t('history.colWindow')}</th>
              <th>{t('import.colNote')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PREVIEW_ROWS_SHOWN).map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <td className="mono">
                  {row.stream.domainName}/{row.stream.appName}/{row.stream.streamName}
                </td>
                <td>
                  {row.startTime === null ? t('import.now') : formatUnix(row.startTime, timeZone, language)} →{' '}
                  {formatUnix(row.endTime, timeZone, language)}
                </td>
                <td>
                  {row.links > 1 ? <span className="tag">{t('import.links', { count: row.links })}</span> : null}
                  {row.farAhead ? <span className="tag">{t('import.farAhead')}</span> : null}
                  {row.templateId === null ? null : (
                    <span className="tag">{t('series.template', { id: row.templateId })}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rows.length > PREVIEW_ROWS_SHOWN ? (
        <p className="hint">{t('import.moreRows', { count: rows.length - PREVIEW_ROWS_SHOWN })}</p>
      ) : null}
      <div className="actions">
        {sendable.kind === 'all' ? (
          <button type="button" className="button primary" disabled={blocked} onClick={() => onRun(false)}>
            {t('import.run', { count: sendable.count })}
          </button>
        ) : sendable.kind === 'valid-only' ? (
          <button type="button" className="button primary" disabled={blocked} onClick={() => onRun(true)}>
            {t('import.runValid', { count: sendable.count, skipped: sendable.skipped })}
          </button>
        ) : (
          <span className="hint">{t('import.nothingToSend')}</span>
        )}
      </div>
    </div>
  );
}

export function ProgressBar({ progress }: { progress: ImportProgress }) {
  const { t } = useT();
  const percent = progressPercent(progress);
  return (
    <div className="import-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={t('import.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        data-testid="import-progress"
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p role="status" data-testid="import-progress-text">
        {t('import.progress', { ...progress })}
      </p>
      <p className="hint">{t('import.closeSafe')}</p>
    </div>
  );
}

export function ReportPanel({
  report,
  timeZone,
  language,
}: {
  report: ImportReport;
  timeZone: string;
  language: 'en' | 'zh-CN';
}) {
  const { t } = useT();
  // What did not succeed comes first: it is what the user has to act on.
  const notCreated = report.items.filter((item) => item.status !== 'created');
  return (
    <div className="import-report">
      <h3>{t('import.reportTitle')}</h3>
      <p role="status" data-testid="import-report-summary">
        {t('import.reportSummary', {
          created: report.created,
          unknown: report.unknown,
          failed: report.failed,
          invalid: report.invalid,
        })}
      </p>
      {notCreated.length > 0 ? (
        <ul className="problems" aria-label={t('import.notCreated')} data-testid="import-not-created">
          {notCreated.map((item) => (
            <li key={item.line}>
              {t('import.problemLine', {
                line: item.line,
                message: `${t(`import.status.${item.status}`)}: [${item.error?.code ?? ''}] ${item.error?.message ?? ''}`,
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <table className="occurrences" data-testid="import-report">
        <thead>
          <tr>
            <th>{t('import.colLine')}</th>
            <th>{t('history.colStream')}</th>
            <th>{t('history.colStatus')}</th>
            <th>{t('history.colTask')}</th>
          </tr>
        </thead>
        <tbody>
          {report.items.map((item) => (
            <tr key={item.line} data-status={item.status}>
              <td>{item.line}</td>
              <td className="mono">
                {item.stream}
                {item.startTime === null ? null : (
                  <span className="hint"> {formatUnix(item.startTime, timeZone, language)}</span>
                )}
              </td>
              <td>
                <span className={`status-badge import-${item.status}`}>{t(`import.status.${item.status}`)}</span>
                {item.plannedLinks > 0 ? (
                  <span className="tag">{t('import.planned', { count: item.plannedLinks })}</span>
                ) : null}
              </td>
              <td className="mono">
                {item.taskIds.join(', ')}
                {item.error ? (
                  <span className="import-error">
                    [{item.error.code}] {item.error.message}
                    {item.error.requestId ? ` (RequestId ${item.error.requestId})` : ''}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
