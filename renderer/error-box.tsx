// An AppError as a user reads it: the catalog's words, the next step, a console link and the RequestId.
import { useContext } from 'react';
import { describeError } from '../shared/errors/catalog';
import type { AppError } from '../shared/result';
import { useT } from './i18n/i18n';
import { LogFileContext } from './log-file-context';

/** Errors whose next step is "send the log": the box names the file. */
const SENDS_TO_LOG: ReadonlySet<string> = new Set(['Taper.Ipc.Internal']);

interface Props {
  error: AppError;
}

export function ErrorBox({ error }: Props) {
  const { t, language } = useT();
  const description = describeError(error, language);
  const logFile = useContext(LogFileContext);
  return (
    <div className="error-box" role="alert">
      <p className="error-title">{description.title}</p>
      <p>{t('error.nextStep', { step: description.nextStep })}</p>
      {logFile !== null && SENDS_TO_LOG.has(error.code) ? (
        <p className="mono">{t('error.logFile', { path: logFile })}</p>
      ) : null}
      {description.link === undefined ? null : (
        <p>
          <a href={description.link} target="_blank" rel="noreferrer">
            {t('record.openLink')}
          </a>
        </p>
      )}
      {error.requestId === undefined ? null : (
        <p className="mono">{t('record.requestIdLabel', { id: error.requestId })}</p>
      )}
      <p className="error-code mono">{error.code}</p>
    </div>
  );
}
