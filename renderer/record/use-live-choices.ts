// What the record form asks the account for while it is open: its recording templates and push domains (again when
// the profiles change), and whether the typed stream is live (once the key has settled; older answers dropped).
import { useCallback, useMemo } from 'react';
import type { LiveDomain, RecordTemplate, StreamState } from '../../shared/live-types';
import { describeError, type Language } from '../../shared/errors/catalog';
import { LocalErrorCode } from '../../shared/errors/local-codes';
import { ok } from '../../shared/result';
import { useApi } from '../api-context';
import { useLoaded } from '../use-loaded';

/** The account the form records with (profile-picker.tsx): none, the default profile. */
type AccountOption = { profile?: string };

/** The account's templates; `{ error }`: why they could not be listed; null until the first answer. */
export type TemplateChoices = RecordTemplate[] | { error: string } | null;

const NO_DOMAINS: LiveDomain[] = [];
/** How long the stream key must stay unchanged before its state is asked. */
const STREAM_STATE_DELAY_MS = 400;

export function useLiveChoices(
  accountOption: AccountOption,
  credentialsVersion: string,
  language: Language,
): { templates: TemplateChoices; domains: LiveDomain[] } {
  const api = useApi();
  const templates = useLoaded(
    useCallback(
      () =>
        api.live.templates(accountOption).then((result) =>
          // Without any keys there is nothing to load yet: the first-run panel already says so.
          !result.ok && result.error.code === LocalErrorCode.CredentialsMissing
            ? ok<TemplateChoices>([])
            : ok<TemplateChoices>(result.ok ? result.value : { error: describeError(result.error, language).title }),
        ),
      [api, accountOption, language],
    ),
    { initial: null, version: credentialsVersion },
  );
  const domains = useLoaded(
    useCallback(
      () =>
        api.live
          .domains(accountOption)
          .then((result) => ok(result.ok ? result.value.filter((domain) => domain.type === 0) : NO_DOMAINS)),
      [api, accountOption],
    ),
    { initial: NO_DOMAINS, version: credentialsVersion },
  );
  return { templates: templates.value, domains: domains.value };
}

/**
 * The state of the stream `streamKey` ("domain\napp\nstream", null while incomplete) under the chosen account; null
 * until known. An answer about another stream key or account (changed meanwhile) is not shown.
 */
export function useStreamState(
  streamKey: string | null,
  accountOption: AccountOption,
  profile: string | undefined,
): StreamState | null {
  const api = useApi();
  // The state of a stream is the account's: an answer for the same key under another profile is not this one.
  const answerKey = `${profile ?? ''}\n${streamKey}`;
  const { value: answer } = useLoaded(
    useMemo(() => {
      if (streamKey === null) return null;
      const [domainName = '', appName = '', streamName = ''] = streamKey.split('\n');
      return () =>
        api.live
          .streamState({ stream: { domainName, appName, streamName }, ...accountOption })
          .then((result) => (result.ok ? ok({ key: answerKey, state: result.value }) : result));
    }, [api, streamKey, accountOption, answerKey]),
    { delayMs: STREAM_STATE_DELAY_MS },
  );
  return answer !== undefined && answer.key === answerKey ? answer.state : null;
}
