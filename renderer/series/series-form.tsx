// Add or edit a weekly show: every problem shown live on its field (like the record form), overlap and DST warnings,
// and the next occurrences as they will be recorded. Editing keeps the stream (another stream is another series).
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { ProfileSummary, SeriesChange, SeriesUpdateOutcome, SeriesSummary } from '../../shared/ipc/contract';
import type { RecordTemplate } from '../../shared/live-types';
import { ok, type AppError } from '../../shared/result';
import type { IsoWeekday, Series } from '../../shared/schedule/series';
import { formatUnix } from '../../shared/time/format-unix';
import type { Language } from '../../shared/errors/catalog';
import { useApi, useEnvironment } from '../api-context';
import { ErrorBox } from '../error-box';
import { isMessageKey, useT, type Translate } from '../i18n/i18n';
import { ProfilePicker, useProfileChoice } from '../profile-picker';
import { COMMON_ZONES, Datalist } from '../record/record-fields';
import { WarningList } from '../record/warning-list';
import { useLoaded } from '../use-loaded';
import { useNowMs } from '../use-now';
import {
  analyzeSeriesForm,
  emptySeriesFields,
  fieldsFromSeries,
  seriesPatch,
  type SeriesField,
  type SeriesFieldProblem,
  type SeriesFields,
} from './series-form-model';

interface Props {
  /** The series being edited; undefined: a new one. */
  editing?: SeriesSummary | undefined;
  /** Every stored series (overlap warnings). */
  others: readonly Series[];
  /** Default zone of a new series (the settings' zone, else the system's). */
  timeZone: string;
  onDone: (outcome: { added: SeriesChange } | { updated: SeriesUpdateOutcome }) => void;
  onCancel: () => void;
  /** Stored profiles: with more than one, a new show asks which account records it (an edited one keeps its own). */
  profiles?: readonly ProfileSummary[];
}

const NO_PROFILES: readonly ProfileSummary[] = [];
const NO_TEMPLATES: RecordTemplate[] = [];

export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
type State = { kind: 'editing' } | { kind: 'submitting' } | { kind: 'failed'; error: AppError };

export function SeriesForm({ editing, others, timeZone, onDone, onCancel, profiles = NO_PROFILES }: Props) {
  const { api, clock } = useEnvironment();
  const { t, language } = useT();
  // An edited show keeps the account it was added with: main records it with that profile.
  const account = useProfileChoice(editing ? NO_PROFILES : profiles);
  const { option: accountOption } = account;
  const [fields, setFields] = useState<SeriesFields>(() =>
    editing ? fieldsFromSeries(editing) : emptySeriesFields(timeZone),
  );
  const [state, setState] = useState<State>({ kind: 'editing' });
  const templates = useAccountTemplates(accountOption);
  const nowSeconds = Math.floor(useNowMs(clock, 30_000) / 1000);
  const analysis = useMemo(
    () => analyzeSeriesForm(fields, nowSeconds, others, editing?.id),
    [fields, nowSeconds, others, editing?.id],
  );

  const set = <K extends keyof SeriesFields>(key: K, value: SeriesFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const toggleDay = (day: IsoWeekday) => setFields((current) => ({ ...current, days: toggled(current.days, day) }));
  const problemsFor = (field: SeriesField) => analysis.problems.filter((problem) => problem.field === field);
  const problemText = (problem: SeriesFieldProblem) => seriesProblemText(problem, t, language);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = analysis.input;
    if (input === null || account.missing || state.kind === 'submitting') return;
    setState({ kind: 'submitting' });
    if (editing) {
      const result = await api.series.update({ id: editing.id, patch: seriesPatch(editing, input) });
      if (result.ok) onDone({ updated: result.value });
      else setState({ kind: 'failed', error: result.error });
    } else {
      const result = await api.series.add({ series: input, ...accountOption });
      if (result.ok) onDone({ added: result.value });
      else setState({ kind: 'failed', error: result.error });
    }
  };

  const field = (
    id: SeriesField & keyof SeriesFields,
    label: string,
    options: { hint?: string; disabled?: boolean; list?: string } = {},
  ) => (
    <SeriesInput
      id={id}
      label={label}
      value={String(fields[id])}
      problems={problemsFor(id)}
      problemText={problemText}
      onChange={(value) => set(id, value as never)}
      {...options}
    />
  );

  return (
    <form
      className="record-form series-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="series-form-title"
    >
      <h2 id="series-form-title">{editing ? t('series.editTitle', { name: editing.name }) : t('series.addTitle')}</h2>
      {editing ? null : (
        <div className="field-row two">
          <ProfilePicker
            id="series-profile"
            profiles={profiles}
            choice={account}
            onPicked={() => set('templateId', '')}
          />
        </div>
      )}
      <div className="field-row three">
        {field('domainName', t('record.domain'), { hint: t('record.domainHint'), disabled: editing !== undefined })}
        {field('appName', t('record.app'), { disabled: editing !== undefined })}
        {field('streamName', t('record.stream'), { disabled: editing !== undefined })}
      </div>
      {editing ? <p className="hint">{t('series.streamFixed')}</p> : null}
      <DaysField
        days={fields.days}
        problems={problemsFor('days')}
        problemText={problemText}
        onToggle={toggleDay}
        onSet={(days) => set('days', days)}
      />
      <div className="field-row three">
        {field('startWallTime', t('series.at'), { hint: t('series.atHint') })}
        {field('duration', t('record.duration'), { hint: t('record.durationHint') })}
        {field('timeZone', t('series.timeZone'), { list: 'series-zones' })}
      </div>
      <Datalist id="series-zones" values={COMMON_ZONES} />
      <div className="field-row two">
        <TemplateField
          templates={templates}
          templateId={fields.templateId}
          onChange={(templateId) => set('templateId', templateId)}
        />
        {field('name', t('series.name'), { hint: t('series.nameHint') })}
      </div>
      <ProblemList id="series-problems" problems={problemsFor('series')} text={problemText} />

      <OccurrencePreview preview={analysis.preview} timeZone={fields.timeZone} />
      <WarningList warnings={analysis.warnings} />
      {state.kind === 'failed' ? <ErrorBox error={state.error} /> : null}
      {state.kind === 'failed' && state.error.message ? <p className="hint">{state.error.message}</p> : null}

      <SeriesActions
        blocked={analysis.input === null}
        disabled={analysis.input === null || account.missing || state.kind === 'submitting'}
        submitting={state.kind === 'submitting'}
        editing={editing !== undefined}
        onCancel={onCancel}
      />
    </form>
  );
}

function ProblemList({
  id,
  problems,
  text,
}: {
  id: string;
  problems: readonly SeriesFieldProblem[];
  text: (problem: SeriesFieldProblem) => string;
}) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field-problems">
      {problems.map((problem) => (
        <li key={problem.code} data-code={problem.code}>
          {text(problem)}
        </li>
      ))}
    </ul>
  );
}

interface SeriesInputProps {
  id: SeriesField & keyof SeriesFields;
  label: string;
  value: string;
  problems: readonly SeriesFieldProblem[];
  problemText: (problem: SeriesFieldProblem) => string;
  onChange: (value: string) => void;
  hint?: string;
  disabled?: boolean;
  list?: string;
}

function SeriesInput({ id, label, value, problems, problemText, onChange, hint, disabled, list }: SeriesInputProps) {
  return (
    <div className="field">
      <label htmlFor={`series-${id}`}>{label}</label>
      <input
        id={`series-${id}`}
        value={value}
        disabled={disabled}
        list={list}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? `series-${id}-problems` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint === undefined ? null : <p className="hint">{hint}</p>}
      <ProblemList id={`series-${id}-problems`} problems={problems} text={problemText} />
    </div>
  );
}

interface DaysFieldProps {
  days: readonly IsoWeekday[];
  problems: readonly SeriesFieldProblem[];
  problemText: (problem: SeriesFieldProblem) => string;
  onToggle: (day: IsoWeekday) => void;
  onSet: (days: IsoWeekday[]) => void;
}

/** The days of the week a show records on, with "daily" and "weekdays". */
function DaysField({ days, problems, problemText, onToggle, onSet }: DaysFieldProps) {
  const { t } = useT();
  return (
    <fieldset className="days" aria-describedby={problems.length > 0 ? 'series-days-problems' : undefined}>
      <legend>{t('series.days')}</legend>
      {WEEKDAYS.map((day) => (
        <label key={day} className="day-toggle">
          <input type="checkbox" checked={days.includes(day)} onChange={() => onToggle(day)} />
          {t(`day.${day}`)}
        </label>
      ))}
      <span className="quick">
        <button type="button" className="button small" onClick={() => onSet([...WEEKDAYS])}>
          {t('series.daily')}
        </button>
        <button type="button" className="button small" onClick={() => onSet([1, 2, 3, 4, 5])}>
          {t('series.weekdays')}
        </button>
      </span>
      <ProblemList id="series-days-problems" problems={problems} text={problemText} />
    </fieldset>
  );
}

/** The account's templates; one the show has but the account no longer lists stays chosen, by its id. */
function TemplateField({
  templates,
  templateId,
  onChange,
}: {
  templates: readonly RecordTemplate[];
  templateId: string;
  onChange: (templateId: string) => void;
}) {
  const { t } = useT();
  return (
    <div className="field">
      <label htmlFor="series-template">{t('record.template')}</label>
      <select id="series-template" value={templateId} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('record.noTemplate')}</option>
        {templates.map((template) => (
          <option key={template.templateId} value={String(template.templateId)}>
            {template.name} ({template.templateId})
          </option>
        ))}
        {templateId !== '' && !templates.some((template) => String(template.templateId) === templateId) ? (
          <option value={templateId}>{templateId}</option>
        ) : null}
      </select>
    </div>
  );
}

/** The next occurrences as they will be recorded, in the show's zone. */
function OccurrencePreview({
  preview,
  timeZone,
}: {
  preview: ReturnType<typeof analyzeSeriesForm>['preview'];
  timeZone: string;
}) {
  const { t, language } = useT();
  if (preview.length === 0) return null;
  return (
    <section className="timestamps" aria-label={t('series.nextOccurrences')}>
      <h3>{t('series.nextOccurrences')}</h3>
      <ul className="plain" data-testid="series-preview">
        {preview.map((occurrence) => (
          <li key={occurrence.date}>
            {formatUnix(occurrence.startTime, timeZone, language)} →{' '}
            {formatUnix(occurrence.endTime, timeZone, language)}
            {occurrence.dst ? (
              <span className="tag">{t(occurrence.dst === 'gap' ? 'series.dstGap' : 'series.dstOverlap')}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The account's templates; none when they cannot be listed (no keys yet, the account refused): it records without. */
function useAccountTemplates(accountOption: { profile?: string }): RecordTemplate[] {
  const api = useApi();
  return useLoaded(
    useCallback(
      () => api.live.templates(accountOption).then((result) => (result.ok ? result : ok(NO_TEMPLATES))),
      [api, accountOption],
    ),
    { initial: NO_TEMPLATES },
  ).value;
}

function seriesProblemText(problem: SeriesFieldProblem, t: Translate, language: Language): string {
  const key = `problem.${problem.code}`;
  return language === 'en' || !isMessageKey(key) ? problem.message : t(key);
}

function SeriesActions({
  blocked,
  disabled,
  submitting,
  editing,
  onCancel,
}: {
  blocked: boolean;
  disabled: boolean;
  submitting: boolean;
  editing: boolean;
  onCancel: () => void;
}) {
  const { t } = useT();
  return (
    <div className="actions">
      <button type="submit" className="button primary" disabled={disabled}>
        {submitting ? t('series.saving') : editing ? t('series.save') : t('series.add')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('series.back')}
      </button>
      {blocked ? <span className="hint">{t('record.blocked')}</span> : null}
    </div>
  );
}

function toggled(days: readonly IsoWeekday[], day: IsoWeekday): IsoWeekday[] {
  return days.includes(day) ? days.filter((other) => other !== day) : [...days, day];
}
