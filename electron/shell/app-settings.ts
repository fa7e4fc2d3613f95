// The app's own settings (language, theme, login item, zones), kept in electron-store by main. Values on disk are
// re-checked on every read, so a hand-edited file cannot hand the renderer a wrong type.
import type { Settings } from '../../shared/ipc/contract.js';
import { ok, type Result } from '../../shared/result.js';

export const DEFAULT_SETTINGS: Settings = {
  language: 'en',
  theme: 'system',
  launchAtLogin: false,
  defaultTimeZone: null,
  showTimeZone: null,
};

/** Where the settings object lives (electron-store in the app, a plain object in tests). */
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
  /** `app.setLoginItemSettings({ openAtLogin })`. */
  setLoginItem(openAtLogin: boolean): void;
  /** After a change (tray and notifications follow the language). */
  changed(settings: Settings): void;
}

export interface SettingsController {
  get(): Settings;
  set(patch: Partial<Settings>): Result<Settings>;
}

export function createSettingsController({ backend, setLoginItem, changed }: SettingsControllerDeps): SettingsController {
  return {
    get: () => normalizeSettings(backend.read()),
    set(patch) {
      const before = normalizeSettings(backend.read());
      const next = normalizeSettings({ ...before, ...patch });
      backend.write(next);
      if (next.launchAtLogin !== before.launchAtLogin) setLoginItem(next.launchAtLogin);
      changed(next);
      return ok(next);
    },
  };
}
