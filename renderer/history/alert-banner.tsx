// Missed or failed links of planned recordings, and windows that recorded nothing or with gaps, on top of the history
// until the user acknowledges them: an alert is never a silent miss, and once acknowledged it is not repeated (main
// stops listing it, the tray drops its item; an outcome acknowledged here is acknowledged for `taper alerts` too).
import { useState } from 'react';
import type { AppAlert, OutcomeAlertView, RecordingAlert } from '../../shared/ipc/contract';
import { describeError } from '../../shared/errors/catalog';
import type { AppError } from '../../shared/result';
import { formatUnix } from '../../shared/time/format-unix';
import { useEnvironment } from '../api-context';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';

interface Props {
  alerts: readonly AppAlert[];
  timeZone: string;
  /** Reload the alerts after an acknowledge (main also pushes plans:changed). */
  onAcknowledged: () => void;
}

export function AlertBanner({ alerts, timeZone, onAcknowledged }: Props) {
  const { api } = useEnvironment();
  const { t, language } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (alerts.length === 0) return null;
  const linkAlerts = alerts.filter((alert): alert is RecordingAlert => alert.kind !== 'outcome');
  const outcomeAlerts = alerts.filter((alert): alert is OutcomeAlertView => alert.kind === 'outcome');

  const acknowledge = async (payload: { all: true } | { recordingIds: string[] } | { outcomeIds: string[] }) => {
    setBusy(true);
    const result = await api.alerts.acknowledge(payload);
    setBusy(false);
    setError(result.ok ? null : result.error);
    onAcknowledged();
  };

  return (
    <section className="alert-banner" aria-labelledby="alerts-title" data-testid="alert-banner">
      <div className="alert-head">
        <h3 id="alerts-title">
          ⚠{' '}
          {outcomeAlerts.length === 0
            ? t('alerts.title', { count: alerts.length })
            : t('alerts.titleAny', { count: alerts.length })}
        </h3>
        <button type="button" className="button" disabled={busy} onClick={() => void acknowledge({ all: true })}>
          {t('alerts.acknowledgeAll')}
        </button>
      </div>
      {error === null ? null : <ErrorBox error={error} />}
      <ul className="alert-list">
        {linkAlerts.map((alert) => (
          <li key={alert.recordingId} className="alert-item" data-recording-id={alert.recordingId}>
            <div className="alert-recording">
              <strong>{alert.stream.streamName}</strong>
              <span className="hint mono">
                {alert.stream.domainName}/{alert.stream.appName}
              </span>
              <span className="hint">
                {formatUnix(alert.startTime, timeZone, language)} → {formatUnix(alert.endTime, timeZone, language)}
              </span>
              <button
                type="button"
                className="button small"
                disabled={busy}
                onClick={() => void acknowledge({ recordingIds: [alert.recordingId] })}
                aria-label={`${t('alerts.acknowledge')} ${alert.stream.streamName}`}
              >
                {t('alerts.acknowledge')}
              </button>
            </div>
            <ul>
              {alert.links.map((link) => (
                <li key={link.index} data-status={link.status}>
                  <span className={`status-badge status-${link.status}`}>{t(`linkStatus.${link.status}`)}</span>{' '}
                  {t('alerts.link', { index: link.index + 1, count: alert.linkCount })}:{' '}
                  {formatUnix(link.startTime, timeZone, language)} → {formatUnix(link.endTime, timeZone, language)}
                  {link.error === null ? null : (
                    <span className="alert-reason">
                      {' — '}
                      {describeError(link.error, language).title}
                      {language === 'en' ? <span className="hint"> {link.error.message}</span> : null}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
        {outcomeAlerts.map((alert) => (
          <li
            key={`outcome-${alert.id}`}
            className="alert-item"
            data-outcome-id={alert.id}
            data-outcome={alert.outcome}
          >
            <div className="alert-recording">
              <strong>{alert.stream.streamName}</strong>
              <span className="hint mono">
                {alert.stream.domainName}/{alert.stream.appName}
              </span>
              <span className="hint">
                {formatUnix(alert.startTime, timeZone, language)} → {formatUnix(alert.endTime, timeZone, language)}
              </span>
              <button
                type="button"
                className="button small"
                disabled={busy}
                onClick={() => void acknowledge({ outcomeIds: [alert.id] })}
                aria-label={`${t('alerts.acknowledge')} ${alert.stream.streamName}`}
              >
                {t('alerts.acknowledge')}
              </button>
            </div>
            <p className="alert-reason">
              <span className={`tag outcome outcome-${alert.outcome}`}>{t(`outcome.${alert.outcome}`)}</span>{' '}
              {outcomeSentence(alert, t)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Translate = ReturnType<typeof useT>['t'];

/** "evening-show: nothing was recorded — the stream was never pushed", or the gaps of a partial one. */
function outcomeSentence(alert: OutcomeAlertView, t: Translate): string {
  const stream = alert.stream.streamName;
  if (alert.outcome === 'nothing')
    return `${t('alerts.outcomeNothing', { stream })} — ${t(`alerts.nothingReason.${alert.nothingReason ?? 'unknown'}`)}`;
  const lost = alert.gaps.filter((gap) => gap.pushed === true).length;
  const gaps =
    lost > 0
      ? t('alerts.gapsLost', { count: alert.gaps.length, lost })
      : t('alerts.gaps', { count: alert.gaps.length });
  return `${t('alerts.outcomePartial', { stream })} — ${gaps}`;
}
