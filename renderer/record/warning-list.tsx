// Warnings (do not block) and problems (block submit), each with a translated headline and the rule's own words.
import type { Warning } from '../../shared/domain';
import { isMessageKey, useT } from '../i18n/i18n';
import type { FieldProblem } from './form-model';

/** Warnings that need attention before anything else (shown stronger). */
const STRONG: ReadonlySet<string> = new Set(['OverlapLimit', 'StreamForbidden']);
/** Facts worth knowing that need no action (shown quieter). */
const INFO: ReadonlySet<string> = new Set(['RecordExpires', 'StreamLive', 'StreamNotLive']);

export function WarningList({ warnings }: { warnings: readonly Warning[] }) {
  const { t, language } = useT();
  if (warnings.length === 0) return null;
  return (
    <section className="notices warnings" aria-label={t('record.warnings')}>
      <h3>{t('record.warnings')}</h3>
      <ul>
        {warnings.map((warning) => {
          const key = `warning.${warning.code}`;
          return (
            <li
              key={warning.code}
              className={
                STRONG.has(warning.code) ? 'warning strong' : INFO.has(warning.code) ? 'warning info' : 'warning'
              }
              data-code={warning.code}
            >
              <strong>{isMessageKey(key) ? t(key) : warning.code}</strong>
              {language === 'en' || !isMessageKey(key) ? <span className="detail">{warning.message}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The text of a problem in the current language: the translated rule, else the validator's English. */
export function useProblemText(): (problem: FieldProblem) => string {
  const { t, language } = useT();
  return (problem) => {
    const key = `problem.${problem.code}`;
    if (language === 'en' || !isMessageKey(key)) return problem.message;
    return t(key);
  };
}
