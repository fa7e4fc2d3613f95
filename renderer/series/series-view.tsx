// The Shows view: every weekly/daily series with its next occurrences (planned, created with TaskIds, missed), and
// add, edit, remove (confirmed; created tasks are kept and named), cancel or change the time of one occurrence.
import { useCallback, useState } from 'react';
import { unixSeconds } from '../../shared/clock';
import type {
  OccurrenceEditOutcome,
  ProfileSummary,
  SeriesChange,
  SeriesUpdateOutcome,
  SeriesSummary,
} from '../../shared/ipc/contract';
import { useEnvironment } from '../api-context';
import { ConfirmBar } from '../confirm-bar';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';
import { errorNotice, infoNotice, NoticeView, type Notice } from '../notice';
import { useLoaded } from '../use-loaded';
import { SeriesCard } from './series-card';
import { SeriesForm } from './series-form';
import {
  addedText,
  cancelledText,
  createdTasks,
  keptText,
  movedText,
  occurrenceTasks,
  removedText,
  updatedText,
} from './series-texts';

interface Props {
  /** Default zone of a new series. */
  timeZone: string;
  /** Stored profiles, for the account a new show records with. */
  profiles?: readonly ProfileSummary[];
}

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; series: SeriesSummary };
type Pending = { kind: 'remove'; series: SeriesSummary } | { kind: 'cancel'; series: SeriesSummary; date: string };

export function SeriesList({ timeZone, profiles = [] }: Props) {
  const { api, clock } = useEnvironment();
  const { t, language } = useT();
  const loaded = useLoaded(
    useCallback(() => api.series.list(), [api]),
    { on: ['onPlansChanged', 'onHistoryChanged'] },
  );
  const { value: series, reload, replace } = loaded;
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [chosenDates, setChosenDates] = useState<Record<string, string>>({});
  const [changing, setChanging] = useState<{ seriesId: string; date: string } | null>(null);

  const done = (outcome: { added: SeriesChange } | { updated: SeriesUpdateOutcome }) => {
    const changed = 'added' in outcome ? outcome.added.series : outcome.updated.series;
    // Shown at once from the answer (with its TaskIds); the reload then brings every other series up to date.
    replace((current) => [...(current ?? []).filter((item) => item.id !== changed.id), changed]);
    setMode({ kind: 'list' });
    setNotice(infoNotice('added' in outcome ? addedText(outcome.added, t) : updatedText(outcome.updated, t, language)));
    reload();
  };

  const occurrenceChanged = (outcome: OccurrenceEditOutcome) => {
    setChanging(null);
    const failed = outcome.actions.find((step) => step.error !== null)?.error;
    if (!outcome.moved) setNotice(failed ? errorNotice(failed) : infoNotice(t('series.notMoved')));
    else {
      replace((current) => (current ?? []).map((item) => (item.id === outcome.series.id ? outcome.series : item)));
      setNotice(infoNotice(movedText(outcome, t, language)));
    }
    reload();
  };

  const confirm = async () => {
    if (pending === null) return;
    const action = pending;
    setPending(null);
    if (action.kind === 'remove') {
      const removed = await api.series.remove({ id: action.series.id });
      setNotice(removed.ok ? infoNotice(removedText(action.series, removed.value, t)) : errorNotice(removed.error));
    } else {
      const cancelled = await api.series.cancelOccurrence({ id: action.series.id, date: action.date });
      const failed = cancelled.ok ? cancelled.value.actions.find((step) => step.error !== null)?.error : null;
      if (!cancelled.ok) setNotice(errorNotice(cancelled.error));
      else if (failed) setNotice(errorNotice(failed));
      else setNotice(infoNotice(cancelledText(action.date, cancelled.value, t)));
    }
    reload();
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
      {loaded.error === null ? null : <ErrorBox error={loaded.error} />}
      <NoticeView notice={notice} className="sync-report" testId="series-notice" />
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
      {series !== undefined && series.length === 0 ? <p className="hint">{t('series.empty')}</p> : null}
      {(series ?? []).map((item) => (
        <SeriesCard
          key={item.id}
          item={item}
          nowSeconds={nowSeconds}
          chosenDate={chosenDates[item.id]}
          onChooseDate={(date) => setChosenDates((current) => ({ ...current, [item.id]: date }))}
          changingDate={changing?.seriesId === item.id ? changing.date : null}
          onChange={(date) => setChanging(date === null ? null : { seriesId: item.id, date })}
          onEdit={() => setMode({ kind: 'edit', series: item })}
          onRemove={() => setPending({ kind: 'remove', series: item })}
          onCancelOccurrence={(date) => setPending({ kind: 'cancel', series: item, date })}
          onOccurrenceChanged={occurrenceChanged}
        />
      ))}
    </section>
  );
}
