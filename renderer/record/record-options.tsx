// The record form's zones (typed times and the one shown beside them), template and mixed-stream choice.
import type { FormField, FormFields, FieldProblem } from './form-model';
import { useT } from '../i18n/i18n';
import { COMMON_ZONES, Datalist, TextField } from './record-fields';
import type { TemplateChoices } from './use-live-choices';

interface Props {
  fields: FormFields;
  templates: TemplateChoices;
  problemsFor: (field: FormField) => FieldProblem[];
  problemText: (problem: FieldProblem) => string;
  set: <K extends keyof FormFields>(key: K, value: FormFields[K]) => void;
}

export function RecordOptions({ fields, templates, problemsFor, problemText, set }: Props) {
  const { t } = useT();
  return (
    <>
      <div className="field-row two">
        <TextField
          id="timeZone"
          label={t('record.timeZone')}
          value={fields.timeZone}
          list="time-zones"
          problems={problemsFor('timeZone')}
          problemText={problemText}
          onChange={(value) => set('timeZone', value)}
        />
        <TextField
          id="showTimeZone"
          label={t('record.showZone')}
          value={fields.showTimeZone}
          list="time-zones"
          problems={[]}
          problemText={problemText}
          onChange={(value) => set('showTimeZone', value)}
        />
      </div>
      <Datalist id="time-zones" values={COMMON_ZONES} />

      <div className="field-row two">
        <div className="field">
          <label htmlFor="templateId">{t('record.template')}</label>
          <select id="templateId" value={fields.templateId} onChange={(event) => set('templateId', event.target.value)}>
            <option value="">{t('record.noTemplate')}</option>
            {Array.isArray(templates)
              ? templates.map((template) => (
                  <option key={template.templateId} value={String(template.templateId)}>
                    {template.name} ({template.templateId})
                  </option>
                ))
              : null}
          </select>
          {templates !== null && !Array.isArray(templates) ? (
            <p className="hint">{t('record.templatesUnavailable', { reason: templates.error })}</p>
          ) : null}
        </div>
        <div className="field checkbox">
          <label>
            <input type="checkbox" checked={fields.mixed} onChange={(event) => set('mixed', event.target.checked)} />
            {t('record.mixed')}
          </label>
        </div>
      </div>
    </>
  );
}
