// Profiles (add, test, remove, default), launch at login, language and theme.
import { useState } from 'react';
import type { ProfileSummary, Settings } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import { useApi } from '../api-context';
import { useT } from '../i18n/i18n';
import { errorNotice, infoNotice, NoticeView, type Notice } from '../notice';
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
type ProfileNotice = { name: string; notice: Notice };

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
    const shown = result.ok
      ? infoNotice(result.value.status === 'ok' ? t('settings.testOk') : result.value.message, result.value.status)
      : errorNotice(result.error);
    setNotice({ name, notice: shown });
  };
  const act = async (run: () => Promise<{ ok: true } | { ok: false; error: AppError }>, name: string) => {
    const result = await run();
    setNotice(result.ok ? null : { name, notice: errorNotice(result.error) });
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
                <NoticeView notice={notice.notice} className={checkClass(notice.notice)} />
              ) : null}
            </li>
          ))}
        </ul>
        <ProfileForm onAdded={onProfilesChanged} />
      </section>

      <TemplatesSection profiles={profiles} onProfilesChanged={onProfilesChanged} />

      <section aria-labelledby="preferences-title" className="preferences">
        <h3 id="preferences-title" className="visually-hidden">
          {t('settings.title')}
        </h3>
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={settings.launchAtLogin}
              onChange={(event) => onSettingsChanged({ launchAtLogin: event.target.checked })}
            />
            {t('settings.launchAtLogin')}
          </label>
        </div>
        <div className="field-row two">
          <div className="field">
            <label htmlFor="settings-language">{t('settings.language')}</label>
            <select
              id="settings-language"
              value={settings.language}
              onChange={(event) => onSettingsChanged({ language: event.target.value === 'zh-CN' ? 'zh-CN' : 'en' })}
            >
              <option value="en">English</option>
              <option value="zh-CN">简体中文</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="settings-theme">{t('settings.theme')}</label>
            <select
              id="settings-theme"
              value={settings.theme}
              onChange={(event) => onSettingsChanged({ theme: toTheme(event.target.value) })}
            >
              <option value="system">{t('settings.themeSystem')}</option>
              <option value="light">{t('settings.themeLight')}</option>
              <option value="dark">{t('settings.themeDark')}</option>
            </select>
          </div>
        </div>
        <div className="field">
          <span className="label">{t('settings.sandbox')}</span>
          <button type="button" className="button" onClick={onStartSandbox}>
            {t('settings.sandboxStart')}
          </button>
        </div>
        <p className="hint">{t('settings.version', { version, platform })}</p>
      </section>
    </section>
  );
}

function checkClass(notice: Notice): string | undefined {
  return notice.kind === 'info' ? (notice.status === 'ok' ? 'check ok' : 'check bad') : undefined;
}

function toTheme(value: string): Settings['theme'] {
  return value === 'light' || value === 'dark' ? value : 'system';
}
