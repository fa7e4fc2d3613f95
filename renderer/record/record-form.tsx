// The record form: fields → exact timestamps, live problems and warnings while typing, and the submit lifecycle.
import { useMemo, useState, type FormEvent } from 'react';
import type { Warning } from '../../shared/domain';
import type { HistoryChoices } from '../../shared/history-choices';
import type { ProfileSummary, RecordPrefill } from '../../shared/ipc/contract';
import type { LiveDomain } from '../../shared/live-types';
import { useEnvironment } from '../api-context';
import { useT } from '../i18n/i18n';
import { ProfilePicker, useProfileChoice, type ProfileChoice } from '../profile-picker';
import { useNowMs } from '../use-now';
import {
  analyzeForm,
  emptyFields,
  streamTaskWindows,
  type FieldProblem,
  type FormField,
  type FormFields,
} from './form-model';
import { ChainPreviewList } from './chain-preview-list';
import { applyPrefill } from './prefill';
import { formChoices } from './recent-values';
import { Datalist, TextField } from './record-fields';
import { RecordOptions } from './record-options';
import { SubmitResult } from './submit-result';
import { Timestamps } from './timestamps';
import { useLiveChoices, useStreamState } from './use-live-choices';
import { useRecordSubmit } from './use-record-submit';
import { useStreamEntries } from './use-stream-entries';
import { useProblemText, WarningList } from './warning-list';
import { WindowFields } from './window-fields';

interface Props {
  /** The history's recent domains, apps and streams (main's `history:choices`): the pickers. */
  choices: HistoryChoices;
  /** Zone for typed times. */
  timeZone: string;
  /** Zone shown beside it. */
  showTimeZone: string;
  /** Fields the tray asked to fill in (the parent remounts the form with a new `key` for a new prefill). */
  prefill?: RecordPrefill | undefined;
  /** Asks the history (and its sync) to run: after an unknown outcome. */
  onSync: () => void;
  /** Changes when the profiles change (keys added, sandbox started): templates and domains are fetched again. */
  credentialsVersion?: string;
  /** Stored profiles: with more than one, the form asks which account records (default: the default profile). */
  profiles?: readonly ProfileSummary[];
}

const NO_PROFILES: readonly ProfileSummary[] = [];

export function RecordForm({
  choices,
  timeZone,
  showTimeZone,
  prefill,
  onSync,
  credentialsVersion = '',
  profiles = NO_PROFILES,
}: Props) {
  const { clock } = useEnvironment();
  const { t, language } = useT();
  const [fields, setFields] = useState<FormFields>(() =>
    applyPrefill(emptyFields(timeZone, showTimeZone), prefill, timeZone),
  );
  const { state, submit, backToForm } = useRecordSubmit();
  const nowSeconds = Math.floor(useNowMs(clock, 1000) / 1000);
  // The account the task is created with (profile-picker.tsx).
  const account = useProfileChoice(profiles, prefill?.profile);
  useAccountTemplate(account, profiles, prefill, fields, setFields);
  const { templates, domains } = useLiveChoices(account.option, credentialsVersion, language);

  const { domainName, appName, streamName } = fields;
  // The overlaps: this stream's entries, asked of main (the window does not hold the whole history).
  const streamEntries = useStreamEntries({ domainName, appName, streamName });
  const existingTasks = useMemo(
    () => streamTaskWindows(streamEntries, { domainName, appName, streamName }),
    [streamEntries, domainName, appName, streamName],
  );
  const analysis = useMemo(() => analyzeForm(fields, nowSeconds, existingTasks), [fields, nowSeconds, existingTasks]);
  const problemText = useProblemText();

  // Stream state: asked once the stream key is complete and has settled for a moment; older answers are dropped.
  const streamKey = analysis.problems.some((problem) => ['domainName', 'appName', 'streamName'].includes(problem.field))
    ? null
    : `${fields.domainName.trim()}\n${fields.appName.trim()}\n${fields.streamName.trim()}`;
  const streamState = useStreamState(streamKey, account.option, account.profile);
  const warnings: Warning[] = [...analysis.warnings];
  if (streamState === 'active') warnings.push({ code: 'StreamLive', message: t('record.streamLive') });
  if (streamState === 'inactive') warnings.push({ code: 'StreamNotLive', message: t('record.streamNotLive') });
  if (streamState === 'forbid') warnings.push({ code: 'StreamForbidden', message: t('record.streamForbidden') });

  const set = <K extends keyof FormFields>(key: K, value: FormFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const problemsFor = (field: FormField) => analysis.problems.filter((problem) => problem.field === field);
  const blocked = analysis.problems.length > 0 || analysis.request === null || account.missing;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (blocked || analysis.request === null || state.kind === 'submitting') return;
    void submit(analysis.request, account.option);
  };

  if (state.kind !== 'editing' && state.kind !== 'submitting') {
    return (
      <SubmitResult
        state={state}
        timeZone={fields.timeZone}
        onBack={backToForm}
        onAnother={() => {
          backToForm();
          setFields((current) => ({ ...current, from: '', until: '', duration: '' }));
        }}
        onSync={onSync}
      />
    );
  }

  const sectionProps = { fields, problemsFor, problemText, set };
  return (
    <form className="record-form" onSubmit={onSubmit} noValidate aria-labelledby="record-title">
      <h2 id="record-title">{t('record.title')}</h2>
      {profiles.length > 1 ? (
        <div className="field-row two">
          {/* Templates belong to an account: the other account's list is loaded, so the choice starts over. */}
          <ProfilePicker id="profile" profiles={profiles} choice={account} onPicked={() => set('templateId', '')} />
        </div>
      ) : null}
      <StreamFields {...sectionProps} choices={choices} domains={domains} />
      <WindowFields {...sectionProps} update={setFields} startUnix={analysis.startUnix ?? nowSeconds} />
      <RecordOptions {...sectionProps} templates={templates} />

      <Timestamps
        startUnix={analysis.startUnix}
        endUnix={analysis.endUnix}
        zones={[fields.timeZone, fields.showTimeZone]}
        language={language}
      />
      {analysis.chain === null ? null : <ChainPreviewList chain={analysis.chain} timeZone={fields.timeZone} />}

      {problemsFor('request').length > 0 ? (
        <ul className="problems" aria-label={t('record.problems')}>
          {problemsFor('request').map((problem) => (
            <li key={problem.code}>{problemText(problem)}</li>
          ))}
        </ul>
      ) : null}
      <WarningList warnings={warnings} />

      <div className="actions">
        <button
          type="submit"
          className="button primary"
          disabled={blocked || state.kind === 'submitting'}
          aria-describedby={blocked ? 'blocked-hint' : undefined}
        >
          {state.kind === 'submitting' ? t('record.submitting') : t('record.submit')}
        </button>
        {blocked ? (
          <span id="blocked-hint" className="hint">
            {t('record.blocked')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

/**
 * The account's own template (`taper templates default`, Settings): preselected when the form opens and when another
 * account is picked, unless a prefill chose one. Choosing "none" by hand afterwards stays none.
 */
function useAccountTemplate(
  account: ProfileChoice,
  profiles: readonly ProfileSummary[],
  prefill: RecordPrefill | undefined,
  fields: FormFields,
  setFields: (fields: FormFields) => void,
) {
  const { profile } = account;
  const chosenSummary =
    profile === undefined
      ? (profiles.find((candidate) => candidate.isDefault) ?? (profiles.length === 1 ? profiles[0] : undefined))
      : profiles.find((candidate) => candidate.name === profile);
  const accountTemplate = chosenSummary?.defaultTemplateId;
  // Adjusted while rendering (React's pattern for state that follows a prop), once per account and template.
  const [templateAppliedFor, setTemplateAppliedFor] = useState<string | null>(null);
  const accountKey = `${profile ?? ''} ${accountTemplate ?? ''}`;
  if (accountTemplate !== undefined && prefill?.templateId === undefined && templateAppliedFor !== accountKey) {
    setTemplateAppliedFor(accountKey);
    if (fields.templateId === '') setFields({ ...fields, templateId: String(accountTemplate) });
  }
}

interface StreamFieldsProps {
  fields: FormFields;
  problemsFor: (field: FormField) => FieldProblem[];
  problemText: (problem: FieldProblem) => string;
  set: <K extends keyof FormFields>(key: K, value: FormFields[K]) => void;
  choices: HistoryChoices;
  /** The account's push domains, offered first. */
  domains: readonly LiveDomain[];
}

/** The stream key (domain, app, stream) with the recent values of each offered. */
function StreamFields({ fields, problemsFor, problemText, set, choices, domains }: StreamFieldsProps) {
  const { t } = useT();
  // Once per answer, not per render: the form renders every second (its clock).
  const {
    domains: recentDomains,
    apps: recentApps,
    streams: recentStreams,
  } = useMemo(
    () =>
      formChoices(
        domains.map((domain) => domain.name),
        choices,
      ),
    [domains, choices],
  );
  return (
    <>
      <div className="field-row three">
        <TextField
          id="domainName"
          label={t('record.domain')}
          hint={t('record.domainHint')}
          value={fields.domainName}
          list="recent-domains"
          problems={problemsFor('domainName')}
          problemText={problemText}
          onChange={(value) => set('domainName', value)}
        />
        <TextField
          id="appName"
          label={t('record.app')}
          value={fields.appName}
          list="recent-apps"
          problems={problemsFor('appName')}
          problemText={problemText}
          onChange={(value) => set('appName', value)}
        />
        <TextField
          id="streamName"
          label={t('record.stream')}
          value={fields.streamName}
          list="recent-streams"
          problems={problemsFor('streamName')}
          problemText={problemText}
          onChange={(value) => set('streamName', value)}
        />
      </div>
      <Datalist id="recent-domains" values={recentDomains} />
      <Datalist id="recent-apps" values={recentApps} />
      <Datalist id="recent-streams" values={recentStreams} />
    </>
  );
}
