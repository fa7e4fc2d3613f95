// Copies an id (TaskId, RequestId) for a support ticket or a runbook.
import { useState } from 'react';
import { useT } from './i18n/i18n';

interface Props {
  value: string;
  label: string;
}

export function CopyButton({ value, label }: Props) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard permission: the id stays selectable on screen.
      setCopied(false);
    }
  };
  return (
    <button
      type="button"
      className="button small"
      aria-label={`${t('record.copy')} ${label}`}
      onClick={() => void copy()}
    >
      {copied ? t('record.copied') : t('record.copy')}
    </button>
  );
}
