// The app's own settings (language, theme, login item, zones), kept in app-settings.json by main. Values on disk are
// re-checked on every read, so a hand-edited file cannot hand the renderer a wrong type.
import type { Settings } from '../../shared/ipc/contract.js';
import { ok, type Result } from '../../shared/result.js';
import { DEFAULT_SETTINGS } from '../../shared/settings-defaults.js';

export { DEFAULT_SETTINGS };

/** Where the settings object lives (app-settings.json in the app, a plain object in tests). */
export interface SettingsBackend {
  read(): unknown;
  write(settings: Settings): void;
}

const nullableString = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Settings from whatever is stored, defaults for anything missing or malformed. */
export function normalizeSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    language: value['language'] === 'zh-CN' ? 'zh-CN' : 'en',
    theme: value['theme'] === 'light' || value['theme'] === 'dark' ? value['theme'] : 'system',
    launchAtLogin: value['launchAtLogin'] === true,
    defaultTimeZone: nullableString(value['defaultTimeZone']),
    showTimeZone: nullableString(value['showTimeZone']),
  };
}

export interface SettingsControllerDeps {
  backend: SettingsBackend;
  /** Turns launch at login on or off in the OS (login-item.ts); an error keeps the setting as it was. */
  setLoginItem(openAtLogin: boolean): Promise<Result<void>>;
  /** After a change (tray and notifications follow the language). */
  changed(settings: Settings): void;
}

export interface SettingsController {
  get(): Settings;
  set(patch: Partial<Settings>): Promise<Result<Settings>>;
  /** Stores what the OS really has for launch at login (at start), without asking the OS to change. */
  adoptLoginItem(enabled: boolean): void;
}

export function createSettingsController({
  backend,
  setLoginItem,
  changed,
}: SettingsControllerDeps): SettingsController {
  return {
    get: () => normalizeSettings(backend.read()),
    async set(patch) {
      const before = normalizeSettings(backend.read());
      const next = normalizeSettings({ ...before, ...patch });
      // The OS first: a setting that says "at login" while nothing starts Taper would be the lie this prevents.
      if (next.launchAtLogin !== before.launchAtLogin) {
        const applied = await setLoginItem(next.launchAtLogin);
        if (!applied.ok) return applied;
      }
      backend.write(next);
      changed(next);
      return ok(next);
    },
    adoptLoginItem(enabled) {
      const current = normalizeSettings(backend.read());
      if (current.launchAtLogin === enabled) return;
      const next = { ...current, launchAtLogin: enabled };
      backend.write(next);
      changed(next);
    },
  };
}
