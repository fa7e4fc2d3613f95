// The exact StartTime / EndTime the form will send, with the wall time in each zone shown.
import { formatUnix } from '../../shared/time/format-unix';
import { useT } from '../i18n/i18n';
import { unique } from './recent-values';

export function Timestamps({
  startUnix,
  endUnix,
  zones,
  language,
}: {
  startUnix: number | undefined;
  endUnix: number | undefined;
  zones: string[];
  language: 'en' | 'zh-CN';
}) {
  const { t } = useT();
  const shownZones = unique(zones.map((zone) => zone.trim()).filter((zone) => zone !== ''));
  return (
    <section className="timestamps" aria-label={t('record.sent')}>
      <h3>{t('record.sent')}</h3>
      <dl>
        <dt>{t('record.start')}</dt>
        <dd data-testid="start-time">
          {startUnix === undefined ? (
            t('record.startNow')
          ) : (
            <>
              <span className="mono">StartTime={startUnix}</span>
              {shownZones.map((zone) => (
                <span key={zone} className="zoned">
                  {formatUnix(startUnix, zone, language)} · {zone}
                </span>
              ))}
            </>
          )}
        </dd>
        <dt>{t('record.end')}</dt>
        <dd data-testid="end-time">
          {endUnix === undefined ? (
            '—'
          ) : (
            <>
              <span className="mono">EndTime={endUnix}</span>
              {shownZones.map((zone) => (
                <span key={zone} className="zoned">
                  {formatUnix(endUnix, zone, language)} · {zone}
                </span>
              ))}
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}
