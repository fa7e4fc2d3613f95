// The inline "are you sure?" of a destructive action (stop, delete, remove a show): the question, Confirm, and Cancel
// focused by default so Enter never destroys by accident.
import type { ReactNode } from 'react';
import { useT } from './i18n/i18n';

export function ConfirmBar({
  id,
  children,
  onConfirm,
  onCancel,
}: {
  id: string;
  children: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={id}>
      <p id={id}>{children}</p>
      <button type="button" className="button danger" onClick={onConfirm}>
        {t('history.confirm')}
      </button>
      <button type="button" className="button" autoFocus onClick={onCancel}>
        {t('history.cancel')}
      </button>
    </div>
  );
}
