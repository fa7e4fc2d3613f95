// One show in the Shows view: its schedule, its next occurrences (planned, created with TaskIds, missed) and its
// actions (edit, remove, cancel or change the time of one occurrence).
import type { OccurrenceEditOutcome, SeriesSummary } from '../../shared/ipc/contract';
import { formatUnix } from '../../shared/time/format-unix';
import { useT } from '../i18n/i18n';
import { OccurrenceEditForm } from './occurrence-edit-form';
import { durationText } from './series-form-model';

interface Props {
  item: SeriesSummary;
  nowSeconds: number;
  /** The occurrence picked for cancel / change (else the first one that can be). */
  chosenDate: string | undefined;
  onChooseDate: (date: string) => void;
  /** The occurrence whose time is being changed here, if any. */
  changingDate: string | null;
  onChange: (date: string | null) => void;
  onEdit: () => void;
  onRemove: () => void;
  onCancelOccurrence: (date: string) => void;
  onOccurrenceChanged: (outcome: OccurrenceEditOutcome) => void;
}

export function SeriesCard({
  item,
  nowSeconds,
  chosenDate,
  onChooseDate,
  changingDate,
  onChange,
  onEdit,
  onRemove,
  onCancelOccurrence,
  onOccurrenceChanged,
}: Props) {
  const { t } = useT();
  const cancellable = item.upcoming.filter(
    (occurrence) =>
      occurrence.endTime > nowSeconds && (occurrence.state === 'planned' || occurrence.state === 'created'),
  );
  const chosen = chosenDate ?? cancellable[0]?.date ?? '';
  const changing = cancellable.find((occurrence) => occurrence.date === changingDate);
  return (
    <article className="series-card" aria-label={item.name} data-series-id={item.id}>
      <header>
        <h3>{item.name}</h3>
        <span className="hint mono">
          {item.stream.domainName}/{item.stream.appName}/{item.stream.streamName}
        </span>
      </header>
      <p data-testid="series-schedule">
        {t('series.schedule', {
          days:
            item.daysOfWeek.length === 7 ? t('series.daily') : item.daysOfWeek.map((day) => t(`day.${day}`)).join(', '),
          at: item.startWallTime,
          zone: item.timeZone,
          duration: durationText(item.durationSeconds),
        })}
        {' · '}
        {item.templateId === undefined ? t('record.noTemplate') : t('series.template', { id: item.templateId })}
      </p>
      <OccurrenceTable item={item} />
      {item.cancelledDates.length > 0 ? (
        <p className="hint">{t('series.cancelledDates', { dates: item.cancelledDates.join(', ') })}</p>
      ) : null}
      <div className="actions">
        <button type="button" className="button small" onClick={onEdit} aria-label={`${t('series.edit')} ${item.name}`}>
          {t('series.edit')}
        </button>
        <button
          type="button"
          className="button small danger"
          onClick={onRemove}
          aria-label={`${t('series.remove')} ${item.name}`}
        >
          {t('series.remove')}
        </button>
        {cancellable.length > 0 ? (
          <span className="cancel-occurrence">
            <label htmlFor={`cancel-${item.id}`}>{t('series.cancelPick')}</label>
            <select id={`cancel-${item.id}`} value={chosen} onChange={(event) => onChooseDate(event.target.value)}>
              {cancellable.map((occurrence) => (
                <option key={occurrence.date} value={occurrence.date}>
                  {occurrence.date}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button small"
              onClick={() => onCancelOccurrence(chosen)}
              aria-label={`${t('series.cancelOccurrence')} ${item.name}`}
            >
              {t('series.cancelOccurrence')}
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => onChange(chosen)}
              aria-label={`${t('series.changeTime')} ${item.name}`}
            >
              {t('series.changeTime')}
            </button>
          </span>
        ) : null}
      </div>
      {changing === undefined ? null : (
        <OccurrenceEditForm
          key={changing.date}
          series={item}
          occurrence={changing}
          onDone={onOccurrenceChanged}
          onCancel={() => onChange(null)}
        />
      )}
    </article>
  );
}

function OccurrenceTable({ item }: { item: SeriesSummary }) {
  const { t, language } = useT();
  return (
    <table className="occurrences">
      <thead>
        <tr>
          <th>{t('series.colDate')}</th>
          <th>{t('series.colWindow')}</th>
          <th>{t('series.colState')}</th>
          <th>{t('series.colTask')}</th>
        </tr>
      </thead>
      <tbody>
        {item.upcoming.map((occurrence) => (
          <tr
            key={occurrence.date}
            data-date={occurrence.date}
            data-state={occurrence.state}
            data-start={occurrence.startTime}
          >
            <td>{occurrence.date}</td>
            <td>
              {formatUnix(occurrence.startTime, item.timeZone, language)} →{' '}
              {formatUnix(occurrence.endTime, item.timeZone, language).slice(11)}
              {occurrence.dst ? (
                <span className="tag">{t(occurrence.dst === 'gap' ? 'series.dstGap' : 'series.dstOverlap')}</span>
              ) : null}
              {occurrence.earlierSchedule ? <span className="tag">{t('series.earlierSchedule')}</span> : null}
              {occurrence.changed ? <span className="tag changed">{t('series.changed')}</span> : null}
            </td>
            <td>
              <span className={`status-badge occurrence-${occurrence.state}`}>
                {t(`occurrence.${occurrence.state}`)}
              </span>
            </td>
            <td className="mono">
              {occurrence.taskIds.join(', ')}
              {occurrence.error ? (
                <span className="hint" title={occurrence.error.message}>
                  {' '}
                  {occurrence.error.code}
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
