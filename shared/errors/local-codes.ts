// Error codes that Taper itself raises (Tencent's own codes come from the platform as they are).
// Every code here has a catalog entry in shared/errors/catalog.ts.

export const LocalErrorCode = {
  /** The request broke a rule before anything was sent (CLI exit 2). */
  InvalidInput: 'Taper.InvalidInput',
  /** No connection could be made (refused, DNS): the request was certainly not executed. */
  Network: 'Taper.Network',
  /** A read-only or idempotent call timed out or lost its connection. */
  Timeout: 'Taper.Timeout',
  /** A create was sent but its answer was lost: the task may or may not exist (CLI exit 4; resolved by sync). */
  UnknownOutcome: 'Taper.UnknownOutcome',
  /** The endpoint answered something that is not a Tencent Cloud API response (non-JSON, wrong shape). */
  InvalidResponse: 'Taper.InvalidResponse',
  /** The endpoint answered an HTTP error status without an API error code (e.g. 502 from a gateway). */
  HttpError: 'Taper.HttpError',
  /** No OS keychain (Secret Service) could be reached. */
  KeychainUnavailable: 'Taper.Keychain.Unavailable',
  /** The OS keychain is there but locked. */
  KeychainLocked: 'Taper.Keychain.Locked',
  /** No profile chosen, none stored, and no TENCENTCLOUD_* variables set. */
  CredentialsMissing: 'Taper.Credentials.Missing',
  /** A named profile does not exist. */
  ProfileNotFound: 'Taper.Profile.NotFound',
  /** The profile's secret is not in the keychain (removed by hand, other machine). */
  SecretMissing: 'Taper.Credentials.SecretMissing',
  /** The history file could not be parsed; it was moved aside, never overwritten. */
  HistoryCorrupt: 'Taper.History.Corrupt',
  /** A data file other than the history (plans.json, settings.json) could not be read; it was moved aside, never deleted. */
  DataFileDamaged: 'Taper.DataFile.Damaged',
  /** The history file could not be read or written (permissions, disk full, lock timeout). */
  HistoryUnavailable: 'Taper.History.Unavailable',
  /** A task id that the history does not know. */
  TaskNotFound: 'Taper.Task.NotFound',
  /** A planned recording's window ended before its task could be created: an alert, never a silent miss. */
  ScheduleMissed: 'Taper.Schedule.Missed',
  /** No recording or series with that id. */
  ScheduleNotFound: 'Taper.Schedule.NotFound',
  /** plans.json could not be read or written (newer layout, permissions, disk full, lock); damaged: DataFileDamaged. */
  PlansUnavailable: 'Taper.Plans.Unavailable',
  /** The settings file or the data directory could not be read or written. */
  SettingsUnavailable: 'Taper.Settings.Unavailable',
  /** An IPC call came from a frame that is not Taper's own window. */
  IpcForbidden: 'Taper.Ipc.Forbidden',
  /** A service threw instead of answering a value: a bug, logged in main without details. */
  IpcInternal: 'Taper.Ipc.Internal',
  /** Launch at login could not be turned on or off (the autostart entry could not be written, the OS refused). */
  LoginItemUnavailable: 'Taper.LoginItem.Unavailable',
  /** `files:open` was given a URL that is not an https recording file on Tencent Cloud's VOD hosts: not opened. */
  FileUrlRefused: 'Taper.File.UrlRefused',
  /** A recording file's URL could not be handed to a browser (none installed, or this shell cannot open one). */
  FileOpenFailed: 'Taper.File.OpenFailed',
  /** A sandbox-only action (a simulated push) while the app is not running the sandbox. */
  SandboxNotRunning: 'Taper.Sandbox.NotRunning',
} as const;

export type LocalErrorCode = (typeof LocalErrorCode)[keyof typeof LocalErrorCode];

/** Errors that no retry fixes until the user fixes the keys or the keychain (CLI exit code 5). */
const CREDENTIAL_CODES: ReadonlySet<string> = new Set([
  LocalErrorCode.KeychainUnavailable,
  LocalErrorCode.KeychainLocked,
  LocalErrorCode.CredentialsMissing,
  LocalErrorCode.ProfileNotFound,
  LocalErrorCode.SecretMissing,
]);

export const isCredentialError = (error: { code: string }): boolean => CREDENTIAL_CODES.has(error.code);
