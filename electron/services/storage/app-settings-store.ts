// app-settings.json: the app's own settings (language, theme, login item, zones) and the one-time hints it has shown.
// Opened with conf, like settings.json, so the file is the same whether the app, the CLI or a test opens it.
import Conf from 'conf';

export const APP_SETTINGS_NAME = 'app-settings';

/** One-time hints: shown once per user, not once per run. */
export type Hint = 'close-keeps-running';

export interface AppSettingsFile {
  /** The stored settings object, unchecked (app-settings.ts normalises it). */
  read(): unknown;
  write(settings: unknown): void;
  hintShown(hint: Hint): boolean;
  markHintShown(hint: Hint): void;
  readonly path: string;
}

/** Opens (creating if needed) `<directory>/app-settings.json`; throws like conf on a file that is not JSON. */
export function openAppSettingsFile(directory: string): AppSettingsFile {
  const conf = new Conf<{ app?: unknown; hints?: Record<string, boolean> }>({
    cwd: directory,
    configName: APP_SETTINGS_NAME,
    configFileMode: 0o600,
    projectVersion: '1.0.0',
  });
  return {
    path: conf.path,
    read: () => conf.get('app'),
    write: (settings) => conf.set('app', settings),
    hintShown: (hint) => conf.get('hints')?.[hint] === true,
    markHintShown: (hint) => conf.set('hints', { ...conf.get('hints'), [hint]: true }),
  };
}
