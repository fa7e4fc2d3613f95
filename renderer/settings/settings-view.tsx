// Profiles (add, test, remove, default), launch at login, language and theme.
import { useState } from 'react';
import type { ProfileCheck, ProfileSummary, Settings } from '../../shared/ipc/contract';
import type { AppError, Result } from '../../shared/result';
import { useApi } from '../api-context';
import { useT, type Translate } from '../i18n/i18n';
import { errorNotice, infoNotice, NoticeView, type Notice } from '../notice';
import { PreferencesSection } from './preferences-section';
import { ProfileForm } from './profile-form';
import { TemplatesSection } from './templates-section';

interface Props {
  profiles: readonly ProfileSummary[];
  settings: Settings;
  version: string;
  platform: string;
  onProfilesChanged: () => void;
  onSettingsChanged: (patch: Partial<Settings>) => void;
  onStartSandbox: () => void;
}

/** The last test or change of a profile, shown under it. */
type ProfileNotice = { name: string; answer: Result<ProfileCheck> };

export function SettingsView({
  profiles,
  settings,
  version,
  platform,
  onProfilesChanged,
  onSettingsChanged,
  onStartSandbox,
}: Props) {
  const api = useApi();
  const { t } = useT();
  const [notice, setNotice] = useState<ProfileNotice | null>(null);

  const test = async (name: string) => {
    const result = await api.profiles.test({ name });
    setNotice({ name, answer: result });
  };
  const act = async (run: () => Promise<{ ok: true } | { ok: false; error: AppError }>, name: string) => {
    const result = await run();
    setNotice(result.ok ? null : { name, answer: result });
    onProfilesChanged();
  };

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <section aria-labelledby="profiles-title">
        <h3 id="profiles-title">{t('settings.profiles')}</h3>
        {profiles.length === 0 ? <p className="hint">{t('settings.noProfiles')}</p> : null}
        <ul className="profiles">
          {profiles.map((profile) => (
            <li key={profile.name} className="profile">
              <span className="profile-name">
                <strong>{profile.name}</strong>
                {profile.isDefault ? <span className="tag">{t('settings.default')}</span> : null}
              </span>
              <span className="mono">{profile.secretIdMasked}</span>
              <span className="hint">{profile.endpoint ?? profile.region}</span>
              <span className="profile-actions">
                <button type="button" className="button small" onClick={() => void test(profile.name)}>
                  {t('settings.test')}
                </button>
                {profile.isDefault ? null : (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => void act(() => api.profiles.setDefault({ name: profile.name }), profile.name)}
                  >
                    {t('settings.setDefault')}
                  </button>
                )}
                <button
                  type="button"
                  className="button small danger"
                  onClick={() => void act(() => api.profiles.remove({ name: profile.name }), profile.name)}
                >
                  {t('settings.remove')}
                </button>
              </span>
              {notice !== null && notice.name === profile.name ? (
                <NoticeView
                  notice={checkNotice(notice.answer, t)}
                  className={notice.answer.ok ? checkClass(notice.answer.value) : undefined}
                />
              ) : null}
            </li>
          ))}
        </ul>
        <ProfileForm onAdded={onProfilesChanged} />
      </section>

      <TemplatesSection profiles={profiles} onProfilesChanged={onProfilesChanged} />

      <PreferencesSection
        settings={settings}
        version={version}
        platform={platform}
        onSettingsChanged={onSettingsChanged}
        onStartSandbox={onStartSandbox}
      />
    </section>
  );
}

/** In the current language, so a switch to Chinese right after a test shows it in Chinese. */
function checkNotice(answer: Result<ProfileCheck>, t: Translate): Notice {
  if (!answer.ok) return errorNotice(answer.error);
  return infoNotice(answer.value.status === 'ok' ? t('settings.testOk') : answer.value.message, answer.value.status);
}

function checkClass(check: ProfileCheck): string {
  return check.status === 'ok' ? 'check ok' : 'check bad';
}
