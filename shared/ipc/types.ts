// The data that crosses the IPC boundary. shared/ cannot import electron/, so the service result
// types the renderer sees are declared here; electron/services/app-services.ts must stay assignable
// to them (the handler map's return types make the compiler check it).
import type { Problem, StreamKey, Warning } from '../domain.js';
import type { HistoryEntry } from '../history.js';
import type { AppError } from '../result.js';
import type { PlannedLink, PlannedLinkStatus } from '../schedule/plans.js';

export type * from './series-import-types.js';

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
  /** The recording template preselected for this profile (form, `taper record`); absent: none. */
  defaultTemplateId?: number;
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

/** One link of a recording created through `record:create` as a chain. */
export interface ChainLinkOutcome {
  /** Position in the chain, from 0. */
  index: number;
  /** Unix seconds. */
  startTime: number;
  /** Unix seconds; the next link starts here. */
  endTime: number;
  /** `created`: its task exists (taskId); `planned`: created automatically at `createAt`; else pending-sync, failed, missed. */
  status: PlannedLinkStatus;
  /** Tencent's TaskId once created. */
  taskId: string | null;
  /** RequestId of its create call, when made now. */
  requestId: string | null;
  /** Unix seconds when a planned link's task will be created; null when it is not planned. */
  createAt: number | null;
  /** Why it failed, was missed or is waiting; null otherwise. */
  error: AppError | null;
}

/** `record:create` of a window beyond one task (over 24 h, or beyond the 6-day reach): one recording, many links. */
export interface ChainOutcome {
  /** Groups the links; `recordings:stop` and `recordings:delete` take it. */
  recordingId: string;
  /** The stream recorded (names as sent). */
  stream: StreamKey;
  /** Every link, in order. */
  links: ChainLinkOutcome[];
  /** Warnings of the whole recording (how it was cut, a late start). */
  warnings: Warning[];
}

/** What `record:create` answers: one task (RecordOutcome) or a chain (ChainOutcome, the one with `recordingId`). */
export type CreateOutcome = RecordOutcome | ChainOutcome;

/** What `recordings:stop` / `recordings:delete` did to one link. */
export interface RecordingActionSummary {
  /** Link index, or -1 for a history entry the plans no longer list. */
  index: number;
  /** The link's TaskId; null for a link that had none yet. */
  taskId: string | null;
  /** `stopped` (was recording), `deleted` (had not begun), `cancelled` (was only planned), `skipped` (outcome unknown). */
  action: 'stopped' | 'deleted' | 'cancelled' | 'skipped';
  /** Why it failed or was skipped; null on success. */
  error: AppError | null;
}

/** A recording with missed or failed links the user has not acknowledged yet (`alerts:list`). */
export interface RecordingAlert {
  /** Absent or `links`: what tells it from an OutcomeAlertView in `alerts:list`. */
  kind?: 'links';
  /** What `alerts:acknowledge` takes. */
  recordingId: string;
  stream: StreamKey;
  /** The series it is an occurrence of, or null. */
  seriesId: string | null;
  /** Unix seconds, the whole recording's window. */
  startTime: number;
  endTime: number;
  /** How many links the recording has. */
  linkCount: number;
  /** Its open alerts: links that were missed or failed, with the reason in `error`. */
  links: PlannedLink[];
}

/** A window that ended with nothing or with gaps, not acknowledged yet (`alerts:list`; `taper alerts` lists it too). */
export interface OutcomeAlertView {
  kind: 'outcome';
  /** The history entry's local id: what `alerts:acknowledge` takes as `outcomeIds`. */
  id: string;
  taskId: string | null;
  /** The recording (chain) the task is a link of, or null. */
  recordingId: string | null;
  stream: StreamKey;
  /** Unix seconds, the task's window. */
  startTime: number;
  endTime: number;
  outcome: 'nothing' | 'partial';
  /** Why nothing was recorded (null: the pushes could not be read); null for `partial`. */
  nothingReason: 'never-pushed' | 'pushed-too-short' | 'pushed-no-file' | null;
  /** The gaps of a `partial` (empty for `nothing`); `pushed`: whether the stream was pushed then (null: unknown). */
  gaps: { startTime: number; endTime: number; pushed: boolean | null }[];
  /** The stored English sentence (`taper files`, the CLI's alert line). */
  reason: string | null;
}

/** One entry of `alerts:list`: a recording's missed or failed links, or a window's outcome. */
export type AppAlert = RecordingAlert | OutcomeAlertView;

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
  /** Data files that could not be read at start and were moved aside; the window says so until Taper restarts. */
  damagedFiles?: DamagedFile[];
  /** The log file main writes (named wherever a message sends the user to the log). */
  logFile?: string;
}

/** A data file that could not be read at start. */
export interface DamagedFile {
  /** The file Taper tried to read. */
  file: string;
  /** Where the damaged copy was moved (nothing in it is deleted); null when it was left in place. */
  movedTo: string | null;
  /** Why it could not be read (the parser's words). */
  reason: string;
}

/** A message main would have shown as a notification, shown in the window instead (no notification service). */
export interface AppNotice {
  title: string;
  body: string;
  /** The view the message is about. */
  view?: ViewName;
}

/** `sandbox:start`. */
export interface SandboxInfo {
  /** The loopback simulator's base URL. */
  endpoint: string;
}

/** `sandbox:push`: a simulated push of a stream from now on. */
export interface SandboxPushRequest {
  domain: string;
  app: string;
  stream: string;
  /** How long the push lasts, seconds. */
  forSeconds: number;
}

/** What the sandbox recorded: the push, Unix seconds. */
export interface SandboxPushInfo {
  domain: string;
  app: string;
  stream: string;
  startTime: number;
  endTime: number;
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
  /** The profile the stream was last recorded with (the tray's "Record until…"): preselected in the form. */
  profile?: string;
}
