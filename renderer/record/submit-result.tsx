// What happened to a submit: created (ids + push countdown), failed (catalog text + next step) or unknown.
import { assertNever } from '../../shared/result';
import { formatUnix } from '../../shared/time/format-unix';
import { CopyButton } from '../copy-button';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';
import { ChainResult } from './chain-result';
import { PushCountdown } from './countdown';
import { CreatedFooter } from './created-footer';
import type { SubmitState } from './submit-state';

interface Props {
  state: Extract<SubmitState, { kind: 'created' | 'chain-created' | 'failed' | 'unknown' }>;
  timeZone: string;
  onBack: () => void;
  onAnother: () => void;
  onSync: () => void;
}

export function SubmitResult({ state, timeZone, onBack, onAnother, onSync }: Props) {
  const { t, language } = useT();
  switch (state.kind) {
    case 'created': {
      const { entry, warnings } = state.outcome;
      const startsLater = entry.startTime !== null && entry.startTime > entry.createdAt + 3;
      return (
        <section className="result created" aria-labelledby="result-title">
          <h2 id="result-title">{t('record.created')}</h2>
          <p className="stream-line mono">
            {entry.domain}/{entry.app}/{entry.stream}
          </p>
          <dl className="ids">
            <dt>{t('record.taskId')}</dt>
            <dd>
              <span className="mono" data-testid="task-id">
                {entry.taskId}
              </span>{' '}
              {entry.taskId === null ? null : <CopyButton value={entry.taskId} label={t('record.taskId')} />}
            </dd>
            <dt>{t('record.requestId')}</dt>
            <dd>
              <span className="mono" data-testid="request-id">
                {entry.requestId}
              </span>{' '}
              {entry.requestId === null ? null : <CopyButton value={entry.requestId} label={t('record.requestId')} />}
            </dd>
          </dl>
          {startsLater && entry.startTime !== null ? (
            <p className="countdown scheduled" role="status">
              {t('record.scheduledFor', { time: formatUnix(entry.startTime, timeZone, language) })}
            </p>
          ) : (
            <PushCountdown createdAtMs={state.createdAtMs} />
          )}
          <CreatedFooter warnings={warnings} onAnother={onAnother} />
        </section>
      );
    }
    case 'chain-created':
      return (
        <ChainResult
          outcome={state.outcome}
          createdAtMs={state.createdAtMs}
          timeZone={timeZone}
          onAnother={onAnother}
        />
      );
    case 'failed':
      return (
        <section className="result failed" aria-labelledby="result-title">
          <h2 id="result-title">{t('record.failed')}</h2>
          <ErrorBox error={state.error} />
          {state.error.problems !== undefined ? (
            <ul className="problems">
              {state.error.problems.map((problem) => (
                <li key={problem.code}>{problem.message}</li>
              ))}
            </ul>
          ) : null}
          <div className="actions">
            <button type="button" className="button primary" onClick={onBack}>
              {t('record.edit')}
            </button>
          </div>
        </section>
      );
    case 'unknown':
      return (
        <section className="result unknown" aria-labelledby="result-title">
          <h2 id="result-title">{t('record.unknown')}</h2>
          <p role="alert">{t('record.unknownBody')}</p>
          {state.error.requestId === undefined ? null : (
            <p className="mono">{t('record.requestIdLabel', { id: state.error.requestId })}</p>
          )}
          <div className="actions">
            <button type="button" className="button primary" onClick={onSync}>
              {t('record.syncNow')}
            </button>
            <button type="button" className="button" onClick={onBack}>
              {t('record.edit')}
            </button>
          </div>
        </section>
      );
    default:
      return assertNever(state);
  }
}
