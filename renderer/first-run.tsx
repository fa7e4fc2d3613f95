// First start with no keys: add real keys, or try the sandbox where nothing is recorded.
import { useT } from './i18n/i18n';

interface Props {
  onAddKeys: () => void;
  onSandbox: () => void;
}

export function FirstRun({ onAddKeys, onSandbox }: Props) {
  const { t } = useT();
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      <p>{t('firstRun.body')}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={onAddKeys}>
          {t('firstRun.addKeys')}
        </button>
        <button type="button" className="button" onClick={onSandbox}>
          {t('firstRun.sandbox')}
        </button>
      </div>
    </section>
  );
}
