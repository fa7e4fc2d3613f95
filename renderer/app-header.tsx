// The window's title, the sandbox badge and the view tabs (the history's with its open alerts).
import { useT } from './i18n/i18n';

/** The views the window switches between, in tab order. */
export const APP_VIEWS = ['record', 'series', 'import', 'history', 'settings'] as const;
export type AppView = (typeof APP_VIEWS)[number];

interface Props {
  view: AppView;
  sandbox: boolean;
  /** Open alerts, counted on the history's tab. */
  alertCount: number;
  onView: (view: AppView) => void;
}

export function AppHeader({ view, sandbox, alertCount, onView }: Props) {
  const { t } = useT();
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      {sandbox ? (
        <span className="sandbox-badge" role="status" data-testid="sandbox-badge">
          {t('app.sandboxBadge')}
        </span>
      ) : null}
      <nav aria-label={t('nav.label')}>
        {APP_VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            className={view === name ? 'tab active' : 'tab'}
            aria-current={view === name ? 'page' : undefined}
            onClick={() => onView(name)}
          >
            {t(`nav.${name}`)}
            {name === 'history' && alertCount > 0 ? (
              <span className="nav-alerts" data-testid="nav-alerts" title={t('alerts.title', { count: alertCount })}>
                {' ⚠ '}
                {alertCount}
              </span>
            ) : null}
          </button>
        ))}
      </nav>
    </header>
  );
}
