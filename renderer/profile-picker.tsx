// Which account (profile) a create uses: shown only when several profiles are stored. The default one is preselected;
// with none set as default, main would not know which keys to use, so the choice is required before sending.
import { useMemo, useState } from 'react';
import type { ProfileSummary } from '../shared/ipc/contract';
import { useT } from './i18n/i18n';

export interface ProfileChoice {
  /** The profile to name in the request; undefined: main's default. */
  profile: string | undefined;
  /** Several profiles, none default, none picked: nothing may be sent yet. */
  missing: boolean;
  /** `{ profile }` for a request payload, or nothing for main's default; the same object while the profile is. */
  option: { profile?: string };
}

/** `initial`: a profile to start on (the tray's "Record until…" names the one the stream was recorded with). */
export function useProfileChoice(
  profiles: readonly ProfileSummary[],
  initial?: string,
): ProfileChoice & { pick: (name: string) => void } {
  const [picked, pick] = useState<string | null>(initial ?? null);
  // A picked profile removed meanwhile falls back to the default rather than failing the send.
  const profile = picked !== null && profiles.some((candidate) => candidate.name === picked) ? picked : undefined;
  const missing = profiles.length > 1 && profile === undefined && !profiles.some((candidate) => candidate.isDefault);
  // One object per profile, so effects that send it can depend on it.
  const option = useMemo(() => (profile === undefined ? {} : { profile }), [profile]);
  return { profile, missing, option, pick };
}

interface Props {
  id: string;
  profiles: readonly ProfileSummary[];
  choice: ProfileChoice & { pick: (name: string) => void };
  /** After another account was picked: what belongs to the old one (its templates) is cleared here. */
  onPicked?: () => void;
}

export function ProfilePicker({ id, profiles, choice, onPicked }: Props) {
  const { t } = useT();
  if (profiles.length < 2) return null;
  const defaultName = profiles.find((candidate) => candidate.isDefault)?.name ?? '';
  return (
    <div className="field">
      <label htmlFor={id}>{t('record.profile')}</label>
      <select
        id={id}
        value={choice.profile ?? defaultName}
        onChange={(event) => {
          choice.pick(event.target.value);
          onPicked?.();
        }}
      >
        {defaultName === '' ? (
          <option value="" disabled>
            {t('record.profileChoose')}
          </option>
        ) : null}
        {profiles.map((candidate) => (
          <option key={candidate.name} value={candidate.name}>
            {candidate.isDefault ? t('record.profileDefault', { name: candidate.name }) : candidate.name} ·{' '}
            {candidate.secretIdMasked}
          </option>
        ))}
      </select>
      {choice.missing ? <p className="field-problems">{t('record.profileMissing')}</p> : null}
    </div>
  );
}
