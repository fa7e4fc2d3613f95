// The record form's inputs: a labelled text field with its hint and live problems (DST-ambiguous times offer their
// choices), and the datalists of recent values.
import { formatUnix } from '../../shared/time/format-unix';
import { useEnvironment } from '../api-context';
import { useT } from '../i18n/i18n';
import type { FieldProblem } from './form-model';

export interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  list?: string;
  problems: readonly FieldProblem[];
  problemText: (problem: FieldProblem) => string;
  onChange: (value: string) => void;
  /** Offered choices for a DST-ambiguous time. */
  onPick?: (unix: number) => void;
}

export function TextField({ id, label, hint, value, list, problems, problemText, onChange, onPick }: TextFieldProps) {
  const { language } = useT();
  const { systemTimeZone } = useEnvironment();
  const describedBy = [hint === undefined ? '' : `${id}-hint`, problems.length > 0 ? `${id}-problems` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        value={value}
        list={list}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problems.length > 0}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {problems.length > 0 ? (
        <ul id={`${id}-problems`} className="field-problems">
          {problems.map((problem) => (
            <li key={problem.code} data-code={problem.code}>
              {problemText(problem)}
              {problem.candidates !== undefined && onPick !== undefined ? (
                <span className="candidates">
                  {problem.candidates.map((unix) => (
                    <button key={unix} type="button" className="button small" onClick={() => onPick(unix)}>
                      {formatUnix(unix, systemTimeZone, language)}
                    </button>
                  ))}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Datalist({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}

/** Zones offered for the form's two zone fields. */
export const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];
