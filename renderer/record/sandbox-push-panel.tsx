// "Simulate a push" in the sandbox: the simulator records a push of a stream from now on, so the sandbox's tasks get
// files and their windows settle as recorded (or, without one, as nothing). Shown only while the app runs the
// sandbox; main refuses the channel otherwise. Prefilled with the newest task's stream, the one just created.
import { useState, type FormEvent } from 'react';
import type { HistoryChoices } from '../../shared/history-choices';
import type { SandboxPushInfo } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import { parseDuration } from '../../shared/time/duration';
import { useApi } from '../api-context';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';

interface Props {
  /** Main's `history:choices`: the first of each list is the newest task's. */
  choices: HistoryChoices;
  timeZone: string;
}

type PushState =
  | { kind: 'editing' }
  | { kind: 'sending' }
  | { kind: 'pushed'; push: SandboxPushInfo }
  | { kind: 'failed'; error: AppError };

/** `20:40` in the display zone. */
function wallClock(seconds: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    seconds * 1000,
  );
}

export function SandboxPushPanel({ choices, timeZone }: Props) {
  const api = useApi();
  const { t, language } = useT();
  const [fields, setFields] = useState(() => ({
    domain: choices.domains[0] ?? '',
    app: choices.apps[0] ?? 'live',
    stream: choices.streams[0] ?? '',
    forText: '10m',
  }));
  const [state, setState] = useState<PushState>({ kind: 'editing' });
  const duration = parseDuration(fields.forText);
  const complete = fields.domain.trim() !== '' && fields.app.trim() !== '' && fields.stream.trim() !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!duration.ok || !complete) return;
    setState({ kind: 'sending' });
    const pushed = await api.sandbox.push({
      domain: fields.domain.trim(),
      app: fields.app.trim(),
      stream: fields.stream.trim(),
      forSeconds: duration.seconds,
    });
    setState(pushed.ok ? { kind: 'pushed', push: pushed.value } : { kind: 'failed', error: pushed.error });
  };
  const field = (name: keyof typeof fields, id: string, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={fields[name]}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => setFields({ ...fields, [name]: event.target.value })}
      />
      {hint === undefined ? null : (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <section className="sandbox-push" aria-labelledby="sandbox-push-title" data-testid="sandbox-push">
      <h3 id="sandbox-push-title">{t('push.title')}</h3>
      <p className="hint">{t('push.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field-row four">
          {field('domain', 'push-domain', t('push.domain'))}
          {field('app', 'push-app', t('push.app'))}
          {field('stream', 'push-stream', t('push.stream'))}
          {field('forText', 'push-for', t('push.for'), duration.ok ? t('push.forHint') : t('problem.Duration.Invalid'))}
        </div>
        <button type="submit" className="button" disabled={!duration.ok || !complete || state.kind === 'sending'}>
          {state.kind === 'sending' ? t('push.sending') : t('push.submit')}
        </button>
      </form>
      {state.kind === 'pushed' ? (
        <p role="status" className="push-result" data-testid="push-result">
          {t('push.pushing', {
            stream: `${state.push.app}/${state.push.stream}`,
            until: wallClock(state.push.endTime, timeZone, language),
          })}
        </p>
      ) : null}
      {state.kind === 'failed' ? <ErrorBox error={state.error} /> : null}
    </section>
  );
}
