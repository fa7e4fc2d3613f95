// An AppError as a user reads it: the catalog's words, the next step, a console link and the RequestId.
import { describeError } from '../shared/errors/catalog';
import type { AppError } from '../shared/result';
import { useT } from './i18n/i18n';

interface Props {
  error: AppError;
}

export function ErrorBox({ error }: Props) {
  const { t, language } = useT();
  const description = describeError(error, language);
  return (
    <div className="error-box" role="alert">
      <p className="error-title">{description.title}</p>
      <p>{t('error.nextStep', { step: description.nextStep })}</p>
      {description.link === undefined ? null : (
        <p>
          <a href={description.link} target="_blank" rel="noreferrer">
            {t('record.openLink')}
          </a>
        </p>
      )}
      {error.requestId === undefined ? null : <p className="mono">{t('record.requestIdLabel', { id: error.requestId })}</p>}
      <p className="error-code mono">{error.code}</p>
    </div>
  );
}
