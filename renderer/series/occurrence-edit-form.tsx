// Change one occurrence of a show ("this Sunday at 21:30 for 90 min"): start and duration for that date only, every
// problem live, the new window shown as it will be recorded; a task already created for it is replaced.
import { useMemo, useState, type FormEvent } from 'react';
import type { OccurrenceEditOutcome, OccurrenceView, SeriesSummary } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import { formatUnix } from '../../shared/time/format-unix';
import { useEnvironment } from '../api-context';
import { ErrorBox } from '../error-box';
import { isMessageKey, useT } from '../i18n/i18n';
import {
  analyzeOccurrenceEdit,
  fieldsFromOccurrence,
  type OccurrenceEditFields,
  type OccurrenceEditProblem,
} from './occurrence-edit-model';

interface Props {
  series: SeriesSummary;
  occurrence: OccurrenceView;
  onDone: (outcome: OccurrenceEditOutcome) => void;
  onCancel: () => void;
}

type State = { kind: 'editing' } | { kind: 'submitting' } | { kind: 'failed'; error: AppError };

export function OccurrenceEditForm({ series, occurrence, onDone, onCancel }: Props) {
  const { api } = useEnvironment();
  const { t, language } = useT();
  const [fields, setFields] = useState<OccurrenceEditFields>(() => fieldsFromOccurrence(series, occurrence));
  const [state, setState] = useState<State>({ kind: 'editing' });
  const analysis = useMemo(
    () => analyzeOccurrenceEdit(series, occurrence.date, fields),
    [series, occurrence.date, fields],
  );
  const problemText = (problem: OccurrenceEditProblem) => {
    const key = `problem.${problem.code}`;
    return language === 'en' || !isMessageKey(key) ? problem.message : t(key);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (analysis.patch === null || state.kind === 'submitting') return;
    setState({ kind: 'submitting' });
    const result = await api.series.editOccurrence({ id: series.id, date: occurrence.date, patch: analysis.patch });
    if (result.ok) onDone(result.value);
    else setState({ kind: 'failed', error: result.error });
  };

  const input = (field: keyof OccurrenceEditFields, label: string) => {
    const id = `occurrence-${field}`;
    const problems = analysis.problems.filter((problem) => problem.field === field);
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={fields[field]}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problems.length > 0}
          aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
          onChange={(event) => setFields((current) => ({ ...current, [field]: event.target.value }))}
        />
        {problems.length > 0 ? (
          <ul id={`${id}-problems`} className="field-problems">
            {problems.map((problem) => (
              <li key={problem.code} data-code={problem.code}>
                {problemText(problem)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  };

  const window = analysis.window;
  return (
    <form
      className="occurrence-edit"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="occurrence-edit-title"
    >
      <h4 id="occurrence-edit-title">{t('series.changeTitle', { date: occurrence.date, name: series.name })}</h4>
      <p className="hint">{t('series.changeHint')}</p>
      <div className="field-row two">
        {input('startWallTime', t('series.changeAt'))}
        {input('duration', t('series.changeDuration'))}
      </div>
      {window ? (
        <p data-testid="occurrence-new-window">
          {t('series.changeWindow', {
            window: `${formatUnix(window.startTime, series.timeZone, language)} → ${formatUnix(window.endTime, series.timeZone, language).slice(11)}`,
          })}
          {window.dst ? (
            <span className="tag">{t(window.dst === 'gap' ? 'series.dstGap' : 'series.dstOverlap')}</span>
          ) : null}
        </p>
      ) : null}
      {occurrence.taskIds.length > 0 ? (
        <p className="hint">{t('series.changeDeletes', { tasks: occurrence.taskIds.join(', ') })}</p>
      ) : null}
      {state.kind === 'failed' ? <ErrorBox error={state.error} /> : null}
      <div className="actions">
        <button
          type="submit"
          className="button primary small"
          disabled={analysis.patch === null || state.kind === 'submitting'}
        >
          {state.kind === 'submitting' ? t('series.saving') : t('series.changeSave')}
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          {t('series.changeClose')}
        </button>
      </div>
    </form>
  );
}
