// Copies an id (TaskId, RequestId) or a file's URL for a support ticket, a runbook or a player.
import { useState } from 'react';
import { useT } from './i18n/i18n';

interface Props {
  value: string;
  /** What is copied, for screen readers: "Copy TaskId". */
  label: string;
  /** The button's text, default "Copy"; the accessible name starts with it. */
  text?: string;
}

export function CopyButton({ value, label, text }: Props) {
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
  const shown = text ?? t('record.copy');
  return (
    <button type="button" className="button small" aria-label={`${shown} ${label}`} onClick={() => void copy()}>
      {copied ? t('record.copied') : shown}
    </button>
  );
}
