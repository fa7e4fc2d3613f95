// The application shell: loads info, settings, profiles and history through the TaperApi, switches views,
// follows main's events, and applies language and theme.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryEntry } from '../shared/history';
import type { AppInfo, ProfileSummary, RecordPrefill, Settings, ViewName } from '../shared/ipc/contract';
import type { AppError } from '../shared/result';
import { DEFAULT_SETTINGS } from '../shared/settings-defaults';
import { useEnvironment } from './api-context';
import { AppNotices } from './app-notices';
import { ErrorBox } from './error-box';
import { FirstRun } from './first-run';
import { AlertBanner } from './history/alert-banner';
import { usePlans } from './history/use-plans';
import { LanguageContext, translator } from './i18n/i18n';
import { LogFileContext } from './log-file-context';
import { RecordForm } from './record/record-form';
import { SandboxPushPanel } from './record/sandbox-push-panel';
import { SettingsView } from './settings/settings-view';
import { HistoryView } from './history/history-view';

// The Shows and Import views load on first use: the form is what a window opens on, and parsing every view's code
// before it kept it from being interactive within 500 ms (npm run bench). The history stays in the main bundle: a
// lazy one measured 370 ms to show 20,000 rows instead of 130 ms.
// They are fetched as soon as the form is up, so switching to one does not wait for its code either.
const loadSeriesView = () => import('./series/series-view');
const loadImportView = () => import('./import/import-view');
const SeriesList = lazy(() => loadSeriesView().then((module) => ({ default: module.SeriesList })));
const ImportView = lazy(() => loadImportView().then((module) => ({ default: module.ImportView })));
const preloadViews = () => void Promise.all([loadSeriesView(), loadImportView()]).catch(() => undefined);

/** The tray opens the views it knows (ViewName); the window also has Shows and Import. */
type AppView = ViewName | 'series' | 'import';

export function App() {
  const { api, systemTimeZone, startup } = useEnvironment();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [historyError, setHistoryError] = useState<AppError | null>(null);
  const [view, setView] = useState<AppView>('record');
  const [prefill, setPrefill] = useState<{ fields: RecordPrefill; version: number } | undefined>(undefined);
  const [lastSyncedAt, setLastSyncedAt] = useState<number | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [syncNotice, setSyncNotice] = useState<{ text: string } | { error: AppError } | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const historyRequest = useRef(0);
  const planned = usePlans();

  const language = info?.language ?? settings.language;
  const i18n = useMemo(() => ({ language, t: translator(language) }), [language]);
  const { t } = i18n;

  const loadInfo = useCallback(async () => {
    const result = await (startup?.take('info') ?? api.app.info());
    if (result.ok) {
      setInfo(result.value);
      if (result.value.lastSyncedAt !== undefined) setLastSyncedAt(result.value.lastSyncedAt);
    } else setLoadError(result.error);
  }, [api, startup]);
  const loadProfiles = useCallback(async () => {
    const result = await (startup?.take('profiles') ?? api.profiles.list());
    setProfiles(result.ok ? result.value : []);
  }, [api, startup]);
  const loadHistory = useCallback(async () => {
    const mine = ++historyRequest.current;
    const result = await (startup?.take('history') ?? api.history.list({}));
    // A later reload was started meanwhile: its answer wins.
    if (mine !== historyRequest.current) return;
    if (result.ok) {
      setHistory(result.value);
      setHistoryError(null);
    } else setHistoryError(result.error);
  }, [api, startup]);

  useEffect(() => {
    // Every setState here runs in a promise callback, after the answer from main.
    const loads = [loadInfo, loadProfiles, loadHistory];
    void Promise.resolve().then(() => Promise.all(loads.map((load) => load())));
    void (startup?.take('settings') ?? api.settings.get()).then((result) => {
      if (result.ok) setSettings(result.value);
    });
  }, [api, startup, loadInfo, loadProfiles, loadHistory]);

  useEffect(() => {
    const offHistory = api.events.onHistoryChanged(() => void loadHistory());
    const offNavigate = api.events.onNavigate((event) => {
      setView(event.view);
      const fields = event.prefill;
      if (fields !== undefined) setPrefill((current) => ({ fields, version: (current?.version ?? 0) + 1 }));
    });
    return () => {
      offHistory();
      offNavigate();
    };
  }, [api, loadHistory]);

  // After the first paint: the form is already usable, the other views' code arrives meanwhile.
  useEffect(preloadViews, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dataset['theme'] = settings.theme;
    document.title = t('app.title');
  }, [language, settings.theme, t]);

  const changeSettings = async (patch: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    if (patch.language !== undefined)
      setInfo((current) => (current === null ? current : { ...current, language: patch.language ?? current.language }));
    const result = await api.settings.set(patch);
    if (result.ok) {
      setSettings(result.value);
      return;
    }
    // Not stored (the OS refused the login item, say): show why and what main really has.
    setLoadError(result.error);
    const stored = await api.settings.get();
    if (stored.ok) setSettings(stored.value);
  };

  const sync = async () => {
    setSyncing(true);
    const result = await api.history.sync();
    setSyncing(false);
    if (result.ok) {
      setLastSyncedAt(result.value.syncedAt);
      setSyncNotice({ text: t('history.syncReport', { ...result.value }) });
    } else setSyncNotice({ error: result.error });
    void loadHistory();
  };

  const startSandbox = async () => {
    const result = await api.sandbox.start();
    if (!result.ok) {
      setLoadError(result.error);
      return;
    }
    setLoadError(null);
    await Promise.all([loadInfo(), loadProfiles()]);
  };

  const zone = settings.defaultTimeZone ?? systemTimeZone;
  const firstRun = profiles !== null && profiles.length === 0 && info !== null && !info.sandbox && view !== 'settings';

  return (
    <LanguageContext value={i18n}>
      <LogFileContext value={info?.logFile ?? null}>
        <div className="app">
          <header className="app-header">
            <h1>{t('app.title')}</h1>
            {info?.sandbox ? (
              <span className="sandbox-badge" role="status" data-testid="sandbox-badge">
                {t('app.sandboxBadge')}
              </span>
            ) : null}
            <nav aria-label={t('nav.label')}>
              {(['record', 'series', 'import', 'history', 'settings'] as const).map((name) => (
                <button
                  key={name}
                  type="button"
                  className={view === name ? 'tab active' : 'tab'}
                  aria-current={view === name ? 'page' : undefined}
                  onClick={() => setView(name)}
                >
                  {t(`nav.${name}`)}
                  {name === 'history' && planned.alerts.length > 0 ? (
                    <span
                      className="nav-alerts"
                      data-testid="nav-alerts"
                      title={t('alerts.title', { count: planned.alerts.length })}
                    >
                      {' ⚠ '}
                      {planned.alerts.length}
                    </span>
                  ) : null}
                </button>
              ))}
            </nav>
          </header>
          <main className="app-main">
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <AppNotices damagedFiles={info?.damagedFiles ?? []} onOpen={setView} />
              {loadError === null ? null : <ErrorBox error={loadError} />}
              {info === null && loadError === null ? <p role="status">{t('app.loading')}</p> : null}
              {firstRun ? (
                <FirstRun onAddKeys={() => setView('settings')} onSandbox={() => void startSandbox()} />
              ) : null}
              {!firstRun && view === 'record' ? (
                <RecordForm
                  history={history}
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
                    void sync();
                  }}
                />
              ) : null}
              {!firstRun && view === 'record' && info?.sandbox === true ? (
                <SandboxPushPanel history={history} timeZone={zone} />
              ) : null}
              {view === 'history' ? (
                <>
                  {syncNotice === null ? null : 'error' in syncNotice ? (
                    <ErrorBox error={syncNotice.error} />
                  ) : (
                    <p role="status" className="sync-report">
                      {syncNotice.text}
                    </p>
                  )}
                  <AlertBanner alerts={planned.alerts} timeZone={zone} onAcknowledged={planned.reload} />
                  <HistoryView
                    entries={history}
                    plans={planned.plans}
                    loadError={historyError}
                    timeZone={zone}
                    lastSyncedAt={lastSyncedAt}
                    syncing={syncing}
                    onSync={() => void sync()}
                    onChanged={() => {
                      void loadHistory();
                      planned.reload();
                    }}
                  />
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
                  onProfilesChanged={() => void loadProfiles()}
                  onSettingsChanged={(patch) => void changeSettings(patch)}
                  onStartSandbox={() => void startSandbox()}
                />
              ) : null}
            </Suspense>
          </main>
        </div>
      </LogFileContext>
    </LanguageContext>
  );
}
