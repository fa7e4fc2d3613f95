// Adds a recording template (CreateLiveRecordTemplate): the inputs and rules of `taper templates add` (a name, a
// format, how long VOD keeps the files, optionally the length of each file). Checked as typed, with the shared rules.
import { useState, type FormEvent } from 'react';
import type { AppError } from '../../shared/result';
import { TEMPLATE_FORMATS, validateTemplate, type TemplateFormat } from '../../shared/rules/record-template';
import { useApi } from '../api-context';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';

interface Props {
  /** The account it is created in; undefined: the default profile. */
  profile: string | undefined;
  onAdded: (templateId: number) => void;
}

type AddState =
  | { kind: 'editing' }
  | { kind: 'submitting' }
  | { kind: 'added'; templateId: number; name: string }
  | { kind: 'failed'; error: AppError };

const wholeOrNaN = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

export function TemplateForm({ profile, onAdded }: Props) {
  const api = useApi();
  const { t } = useT();
  const [name, setName] = useState('');
  const [format, setFormat] = useState<TemplateFormat>('mp4');
  const [keepDays, setKeepDays] = useState('30');
  const [segmentMinutes, setSegmentMinutes] = useState('');
  const [state, setState] = useState<AddState>({ kind: 'editing' });
  const template = {
    name: name.trim(),
    format,
    keepDays: wholeOrNaN(keepDays),
    ...(segmentMinutes.trim() === '' ? {} : { segmentMinutes: wholeOrNaN(segmentMinutes) }),
  };
  const problems = validateTemplate(template);
  const problemOf = (field: 'name' | 'keepDays' | 'segmentMinutes') =>
    problems.find((problem) => problem.field === field);
  // A name not typed yet is not a mistake to point at.
  const shown = (field: 'name' | 'keepDays' | 'segmentMinutes') =>
    field === 'name' && name === '' ? undefined : problemOf(field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) return;
    setState({ kind: 'submitting' });
    const added = await api.templates.add({ template, ...(profile === undefined ? {} : { profile }) });
    if (!added.ok) return setState({ kind: 'failed', error: added.error });
    setState({ kind: 'added', templateId: added.value.templateId, name: template.name });
    setName('');
    onAdded(added.value.templateId);
  };
  const problemText = (field: 'name' | 'keepDays' | 'segmentMinutes') => {
    const problem = shown(field);
    return problem === undefined ? null : (
      <span id={`template-${field}-problem`} className="field-problem">
        {t(`templates.problem.${problem.code}`)}
      </span>
    );
  };

  return (
    <form
      className="template-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="add-template-title"
      noValidate
    >
      <h4 id="add-template-title">{t('templates.add')}</h4>
      <div className="field-row four">
        <div className="field">
          <label htmlFor="template-name">{t('templates.name')}</label>
          <input
            id="template-name"
            value={name}
            maxLength={64}
            aria-invalid={shown('name') !== undefined}
            aria-describedby={shown('name') === undefined ? 'template-name-hint' : 'template-name-problem'}
            onChange={(event) => setName(event.target.value)}
          />
          {problemText('name') ?? (
            <span id="template-name-hint" className="hint">
              {t('templates.nameHint')}
            </span>
          )}
        </div>
        <FormatField format={format} onChange={setFormat} />
        <div className="field">
          <label htmlFor="template-keep-days">{t('templates.keepDays')}</label>
          <input
            id="template-keep-days"
            inputMode="numeric"
            value={keepDays}
            aria-invalid={shown('keepDays') !== undefined}
            aria-describedby={shown('keepDays') === undefined ? 'template-keep-days-hint' : 'template-keepDays-problem'}
            onChange={(event) => setKeepDays(event.target.value)}
          />
          {problemText('keepDays') ?? (
            <span id="template-keep-days-hint" className="hint">
              {t('templates.keepDaysHint')}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="template-segment">{t('templates.segment')}</label>
          <input
            id="template-segment"
            inputMode="numeric"
            value={segmentMinutes}
            aria-invalid={shown('segmentMinutes') !== undefined}
            aria-describedby={
              shown('segmentMinutes') === undefined ? 'template-segment-hint' : 'template-segmentMinutes-problem'
            }
            onChange={(event) => setSegmentMinutes(event.target.value)}
          />
          {problemText('segmentMinutes') ?? (
            <span id="template-segment-hint" className="hint">
              {t('templates.segmentHint')}
            </span>
          )}
        </div>
      </div>
      {state.kind === 'failed' ? <ErrorBox error={state.error} /> : null}
      {state.kind === 'added' ? (
        <p role="status">{t('templates.added', { id: state.templateId, name: state.name })}</p>
      ) : null}
      <button type="submit" className="button" disabled={problems.length > 0 || state.kind === 'submitting'}>
        {t('templates.addSubmit')}
      </button>
    </form>
  );
}

function FormatField({ format, onChange }: { format: TemplateFormat; onChange: (format: TemplateFormat) => void }) {
  const { t } = useT();
  return (
    <div className="field">
      <label htmlFor="template-format">{t('templates.format')}</label>
      <select id="template-format" value={format} onChange={(event) => onChange(event.target.value as TemplateFormat)}>
        {TEMPLATE_FORMATS.map((value) => (
          <option key={value} value={value}>
            {value.toUpperCase()}
          </option>
        ))}
      </select>
    </div>
  );
}
