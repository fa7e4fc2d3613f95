// What the shell loads from main and keeps up to date: app info, settings, profiles and the record form's history
// choices (each asked for first through the startup loads, startup-loads.ts), the whole history once it is wanted,
// the settings changes, the sandbox start and the sync.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HistoryEntry } from '../shared/history';
import { NO_CHOICES, type HistoryChoices } from '../shared/history-choices';
import type { AppInfo, ProfileSummary, Settings } from '../shared/ipc/contract';
import { ok, type AppError } from '../shared/result';
import { DEFAULT_SETTINGS } from '../shared/settings-defaults';
import { useEnvironment } from './api-context';
import type { Translate } from './i18n/i18n';
import { errorNotice, infoNotice, type Notice } from './notice';
import { useLoaded } from './use-loaded';

const NO_HISTORY: HistoryEntry[] = [];

export interface AppData {
  info: AppInfo | null;
  settings: Settings;
  /** null until the first answer. */
  profiles: ProfileSummary[] | null;
  /** The whole history: empty until wantHistory() has been called and main has answered (see historyLoaded). */
  history: HistoryEntry[];
  /** False until the first answer to the whole history (or its error) arrived. */
  historyLoaded: boolean;
  historyError: AppError | null;
  /** Asks for the whole history (once; it then follows main's changes). The record form never needs it. */
  wantHistory: () => void;
  /** The record form's recent domains, apps and streams, worked out by main. */
  choices: HistoryChoices;
  /** False until the first answer to the choices (or its error) arrived. */
  choicesLoaded: boolean;
  /** Why info, a settings change or the sandbox failed. */
  loadError: AppError | null;
  lastSyncedAt: number | null;
  syncing: boolean;
  syncNotice: Notice | null;
  reloadHistory: () => void;
  reloadProfiles: () => void;
  changeSettings: (patch: Partial<Settings>) => Promise<void>;
  startSandbox: () => Promise<void>;
  sync: (t: Translate) => Promise<void>;
}

export function useAppData(): AppData {
  const { api, startup } = useEnvironment();
  // The first render shows what main has already answered (startup-loads.ts); the loads below then take the same
  // answers, and an unchanged value renders nothing again.
  const early = <K extends 'info' | 'profiles' | 'choices' | 'settings'>(what: K) => {
    const answer = startup?.arrived(what);
    return answer?.ok === true ? (answer.value as Extract<typeof answer, { ok: true }>['value']) : undefined;
  };
  const [info, setInfo] = useState<AppInfo | null>(() => early('info') ?? null);
  const [settings, setSettings] = useState<Settings>(() => early('settings') ?? DEFAULT_SETTINGS);
  const [lastSyncedAt, setLastSyncedAt] = useState<number | null>(() => early('info')?.lastSyncedAt ?? null);
  const [syncing, setSyncing] = useState(false);
  const [syncNotice, setSyncNotice] = useState<Notice | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const profiles = useLoaded(
    useCallback(
      // Unreadable profiles: the window goes on as without any (the first-run panel offers to add keys).
      () => (startup?.take('profiles') ?? api.profiles.list()).then((result) => (result.ok ? result : ok([]))),
      [api, startup],
    ),
    { initial: early('profiles') },
  );
  const choices = useLoaded(
    useCallback(() => startup?.take('choices') ?? api.history.choices(), [api, startup]),
    { initial: early('choices') ?? NO_CHOICES, on: ['onHistoryChanged'] },
  );
  // The whole history is for the history view: 20,000 entries cost the window ~100 ms to take in, so they are not
  // asked for before the form is up (app.tsx asks once the form has its choices, or when the view opens).
  const [historyWanted, setHistoryWanted] = useState(false);
  const history = useLoaded(
    useMemo(() => (historyWanted ? () => api.history.list({}) : null), [api, historyWanted]),
    { initial: NO_HISTORY, on: ['onHistoryChanged'] },
  );
  const wantHistory = useCallback(() => setHistoryWanted(true), []);
  const { reload: reloadHistory } = history;
  const { reload: reloadProfiles } = profiles;

  const loadInfo = useCallback(async () => {
    const result = await (startup?.take('info') ?? api.app.info());
    if (result.ok) {
      setInfo(result.value);
      if (result.value.lastSyncedAt !== undefined) setLastSyncedAt(result.value.lastSyncedAt);
    } else setLoadError(result.error);
  }, [api, startup]);

  useEffect(() => {
    // Every setState here runs in a promise callback, after the answer from main.
    void Promise.resolve().then(loadInfo);
    void (startup?.take('settings') ?? api.settings.get()).then((result) => {
      if (result.ok) setSettings(result.value);
    });
  }, [api, startup, loadInfo]);

  const changeSettings = async (patch: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    if (patch.language !== undefined)
      setInfo((current) => (current === null ? current : { ...current, language: patch.language ?? current.language }));
    const result = await api.settings.set(patch);
    if (result.ok) {
      setSettings(result.value);
      return;
    }
    // Not stored (the OS refused the login item, say): show why and what main really has.
    setLoadError(result.error);
    const stored = await api.settings.get();
    if (stored.ok) setSettings(stored.value);
  };

  const sync = async (t: Translate) => {
    setSyncing(true);
    const result = await api.history.sync();
    setSyncing(false);
    if (result.ok) {
      setLastSyncedAt(result.value.syncedAt);
      setSyncNotice(infoNotice(t('history.syncReport', { ...result.value })));
    } else setSyncNotice(errorNotice(result.error));
    reloadHistory();
  };

  const startSandbox = async () => {
    const result = await api.sandbox.start();
    if (!result.ok) {
      setLoadError(result.error);
      return;
    }
    setLoadError(null);
    reloadProfiles();
    await loadInfo();
  };

  return {
    info,
    settings,
    profiles: profiles.value ?? null,
    history: history.value,
    historyLoaded: history.value !== NO_HISTORY || history.error !== null,
    historyError: history.error,
    wantHistory,
    choices: choices.value,
    choicesLoaded: choices.value !== NO_CHOICES || choices.error !== null,
    loadError,
    lastSyncedAt,
    syncing,
    syncNotice,
    reloadHistory,
    reloadProfiles,
    changeSettings,
    startSandbox,
    sync,
  };
}
