// Stop and Delete of a history row, a single task or a whole recording; `label` names the row for screen readers.
import { useT } from '../i18n/i18n';

export function StopDeleteButtons({
  label,
  onAction,
}: {
  label: string;
  onAction: (action: 'stop' | 'delete') => void;
}) {
  const { t } = useT();
  return (
    <>
      <button
        type="button"
        className="button small"
        onClick={() => onAction('stop')}
        aria-label={`${t('history.stop')} ${label}`}
      >
        {t('history.stop')}
      </button>
      <button
        type="button"
        className="button small danger"
        onClick={() => onAction('delete')}
        aria-label={`${t('history.delete')} ${label}`}
      >
        {t('history.delete')}
      </button>
    </>
  );
}
