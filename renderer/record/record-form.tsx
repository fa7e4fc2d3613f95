// The record form: fields → exact timestamps, live problems and warnings while typing, and the submit lifecycle.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Warning } from '../../shared/domain';
import type { HistoryEntry } from '../../shared/history';
import type { ProfileSummary, RecordPrefill } from '../../shared/ipc/contract';
import type { LiveDomain, RecordTemplate, StreamState } from '../../shared/live-types';
import { describeError } from '../../shared/errors/catalog';
import { LocalErrorCode } from '../../shared/errors/local-codes';
import { formatUnix } from '../../shared/time/format-unix';
import { useEnvironment } from '../api-context';
import { useT } from '../i18n/i18n';
import { ProfilePicker, useProfileChoice } from '../profile-picker';
import { useNowMs } from '../use-now';
import {
  analyzeForm,
  emptyFields,
  historyTaskWindows,
  nextMidnight,
  withOffset,
  type FieldProblem,
  type FormField,
  type FormFields,
} from './form-model';
import { ChainPreviewList } from './chain-preview-list';
import { SubmitResult } from './submit-result';
import type { SubmitState } from './submit-state';
import { useProblemText, WarningList } from './warning-list';

interface Props {
  /** All history entries: overlaps and the recent-stream pickers. */
  history: readonly HistoryEntry[];
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

const QUICK_DURATIONS = [
  ['30m', 'record.quick30m'],
  ['1h', 'record.quick1h'],
  ['2h', 'record.quick2h'],
] as const;

const NO_PROFILES: readonly ProfileSummary[] = [];

export function RecordForm({
  history,
  timeZone,
  showTimeZone,
  prefill,
  onSync,
  credentialsVersion = '',
  profiles = NO_PROFILES,
}: Props) {
  const { api, clock } = useEnvironment();
  const { t, language } = useT();
  const [fields, setFields] = useState<FormFields>(() =>
    applyPrefill(emptyFields(timeZone, showTimeZone), prefill, timeZone),
  );
  const [state, setState] = useState<SubmitState>({ kind: 'editing' });
  const attempt = useRef(0);
  const [templates, setTemplates] = useState<RecordTemplate[] | { error: string } | null>(null);
  const [domains, setDomains] = useState<LiveDomain[]>([]);
  const [streamAnswer, setStreamAnswer] = useState<{ key: string; state: StreamState } | null>(null);
  const nowMs = useNowMs(clock, 1000);
  const nowSeconds = Math.floor(nowMs / 1000);
  // The account the task is created with (profile-picker.tsx).
  const account = useProfileChoice(profiles, prefill?.profile);
  const { profile, option: accountOption } = account;
  // The account's own template (`taper templates default`, Settings): preselected when the form opens and when another
  // account is picked, unless a prefill chose one. Choosing "none" by hand afterwards stays none.
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

  useEffect(() => {
    let current = true;
    void api.live.templates(accountOption).then((result) => {
      if (!current) return;
      // Without any keys there is nothing to load yet: the first-run panel already says so.
      if (!result.ok && result.error.code === LocalErrorCode.CredentialsMissing) setTemplates([]);
      else setTemplates(result.ok ? result.value : { error: describeError(result.error, language).title });
    });
    void api.live.domains(accountOption).then((result) => {
      if (current) setDomains(result.ok ? result.value.filter((domain) => domain.type === 0) : []);
    });
    return () => {
      current = false;
    };
  }, [api, credentialsVersion, language, accountOption]);

  const existingTasks = useMemo(() => historyTaskWindows(history), [history]);
  // Once per history, not per render: the form renders every second (its clock), and a history holds 20,000 entries.
  const recentDomains = useMemo(
    () =>
      recentValues(
        domains.map((domain) => domain.name),
        history,
        (entry) => entry.domain,
      ),
    [domains, history],
  );
  const recentApps = useMemo(() => recentValues(['live'], history, (entry) => entry.app), [history]);
  const recentStreams = useMemo(() => recentValues([], history, (entry) => entry.stream), [history]);
  const analysis = useMemo(() => analyzeForm(fields, nowSeconds, existingTasks), [fields, nowSeconds, existingTasks]);
  const problemText = useProblemText();

  // Stream state: asked once the stream key is complete and has settled for a moment; older answers are dropped.
  const streamKey = analysis.problems.some((problem) => ['domainName', 'appName', 'streamName'].includes(problem.field))
    ? null
    : `${fields.domainName.trim()}\n${fields.appName.trim()}\n${fields.streamName.trim()}`;
  // The state of a stream is the account's: an answer for the same key under another profile is not this one.
  const streamAnswerKey = `${profile ?? ''}\n${streamKey}`;
  useEffect(() => {
    if (streamKey === null) return undefined;
    const [domainName = '', appName = '', streamName = ''] = streamKey.split('\n');
    let current = true;
    const timer = setTimeout(() => {
      void api.live.streamState({ stream: { domainName, appName, streamName }, ...accountOption }).then((result) => {
        if (current && result.ok) setStreamAnswer({ key: streamAnswerKey, state: result.value });
      });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, streamKey, accountOption, streamAnswerKey]);

  // An answer about another stream key or account (changed meanwhile) is not shown.
  const streamState = streamAnswer !== null && streamAnswer.key === streamAnswerKey ? streamAnswer.state : null;
  const warnings: Warning[] = [...analysis.warnings];
  if (streamState === 'active') warnings.push({ code: 'StreamLive', message: t('record.streamLive') });
  if (streamState === 'inactive') warnings.push({ code: 'StreamNotLive', message: t('record.streamNotLive') });
  if (streamState === 'forbid') warnings.push({ code: 'StreamForbidden', message: t('record.streamForbidden') });

  const set = <K extends keyof FormFields>(key: K, value: FormFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const problemsFor = (field: FormField) => analysis.problems.filter((problem) => problem.field === field);
  const blocked = analysis.problems.length > 0 || analysis.request === null || account.missing;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked || analysis.request === null || state.kind === 'submitting') return;
    const mine = ++attempt.current;
    setState({ kind: 'submitting', attempt: mine });
    const result = await api.record.create({ request: analysis.request, ...account.option });
    // A newer submit (or a reset) happened meanwhile: this answer is stale.
    if (attempt.current !== mine) return;
    if (result.ok) {
      const outcome = result.value;
      // A window beyond one task comes back as one recording of several links (it has a recordingId).
      setState(
        'recordingId' in outcome
          ? { kind: 'chain-created', outcome, createdAtMs: clock() }
          : { kind: 'created', outcome, createdAtMs: clock() },
      );
    } else if (result.error.code === LocalErrorCode.UnknownOutcome) setState({ kind: 'unknown', error: result.error });
    else setState({ kind: 'failed', error: result.error });
  };

  const backToForm = () => {
    attempt.current++;
    setState({ kind: 'editing' });
  };

  if (
    state.kind === 'created' ||
    state.kind === 'chain-created' ||
    state.kind === 'failed' ||
    state.kind === 'unknown'
  ) {
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

  return (
    <form className="record-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="record-title">
      <h2 id="record-title">{t('record.title')}</h2>
      {profiles.length > 1 ? (
        <div className="field-row two">
          {/* Templates belong to an account: the other account's list is loaded, so the choice starts over. */}
          <ProfilePicker id="profile" profiles={profiles} choice={account} onPicked={() => set('templateId', '')} />
        </div>
      ) : null}
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
            onClick={() => setFields((current) => ({ ...current, endMode: 'duration', duration }))}
          >
            {t(key)}
          </button>
        ))}
        <button
          type="button"
          className="button small"
          onClick={() =>
            setFields((current) => ({
              ...current,
              endMode: 'until',
              until: nextMidnight(analysis.startUnix ?? nowSeconds, current.timeZone),
            }))
          }
        >
          {t('record.quickMidnight')}
        </button>
      </div>

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

interface TextFieldProps {
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

function TextField({ id, label, hint, value, list, problems, problemText, onChange, onPick }: TextFieldProps) {
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

function Timestamps({
  startUnix,
  endUnix,
  zones,
  language,
}: {
  startUnix: number | undefined;
  endUnix: number | undefined;
  zones: string[];
  language: 'en' | 'zh-CN';
}) {
  const { t } = useT();
  const shownZones = unique(zones.map((zone) => zone.trim()).filter((zone) => zone !== ''));
  return (
    <section className="timestamps" aria-label={t('record.sent')}>
      <h3>{t('record.sent')}</h3>
      <dl>
        <dt>{t('record.start')}</dt>
        <dd data-testid="start-time">
          {startUnix === undefined ? (
            t('record.startNow')
          ) : (
            <>
              <span className="mono">StartTime={startUnix}</span>
              {shownZones.map((zone) => (
                <span key={zone} className="zoned">
                  {formatUnix(startUnix, zone, language)} · {zone}
                </span>
              ))}
            </>
          )}
        </dd>
        <dt>{t('record.end')}</dt>
        <dd data-testid="end-time">
          {endUnix === undefined ? (
            '—'
          ) : (
            <>
              <span className="mono">EndTime={endUnix}</span>
              {shownZones.map((zone) => (
                <span key={zone} className="zoned">
                  {formatUnix(endUnix, zone, language)} · {zone}
                </span>
              ))}
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}

function Datalist({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}

const COMMON_ZONES = [
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

/** A datalist longer than this helps nobody. */
const MAX_CHOICES = 200;

/** The first distinct non-empty values, in order. */
function unique(values: readonly string[]): string[] {
  return recentValues(values, [], () => '');
}

/**
 * `first`, then each entry's `pick`, distinct and non-empty, up to MAX_CHOICES: one pass that stops there, without
 * copying a 20,000-entry history into arrays first (the form's choices are built once per history).
 */
function recentValues(
  first: readonly string[],
  entries: readonly HistoryEntry[],
  pick: (entry: HistoryEntry) => string,
): string[] {
  const seen = new Set<string>();
  const add = (value: string) => {
    if (value !== '') seen.add(value);
    return seen.size < MAX_CHOICES;
  };
  for (const value of first) if (!add(value)) return [...seen];
  for (const entry of entries) if (!add(pick(entry))) break;
  return [...seen];
}

function applyPrefill(fields: FormFields, prefill: RecordPrefill | undefined, timeZone: string): FormFields {
  if (prefill === undefined) return fields;
  return {
    ...fields,
    domainName: prefill.domainName ?? fields.domainName,
    appName: prefill.appName ?? fields.appName,
    streamName: prefill.streamName ?? fields.streamName,
    from: prefill.startTime === undefined ? fields.from : withOffset(prefill.startTime, timeZone),
    ...(prefill.endTime === undefined
      ? {}
      : { endMode: 'until' as const, until: withOffset(prefill.endTime, timeZone) }),
    templateId: prefill.templateId === undefined ? fields.templateId : String(prefill.templateId),
    mixed: prefill.streamType === undefined ? fields.mixed : prefill.streamType === 1,
  };
}
