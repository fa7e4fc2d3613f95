// Bulk import in the app: choose a CSV (read here, sent to main as text), see every row and every problem before
// anything is sent, then a progress bar fed by main's `import:progress` events and the per-row report. The import
// runs in main: reopening the window shows the running import or the last report (`import:status`).
import type { ProfileSummary } from '../../shared/ipc/contract';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';
import { ProfilePicker, useProfileChoice } from '../profile-picker';
import { PreviewPanel, ProgressBar, ReportPanel } from './import-panels';
import { useImport } from './use-import';

interface Props {
  /** Zone for wall times in the file (the settings' zone, else the system's). */
  timeZone: string;
  /** Stored profiles: with more than one, the view asks which account creates the tasks. */
  profiles?: readonly ProfileSummary[];
}

const NO_PROFILES: readonly ProfileSummary[] = [];

export function ImportView({ timeZone, profiles = NO_PROFILES }: Props) {
  const { t, language } = useT();
  const account = useProfileChoice(profiles);
  const { state, zone, setZone, readFile, run, reset } = useImport(timeZone, account.option);

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
