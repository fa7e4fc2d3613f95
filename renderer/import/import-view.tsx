// Bulk import in the app: choose a CSV (read here, sent to main as text), see every row and every problem before
// anything is sent, then a progress bar fed by main's `import:progress` events and the per-row report. The import
// runs in main: reopening the window shows the running import or the last report (`import:status`).
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ImportPreview, ImportProgress, ImportReport, ProfileSummary } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import { formatUnix } from '../../shared/time/format-unix';
import { useEnvironment } from '../api-context';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';
import { ProfilePicker, useProfileChoice } from '../profile-picker';
import { MAX_IMPORT_FILE_BYTES, progressPercent, sendableRows } from './import-model';

interface Props {
  /** Zone for wall times in the file (the settings' zone, else the system's). */
  timeZone: string;
  /** Stored profiles: with more than one, the view asks which account creates the tasks. */
  profiles?: readonly ProfileSummary[];
}

const NO_PROFILES: readonly ProfileSummary[] = [];

type State =
  | { kind: 'choose' }
  | { kind: 'reading' }
  | { kind: 'preview'; fileName: string; csv: string; preview: ImportPreview }
  | { kind: 'running'; progress: ImportProgress }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'failed'; error: AppError };

/** Rows listed in the preview; the rest are counted (a 10,000-row table helps nobody). */
const PREVIEW_ROWS_SHOWN = 300;

export function ImportView({ timeZone, profiles = NO_PROFILES }: Props) {
  const { api } = useEnvironment();
  const { t, language } = useT();
  const account = useProfileChoice(profiles);
  const [state, setState] = useState<State>({ kind: 'choose' });
  const [zone, setZone] = useState(timeZone);
  const attempt = useRef(0);

  useEffect(() => {
    let current = true;
    // The window may have been closed during an import: pick up its progress or its report.
    void api.imports.status().then((result) => {
      if (!current || !result.ok) return;
      if (result.value.running) setState({ kind: 'running', progress: result.value.running });
      else if (result.value.last)
        setState((now) => (now.kind === 'choose' ? { kind: 'done', report: result.value.last as ImportReport } : now));
    });
    const off = api.events.onImportProgress((progress) => {
      if (!current) return;
      setState((now) =>
        now.kind === 'running' || now.kind === 'preview' || now.kind === 'choose' ? { kind: 'running', progress } : now,
      );
    });
    // Main announces a finished import with history:changed: a window that did not start it (reopened) fetches the report.
    const offHistory = api.events.onHistoryChanged(() => {
      void api.imports.status().then((result) => {
        if (!current || !result.ok || result.value.running !== null || result.value.last === null) return;
        const last = result.value.last;
        setState((now) => (now.kind === 'running' ? { kind: 'done', report: last } : now));
      });
    });
    return () => {
      current = false;
      off();
      offHistory();
    };
  }, [api]);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    const mine = ++attempt.current;
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setState({
        kind: 'failed',
        error: {
          code: 'Taper.InvalidInput',
          message: t('import.tooLarge', { size: Math.ceil(file.size / 1_000_000) }),
        },
      });
      return;
    }
    setState({ kind: 'reading' });
    const csv = await file.text();
    const preview = await api.imports.preview({ csv, timeZone: zone });
    // Another file was chosen meanwhile: its preview wins.
    if (mine !== attempt.current) return;
    setState(
      preview.ok
        ? { kind: 'preview', fileName: file.name, csv, preview: preview.value }
        : { kind: 'failed', error: preview.error },
    );
  };

  const run = async (csv: string, skipInvalid: boolean, total: number) => {
    const mine = ++attempt.current;
    setState({ kind: 'running', progress: { done: 0, total, created: 0, unknown: 0, failed: 0 } });
    const report = await api.imports.run({ csv, timeZone: zone, skipInvalid, ...account.option });
    if (mine !== attempt.current) return;
    setState(report.ok ? { kind: 'done', report: report.value } : { kind: 'failed', error: report.error });
  };

  const reset = () => {
    attempt.current++;
    setState({ kind: 'choose' });
  };

  return (
    <section className="import-view" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="hint">{t('import.intro')}</p>
      {state.kind === 'choose' || state.kind === 'reading' || state.kind === 'preview' || state.kind === 'failed' ? (
        <div className="field-row two">
          <div className="field">
            <label htmlFor="import-file">{t('import.file')}</label>
            <input id="import-file" type="file" accept=".csv,text/csv" onChange={(event) => void readFile(event)} />
          </div>
          <div className="field">
            <label htmlFor="import-zone">{t('import.timeZone')}</label>
            <input
              id="import-zone"
              value={zone}
              onChange={(event) => setZone(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <ProfilePicker id="import-profile" profiles={profiles} choice={account} />
        </div>
      ) : null}
      {state.kind === 'reading' ? <p role="status">{t('import.reading')}</p> : null}
      {state.kind === 'failed' ? (
        <>
          <ErrorBox error={state.error} />
          <p className="hint">{state.error.message}</p>
        </>
      ) : null}
      {state.kind === 'preview' ? (
        <PreviewPanel
          state={state}
          timeZone={zone}
          blocked={account.missing}
          onRun={(skip) => void run(state.csv, skip, state.preview.rows.length)}
        />
      ) : null}
      {state.kind === 'running' ? <ProgressBar progress={state.progress} /> : null}
      {state.kind === 'done' ? (
        <>
          <ReportPanel report={state.report} timeZone={zone} language={language} />
          <button type="button" className="button" onClick={reset}>
            {t('import.another')}
          </button>
        </>
      ) : null}
    </section>
  );
}

function PreviewPanel({
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

function ProgressBar({ progress }: { progress: ImportProgress }) {
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

function ReportPanel({
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
