// Settings' preferences: launch at login, language, theme, the sandbox, and the version.
import type { Settings } from '../../shared/ipc/contract';
import { useT } from '../i18n/i18n';

interface Props {
  settings: Settings;
  version: string;
  platform: string;
  onSettingsChanged: (patch: Partial<Settings>) => void;
  onStartSandbox: () => void;
}

export function PreferencesSection({ settings, version, platform, onSettingsChanged, onStartSandbox }: Props) {
  const { t } = useT();
  return (
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
  );
}

function toTheme(value: string): Settings['theme'] {
  return value === 'light' || value === 'dark' ? value : 'system';
}
