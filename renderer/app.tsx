// The application shell: loads info, settings, profiles and history through the TaperApi (use-app-data.ts), switches
// views, follows main's events, and applies language and theme.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { RecordPrefill } from '../shared/ipc/contract';
import { useEnvironment } from './api-context';
import { AppHeader, type AppView } from './app-header';
import { AppNotices } from './app-notices';
import { ErrorBox } from './error-box';
import { FirstRun } from './first-run';
import { AlertBanner } from './history/alert-banner';
import { usePlans } from './history/use-plans';
import { LanguageContext, translator } from './i18n/i18n';
import { LogFileContext } from './log-file-context';
import { NoticeView } from './notice';
import { RecordForm } from './record/record-form';
import { SandboxPushPanel } from './record/sandbox-push-panel';
import { SettingsView } from './settings/settings-view';
import { HistoryView } from './history/history-view';
import { useAppData } from './use-app-data';
import { whenIdle } from './when-idle';

// The Shows and Import views load on first use: the form is what a window opens on, and parsing every view's code
// before it kept it from being interactive within 500 ms (npm run bench). The history stays in the main bundle: a
// lazy one measured 370 ms to show 20,000 rows instead of 130 ms.
// They are fetched once the form is up (with the whole history), so switching to one does not wait for its code.
const loadSeriesView = () => import('./series/series-view');
const loadImportView = () => import('./import/import-view');
const SeriesList = lazy(() => loadSeriesView().then((module) => ({ default: module.SeriesList })));
const ImportView = lazy(() => loadImportView().then((module) => ({ default: module.ImportView })));
const preloadViews = () => void Promise.all([loadSeriesView(), loadImportView()]).catch(() => undefined);

/**
 * Once the form has its choices and the page is idle: the whole history and the other views' code, so that opening
 * a view waits for neither; the history view asks at once. Asked before the form, 20,000 entries delayed it by
 * ~100 ms (npm run bench).
 */
function useLoadsAfterTheForm(choicesLoaded: boolean, view: AppView, wantHistory: () => void): void {
  useEffect(() => {
    if (!choicesLoaded) return undefined;
    return whenIdle(() => {
      wantHistory();
      preloadViews();
    });
  }, [choicesLoaded, wantHistory]);
  useEffect(() => {
    if (view === 'history') wantHistory();
  }, [view, wantHistory]);
}

export function App() {
  const { api, systemTimeZone } = useEnvironment();
  const data = useAppData();
  const { info, settings, profiles, history, choices, choicesLoaded, wantHistory } = data;
  const [view, setView] = useState<AppView>('record');
  const [prefill, setPrefill] = useState<{ fields: RecordPrefill; version: number } | undefined>(undefined);
  const planned = usePlans();

  const language = info?.language ?? settings.language;
  const i18n = useMemo(() => ({ language, t: translator(language) }), [language]);
  const { t } = i18n;

  useEffect(
    () =>
      api.events.onNavigate((event) => {
        setView(event.view);
        const fields = event.prefill;
        if (fields !== undefined) setPrefill((current) => ({ fields, version: (current?.version ?? 0) + 1 }));
      }),
    [api],
  );

  useLoadsAfterTheForm(choicesLoaded, view, wantHistory);

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dataset['theme'] = settings.theme;
    document.title = t('app.title');
  }, [language, settings.theme, t]);

  const sync = () => void data.sync(t);
  const startSandbox = () => void data.startSandbox();
  const zone = settings.defaultTimeZone ?? systemTimeZone;
  const firstRun = profiles !== null && profiles.length === 0 && info !== null && !info.sandbox && view !== 'settings';

  return (
    <LanguageContext value={i18n}>
      <LogFileContext value={info?.logFile ?? null}>
        <div className="app">
          <AppHeader view={view} sandbox={info?.sandbox === true} alertCount={planned.alerts.length} onView={setView} />
          <main className="app-main">
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <AppNotices damagedFiles={info?.damagedFiles ?? []} onOpen={setView} />
              {data.loadError === null ? null : <ErrorBox error={data.loadError} />}
              {info === null && data.loadError === null ? <p role="status">{t('app.loading')}</p> : null}
              {firstRun ? <FirstRun onAddKeys={() => setView('settings')} onSandbox={startSandbox} /> : null}
              {!firstRun && view === 'record' ? (
                <RecordForm
                  choices={choices}
                  timeZone={zone}
                  showTimeZone={settings.showTimeZone ?? ''}
                  key={prefill?.version ?? 0}
                  credentialsVersion={(profiles ?? [])
                    .map((profile) => `${profile.name}:${profile.isDefault}:${profile.endpoint ?? ''}`)
                    .join(',')}
                  profiles={profiles ?? []}
                  prefill={prefill?.fields}
                  onSync={() => {
                    setView('history');
                    sync();
                  }}
                />
              ) : null}
              {!firstRun && view === 'record' && info?.sandbox === true && choicesLoaded ? (
                <SandboxPushPanel choices={choices} timeZone={zone} />
              ) : null}
              {view === 'history' ? (
                <>
                  <NoticeView notice={data.syncNotice} className="sync-report" />
                  <AlertBanner alerts={planned.alerts} timeZone={zone} onAcknowledged={planned.reload} />
                  {/* Until the whole history has arrived, not an empty list that says there is nothing. */}
                  {data.historyLoaded ? (
                    <HistoryView
                      entries={history}
                      plans={planned.plans}
                      loadError={data.historyError}
                      timeZone={zone}
                      lastSyncedAt={data.lastSyncedAt}
                      syncing={data.syncing}
                      onSync={sync}
                      onChanged={() => {
                        data.reloadHistory();
                        planned.reload();
                      }}
                    />
                  ) : (
                    <p role="status">{t('app.loading')}</p>
                  )}
                </>
              ) : null}
              {!firstRun && view === 'series' ? <SeriesList timeZone={zone} profiles={profiles ?? []} /> : null}
              {!firstRun && view === 'import' ? <ImportView timeZone={zone} profiles={profiles ?? []} /> : null}
              {view === 'settings' ? (
                <SettingsView
                  profiles={profiles ?? []}
                  settings={settings}
                  version={info?.version ?? ''}
                  platform={info?.platform ?? ''}
                  onProfilesChanged={data.reloadProfiles}
                  onSettingsChanged={(patch) => void data.changeSettings(patch)}
                  onStartSandbox={startSandbox}
                />
              ) : null}
            </Suspense>
          </main>
        </div>
      </LogFileContext>
    </LanguageContext>
  );
}
