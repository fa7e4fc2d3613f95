// The Shows view: every weekly/daily series with its next occurrences (planned, created with TaskIds, missed), and
// add, edit, remove (confirmed; created tasks are kept and named), cancel or change the time of one occurrence.
import { useCallback, useEffect, useRef, useState } from 'react';
import { unixSeconds } from '../../shared/clock';
import type {
  OccurrenceEditOutcome,
  ProfileSummary,
  SeriesChange,
  SeriesUpdateOutcome,
  SeriesView,
} from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import { formatUnix } from '../../shared/time/format-unix';
import { useEnvironment } from '../api-context';
import { ConfirmBar } from '../confirm-bar';
import { ErrorBox } from '../error-box';
import { useT, type Translate } from '../i18n/i18n';
import { OccurrenceEditForm } from './occurrence-edit-form';
import { durationText } from './series-form-model';
import { SeriesForm } from './series-form';

interface Props {
  /** Default zone of a new series. */
  timeZone: string;
  /** Stored profiles, for the account a new show records with. */
  profiles?: readonly ProfileSummary[];
}

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; series: SeriesView };
type Pending = { kind: 'remove'; series: SeriesView } | { kind: 'cancel'; series: SeriesView; date: string };
type Notice = { text: string } | { error: AppError };

export function SeriesList({ timeZone, profiles = [] }: Props) {
  const { api, clock } = useEnvironment();
  const { t, language } = useT();
  const [series, setSeries] = useState<SeriesView[] | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [chosenDates, setChosenDates] = useState<Record<string, string>>({});
  const [changing, setChanging] = useState<{ seriesId: string; date: string } | null>(null);
  const request = useRef(0);

  const load = useCallback(async () => {
    const mine = ++request.current;
    const result = await api.series.list();
    // A later reload answered meanwhile: its list wins.
    if (mine !== request.current) return;
    if (result.ok) {
      setSeries(result.value);
      setLoadError(null);
    } else setLoadError(result.error);
  }, [api]);

  useEffect(() => {
    void Promise.resolve().then(load);
    const offPlans = api.events.onPlansChanged(() => void load());
    const offHistory = api.events.onHistoryChanged(() => void load());
    return () => {
      offPlans();
      offHistory();
    };
  }, [api, load]);

  const done = (outcome: { added: SeriesChange } | { updated: SeriesUpdateOutcome }) => {
    const changed = 'added' in outcome ? outcome.added.series : outcome.updated.series;
    // Shown at once from the answer (with its TaskIds); the reload then brings every other series up to date.
    request.current++;
    setSeries((current) => [...(current ?? []).filter((item) => item.id !== changed.id), changed]);
    setMode({ kind: 'list' });
    setNotice({ text: 'added' in outcome ? addedText(outcome.added, t) : updatedText(outcome.updated, t, language) });
    void load();
  };

  const occurrenceChanged = (outcome: OccurrenceEditOutcome) => {
    setChanging(null);
    const failed = outcome.actions.find((step) => step.error !== null)?.error;
    if (!outcome.moved) setNotice(failed ? { error: failed } : { text: t('series.notMoved') });
    else {
      request.current++;
      setSeries((current) => (current ?? []).map((item) => (item.id === outcome.series.id ? outcome.series : item)));
      setNotice({ text: movedText(outcome, t, language) });
    }
    void load();
  };

  const confirm = async () => {
    if (pending === null) return;
    const action = pending;
    setPending(null);
    if (action.kind === 'remove') {
      const removed = await api.series.remove({ id: action.series.id });
      setNotice(
        removed.ok
          ? {
              text:
                t('series.removed', { name: action.series.name, cancelled: removed.value.cancelledLinks }) +
                keptText(removed.value.keptTaskIds, t),
            }
          : { error: removed.error },
      );
    } else {
      const cancelled = await api.series.cancelOccurrence({ id: action.series.id, date: action.date });
      const failed = cancelled.ok ? cancelled.value.actions.find((step) => step.error !== null)?.error : null;
      if (!cancelled.ok) setNotice({ error: cancelled.error });
      else if (failed) setNotice({ error: failed });
      else {
        const deleted = cancelled.value.actions.flatMap((step) =>
          step.action === 'deleted' && step.taskId ? [step.taskId] : [],
        );
        setNotice({
          text:
            t('series.cancelledOne', { date: action.date }) +
            (deleted.length > 0 ? ` ${t('series.taskDeleted', { tasks: deleted.join(', ') })}` : ''),
        });
      }
    }
    void load();
  };

  if (mode.kind !== 'list') {
    return (
      <SeriesForm
        key={mode.kind === 'edit' ? mode.series.id : 'new'}
        editing={mode.kind === 'edit' ? mode.series : undefined}
        others={series ?? []}
        timeZone={timeZone}
        profiles={profiles}
        onDone={done}
        onCancel={() => setMode({ kind: 'list' })}
      />
    );
  }

  const nowSeconds = unixSeconds(clock);
  return (
    <section className="series-view" aria-labelledby="series-title">
      <div className="history-toolbar">
        <h2 id="series-title">{t('series.title')}</h2>
        <button type="button" className="button primary" onClick={() => setMode({ kind: 'add' })}>
          {t('series.addButton')}
        </button>
      </div>
      <p className="hint">{t('series.intro')}</p>
      {loadError === null ? null : <ErrorBox error={loadError} />}
      {notice === null ? null : 'error' in notice ? (
        <ErrorBox error={notice.error} />
      ) : (
        <p role="status" className="sync-report" data-testid="series-notice">
          {notice.text}
        </p>
      )}
      {pending === null ? null : (
        <ConfirmBar id="series-confirm-text" onConfirm={() => void confirm()} onCancel={() => setPending(null)}>
          {pending.kind === 'remove'
            ? t('series.confirmRemove', { name: pending.series.name }) +
              keptText(createdTasks(pending.series, nowSeconds), t)
            : t('series.confirmCancel', { date: pending.date, name: pending.series.name }) +
              (occurrenceTasks(pending.series, pending.date).length > 0
                ? ` ${t('series.cancelDeletes', { tasks: occurrenceTasks(pending.series, pending.date).join(', ') })}`
                : '')}
        </ConfirmBar>
      )}
      {series !== null && series.length === 0 ? <p className="hint">{t('series.empty')}</p> : null}
      {(series ?? []).map((item) => {
        const cancellable = item.upcoming.filter(
          (occurrence) =>
            occurrence.endTime > nowSeconds && (occurrence.state === 'planned' || occurrence.state === 'created'),
        );
        const chosen = chosenDates[item.id] ?? cancellable[0]?.date ?? '';
        return (
          <article key={item.id} className="series-card" aria-label={item.name} data-series-id={item.id}>
            <header>
              <h3>{item.name}</h3>
              <span className="hint mono">
                {item.stream.domainName}/{item.stream.appName}/{item.stream.streamName}
              </span>
            </header>
            <p data-testid="series-schedule">
              {t('series.schedule', {
                days:
                  item.daysOfWeek.length === 7
                    ? t('series.daily')
                    : item.daysOfWeek.map((day) => t(`day.${day}`)).join(', '),
                at: item.startWallTime,
                zone: item.timeZone,
                duration: durationText(item.durationSeconds),
              })}
              {' · '}
              {item.templateId === undefined ? t('record.noTemplate') : t('series.template', { id: item.templateId })}
            </p>
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
                        <span className="tag">
                          {t(occurrence.dst === 'gap' ? 'series.dstGap' : 'series.dstOverlap')}
                        </span>
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
            {item.cancelledDates.length > 0 ? (
              <p className="hint">{t('series.cancelledDates', { dates: item.cancelledDates.join(', ') })}</p>
            ) : null}
            <div className="actions">
              <button
                type="button"
                className="button small"
                onClick={() => setMode({ kind: 'edit', series: item })}
                aria-label={`${t('series.edit')} ${item.name}`}
              >
                {t('series.edit')}
              </button>
              <button
                type="button"
                className="button small danger"
                onClick={() => setPending({ kind: 'remove', series: item })}
                aria-label={`${t('series.remove')} ${item.name}`}
              >
                {t('series.remove')}
              </button>
              {cancellable.length > 0 ? (
                <span className="cancel-occurrence">
                  <label htmlFor={`cancel-${item.id}`}>{t('series.cancelPick')}</label>
                  <select
                    id={`cancel-${item.id}`}
                    value={chosen}
                    onChange={(event) => setChosenDates((current) => ({ ...current, [item.id]: event.target.value }))}
                  >
                    {cancellable.map((occurrence) => (
                      <option key={occurrence.date} value={occurrence.date}>
                        {occurrence.date}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setPending({ kind: 'cancel', series: item, date: chosen })}
                    aria-label={`${t('series.cancelOccurrence')} ${item.name}`}
                  >
                    {t('series.cancelOccurrence')}
                  </button>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setChanging({ seriesId: item.id, date: chosen })}
                    aria-label={`${t('series.changeTime')} ${item.name}`}
                  >
                    {t('series.changeTime')}
                  </button>
                </span>
              ) : null}
            </div>
            {changing?.seriesId === item.id && cancellable.some((occurrence) => occurrence.date === changing.date) ? (
              <OccurrenceEditForm
                key={changing.date}
                series={item}
                occurrence={
                  cancellable.find((occurrence) => occurrence.date === changing.date) as (typeof cancellable)[number]
                }
                onDone={occurrenceChanged}
                onCancel={() => setChanging(null)}
              />
            ) : null}
          </article>
        );
      })}
    </section>
  );
}

/** TaskIds of occurrences already created that have not ended: removing the series keeps them. */
function createdTasks(series: SeriesView, nowSeconds: number): string[] {
  return series.upcoming
    .filter((occurrence) => occurrence.endTime > nowSeconds)
    .flatMap((occurrence) => occurrence.taskIds);
}

function occurrenceTasks(series: SeriesView, date: string): string[] {
  return series.upcoming.find((occurrence) => occurrence.date === date)?.taskIds ?? [];
}

function keptText(taskIds: readonly string[], t: Translate): string {
  return taskIds.length === 0 ? '' : ` ${t('series.keptTasks', { tasks: taskIds.join(', ') })}`;
}

function addedText(added: SeriesChange, t: Translate): string {
  const created = added.series.upcoming.flatMap((occurrence) => occurrence.taskIds);
  return (
    t('series.addedNotice', { name: added.series.name, count: created.length }) +
    (added.dueError ? ` ${t('series.dueFailed', { code: added.dueError.code })}` : '')
  );
}

function movedText(outcome: OccurrenceEditOutcome, t: Translate, language: 'en' | 'zh-CN'): string {
  const zone = outcome.series.timeZone;
  const window = `${formatUnix(outcome.startTime, zone, language)} → ${formatUnix(outcome.endTime, zone, language).slice(11)}`;
  const date = formatUnix(outcome.startTime, zone).slice(0, 10);
  const deleted = outcome.actions.flatMap((step) => (step.action === 'deleted' && step.taskId ? [step.taskId] : []));
  return [
    t('series.movedNotice', { date, window }),
    ...(deleted.length > 0 ? [t('series.taskDeleted', { tasks: deleted.join(', ') })] : []),
    outcome.createdTaskIds.length > 0
      ? t('series.taskCreated', { tasks: outcome.createdTaskIds.join(', ') })
      : outcome.error
        ? t('series.dueFailed', { code: outcome.error.code })
        : t('series.movedPlanned'),
  ].join(' ');
}

function updatedText(updated: SeriesUpdateOutcome, t: Translate, language: 'en' | 'zh-CN'): string {
  const kept = updated.kept.map(
    (item) =>
      `${item.date} ${formatUnix(item.startTime, updated.series.timeZone, language).slice(11, 16)} ${item.taskIds.join(', ') || t('occurrence.pending-sync')}`,
  );
  return (
    t('series.updatedNotice', { name: updated.series.name, replanned: updated.replanned }) +
    (kept.length > 0 ? ` ${t('series.keptOccurrences', { list: kept.join('; ') })}` : '') +
    (updated.dueError ? ` ${t('series.dueFailed', { code: updated.dueError.code })}` : '')
  );
}
