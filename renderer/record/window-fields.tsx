// The record form's window: when it starts, and when it ends (by duration or until a time), with quick durations.
import type { FormField, FormFields, FieldProblem } from './form-model';
import { nextMidnight, withOffset } from './form-model';
import { useT } from '../i18n/i18n';
import { TextField } from './record-fields';

const QUICK_DURATIONS = [
  ['30m', 'record.quick30m'],
  ['1h', 'record.quick1h'],
  ['2h', 'record.quick2h'],
] as const;

interface Props {
  fields: FormFields;
  problemsFor: (field: FormField) => FieldProblem[];
  problemText: (problem: FieldProblem) => string;
  set: <K extends keyof FormFields>(key: K, value: FormFields[K]) => void;
  update: (change: (current: FormFields) => FormFields) => void;
  /** Where "until midnight" counts from: the typed start, else now (Unix seconds). */
  startUnix: number;
}

export function WindowFields({ fields, problemsFor, problemText, set, update, startUnix }: Props) {
  const { t } = useT();
  return (
    <>
      <div className="field-row two">
        <TextField
          id="from"
          label={t('record.from')}
          hint={t('record.fromHint')}
          value={fields.from}
          problems={problemsFor('from')}
          problemText={problemText}
          onChange={(value) => set('from', value)}
          onPick={(unix) => set('from', withOffset(unix, fields.timeZone))}
        />
        <div className="field">
          <fieldset className="end-mode">
            <legend>{t('record.endMode')}</legend>
            <label>
              <input
                type="radio"
                name="endMode"
                checked={fields.endMode === 'duration'}
                onChange={() => set('endMode', 'duration')}
              />
              {t('record.byDuration')}
            </label>
            <label>
              <input
                type="radio"
                name="endMode"
                checked={fields.endMode === 'until'}
                onChange={() => set('endMode', 'until')}
              />
              {t('record.byUntil')}
            </label>
          </fieldset>
          {fields.endMode === 'duration' ? (
            <TextField
              id="duration"
              label={t('record.duration')}
              hint={t('record.durationHint')}
              value={fields.duration}
              problems={problemsFor('duration')}
              problemText={problemText}
              onChange={(value) => set('duration', value)}
            />
          ) : (
            <TextField
              id="until"
              label={t('record.until')}
              hint={t('record.untilHint')}
              value={fields.until}
              problems={problemsFor('until')}
              problemText={problemText}
              onChange={(value) => set('until', value)}
              onPick={(unix) => set('until', withOffset(unix, fields.timeZone))}
            />
          )}
        </div>
      </div>

      <div className="quick" role="group" aria-label={t('record.quick')}>
        <span className="quick-label">{t('record.quick')}</span>
        {QUICK_DURATIONS.map(([duration, key]) => (
          <button
            key={duration}
            type="button"
            className="button small"
            onClick={() => update((current) => ({ ...current, endMode: 'duration', duration }))}
          >
            {t(key)}
          </button>
        ))}
        <button
          type="button"
          className="button small"
          onClick={() =>
            update((current) => ({ ...current, endMode: 'until', until: nextMidnight(startUnix, current.timeZone) }))
          }
        >
          {t('record.quickMidnight')}
        </button>
      </div>
    </>
  );
}
