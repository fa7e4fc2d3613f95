// The data that crosses the IPC boundary. shared/ cannot import electron/, so the service result
// types the renderer sees are declared here; electron/services/app-services.ts must stay assignable
// to them (the handler map's return types make the compiler check it).
import type { Problem, Warning } from '../domain.js';
import type { HistoryEntry } from '../history.js';

/** A profile as the renderer sees it: never the SecretKey. */
export interface ProfileSummary {
  /** Profile name, unique. */
  name: string;
  /** e.g. `AKID****EXAMPLE`. */
  secretIdMasked: string;
  /** API region, e.g. `ap-guangzhou`. */
  region: string;
  /** Endpoint override (the sandbox's loopback simulator), or null for the real API. */
  endpoint: string | null;
  /** A session token is stored with the keys. */
  hasToken: boolean;
  /** Used when no profile is named. */
  isDefault: boolean;
}

/** Keys to store; the secretKey goes into main's keychain and never comes back. */
export interface NewProfile {
  /** Profile name. */
  name: string;
  /** SecretId (AKID…). */
  secretId: string;
  /** SecretKey: write-only. */
  secretKey: string;
  /** Optional STS session token. */
  token?: string;
  /** Optional region; main picks the default. */
  region?: string;
  /** Optional endpoint override. */
  endpoint?: string;
}

/** What `record` would send, checked before anything goes out. */
export interface RecordPreview {
  /** Blocking problems: submit is refused. */
  problems: Problem[];
  /** Non-blocking notices. */
  warnings: Warning[];
  /** The exact CreateRecordTask parameters that would be sent. */
  params: Record<string, string | number>;
}

/** A create attempt, written to the history whatever happened. */
export interface RecordOutcome {
  /** The history entry (taskId and requestId on success). */
  entry: HistoryEntry;
  /** Warnings that applied when the task was created. */
  warnings: Warning[];
}

/** What a sync did. */
export interface SyncReport {
  /** Entries whose status changed. */
  updated: number;
  /** Tasks found on the platform that the history did not know. */
  imported: number;
  /** `unknown` entries resolved. */
  resolved: number;
  /** Entries still `unknown`. */
  stillUnknown: number;
  /** Unix seconds. */
  syncedAt: number;
}

/** Result of a profile test. */
export type ProfileCheckStatus = 'ok' | 'wrong-key' | 'unknown-secret-id' | 'clock-off' | 'no-network' | 'refused';

/** What a user needs to know about their keys. */
export interface ProfileCheck {
  /** The verdict. */
  status: ProfileCheckStatus;
  /** Human-readable explanation. */
  message: string;
  /** RequestId of the test call, when the platform answered. */
  requestId?: string;
}

/** UI language. */
export type SettingsLanguage = 'en' | 'zh-CN';
/** UI theme; `system` follows prefers-color-scheme. */
export type SettingsTheme = 'system' | 'light' | 'dark';

/** The app's settings, stored by main. */
export interface Settings {
  /** UI language. */
  language: SettingsLanguage;
  /** UI theme. */
  theme: SettingsTheme;
  /** Start Taper at login. */
  launchAtLogin: boolean;
  /** The operator's zone for times typed in the form; null: the system zone. */
  defaultTimeZone: string | null;
  /** A second zone shown beside it (e.g. the show's `Asia/Shanghai`); null: none. */
  showTimeZone: string | null;
}

/** `app:info`. */
export interface AppInfo {
  /** App version from package.json. */
  version: string;
  /** The sandbox (loopback simulator) is the active profile: nothing is really recorded. */
  sandbox: boolean;
  /** Current UI language. */
  language: SettingsLanguage;
  /** `process.platform` of main. */
  platform: string;
  /** Unix seconds of the last successful history sync, null when never; optional for older mains. */
  lastSyncedAt?: number | null;
}

/** `sandbox:start`. */
export interface SandboxInfo {
  /** The loopback simulator's base URL. */
  endpoint: string;
}

/** `history:export`. */
export interface ExportResult {
  /** Where the file was saved, or null when the user cancelled the dialog. */
  path: string | null;
}

/** Views the tray can open. */
export type ViewName = 'record' | 'history' | 'settings';

/** Request fields the tray may prefill (e.g. "record this stream again"). */
export interface RecordPrefill {
  /** Push domain. */
  domainName?: string;
  /** Push path. */
  appName?: string;
  /** Stream name. */
  streamName?: string;
  /** Start, Unix seconds. */
  startTime?: number;
  /** End, Unix seconds. */
  endTime?: number;
  /** 0 normal, 1 mixed. */
  streamType?: 0 | 1;
  /** Template id. */
  templateId?: number;
}
