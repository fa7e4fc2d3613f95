// The end of every "created" result (one task or a chain): the warnings that still apply and "Record another". The
// push-delay warning is left out: the countdown above it says the same, live.
import type { Warning } from '../../shared/domain';
import { useT } from '../i18n/i18n';
import { WarningList } from './warning-list';

export function CreatedFooter({ warnings, onAnother }: { warnings: readonly Warning[]; onAnother: () => void }) {
  const { t } = useT();
  return (
    <>
      <WarningList warnings={warnings.filter((warning) => warning.code !== 'PushDelay')} />
      <div className="actions">
        <button type="button" className="button primary" onClick={onAnother}>
          {t('record.another')}
        </button>
      </div>
    </>
  );
}
