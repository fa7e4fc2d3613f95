// After a "now" task is created the platform needs a few seconds before a push is recorded:
// count them down visibly, then say it is safe.
import { PUSH_DELAY_SECONDS } from '../../shared/rules/limits';
import { useEnvironment } from '../api-context';
import { useT } from '../i18n/i18n';
import { useNowMs } from '../use-now';

interface Props {
  /** When the create answer arrived, epoch ms. */
  createdAtMs: number;
}

export function PushCountdown({ createdAtMs }: Props) {
  const { clock } = useEnvironment();
  const { t } = useT();
  const now = useNowMs(clock, 200);
  const remaining = Math.ceil(PUSH_DELAY_SECONDS - (now - createdAtMs) / 1000);
  return (
    <p className={remaining > 0 ? 'countdown waiting' : 'countdown safe'} role="status" aria-live="polite">
      {remaining > 0 ? t('record.countdown', { seconds: remaining }) : t('record.safeToPush')}
    </p>
  );
}
