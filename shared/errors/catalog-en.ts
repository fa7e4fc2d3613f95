// English catalog texts. Keep them short: they appear in a notification, a form and a terminal line.
import type { CatalogCode } from './catalog-codes.js';
import type { CatalogText } from './catalog-text.js';

/** Shown for a code the catalog does not know at all. */
export const EN_GENERIC: CatalogText = {
  title: 'The request failed with an error Taper does not know.',
  nextStep: 'Try again in a moment; if it keeps failing, contact Tencent Cloud support with the RequestId.',
};

export const EN_TEXTS: Record<CatalogCode, CatalogText> = {
  // Seed codes (CreateRecordTask)
  InternalError: {
    title: 'Tencent Cloud had an internal error.',
    nextStep:
      'Try again in a minute. If it persists, open a ticket with Tencent Cloud support and quote the RequestId.',
  },
  'InternalError.GetConfigError': {
    title: 'Tencent Cloud could not read the configuration for this request.',
    nextStep: 'Check the push domain and the recording template in the Live console, then try again.',
  },
  'InternalError.NetworkError': {
    title: 'Tencent Cloud had an internal network error.',
    nextStep:
      'Try again in a minute. Check in the history (or with sync) whether the task was created before retrying.',
  },
  InvalidParameter: {
    title: 'Tencent Cloud rejected a parameter of the request.',
    nextStep: 'Check the domain, app, stream and times against the message, correct them and send again.',
  },
  'LimitExceeded.MaximumRunningTask': {
    title: 'Too many recording tasks are running at the same time.',
    nextStep: 'Stop or delete tasks you no longer need (History), or wait until running ones end.',
  },
  'ResourceUnavailable.InvalidVodStatus': {
    title: 'The VOD service is not activated: recordings are stored in VOD.',
    nextStep: 'Activate VOD (Video on Demand) in the Tencent Cloud console, then create the task again.',
  },
  UnsupportedOperation: {
    title: 'Tencent Cloud does not support this operation for this account or resource.',
    nextStep:
      'Check that the domain is a push domain of this account and that the legacy record APIs are not in use for it.',
  },

  // Common codes (Tencent Cloud API 3.0)
  ActionOffline: {
    title: 'This API action has been retired by Tencent Cloud.',
    nextStep: 'Update Taper to a version that uses the current API.',
  },
  AuthFailure: {
    title: 'Tencent Cloud could not authenticate the request.',
    nextStep: "Check the profile's SecretId and SecretKey (Settings → Profiles → Test).",
  },
  'AuthFailure.InvalidAuthorization': {
    title: "The request's Authorization header is malformed.",
    nextStep: 'Check that the endpoint is a Tencent Cloud API endpoint and no proxy rewrites the request.',
  },
  'AuthFailure.InvalidSecretId': {
    title: 'The SecretId is not a Tencent Cloud API key.',
    nextStep: 'Copy the SecretId from the API keys page of the console (it starts with AKID) and update the profile.',
  },
  'AuthFailure.MFAFailure': {
    title: 'Multi-factor authentication failed.',
    nextStep:
      'This account requires MFA for API calls: use keys of a sub-account without that requirement, or adjust the MFA settings.',
  },
  'AuthFailure.SecretIdNotFound': {
    title: 'The SecretId does not exist or is disabled.',
    nextStep: 'Check in the console that the key exists and is enabled; re-enter it without spaces before or after.',
  },
  'AuthFailure.SignatureExpire': {
    title:
      "The request's signature expired: this computer's clock differs from Tencent Cloud's by more than 5 minutes.",
    nextStep: 'Set the system clock to synchronise automatically (NTP), then try again.',
  },
  'AuthFailure.SignatureFailure': {
    title: 'The signature is wrong: the SecretKey does not match the SecretId.',
    nextStep: 'Re-enter the SecretKey of this profile exactly as shown when the key was created.',
  },
  'AuthFailure.TokenFailure': {
    title: 'The session token is invalid or expired.',
    nextStep: 'Get fresh temporary credentials and update the profile (or TENCENTCLOUD_SESSION_TOKEN).',
  },
  'AuthFailure.UnauthorizedOperation': {
    title: 'These keys are not authorised for this action.',
    nextStep: 'Ask the account owner to grant the sub-account a Live policy (e.g. QcloudLiveFullAccess) in CAM.',
  },
  DryRunOperation: {
    title: 'The request was a dry run and would have succeeded; nothing was created.',
    nextStep: 'Send it again without the dry-run flag to create the task.',
  },
  FailedOperation: {
    title: 'Tencent Cloud could not carry out the operation.',
    nextStep: "Read the platform's message for the reason, fix it and try again.",
  },
  InvalidAction: {
    title: 'Tencent Cloud does not know this API action.',
    nextStep: 'Check that the endpoint is live.tencentcloudapi.com (or its international twin) and update Taper.',
  },
  InvalidParameterValue: {
    title: 'A parameter has a value Tencent Cloud does not accept.',
    nextStep: 'Check the value named in the message (domain, app, stream, times, template), correct it and send again.',
  },
  InvalidRequest: {
    title: 'The request is malformed (body or headers).',
    nextStep: 'Check the endpoint and any proxy between Taper and Tencent Cloud; update Taper if it persists.',
  },
  IpInBlacklist: {
    title: "This computer's IP address is on the account's blocklist.",
    nextStep: 'Call from another network, or ask the account owner to remove the address from the blocklist.',
  },
  IpNotInWhitelist: {
    title: "This computer's IP address is not on the account's allowlist.",
    nextStep: "Ask the account owner to add this address to the key's IP allowlist in CAM.",
  },
  LimitExceeded: {
    title: 'A quota of the account is used up.',
    nextStep: 'Remove tasks you no longer need, or ask Tencent Cloud to raise the quota.',
  },
  MissingParameter: {
    title: 'A required parameter is missing from the request.',
    nextStep: 'Fill in the domain, app, stream and end time, then send again.',
  },
  NoSuchProduct: {
    title: 'The endpoint does not serve the Live product.',
    nextStep: 'Use live.tencentcloudapi.com (or live.intl.tencentcloudapi.com) as the endpoint.',
  },
  NoSuchVersion: {
    title: 'The endpoint does not know API version 2018-08-01.',
    nextStep: 'Check the endpoint: it must be the Live API endpoint.',
  },
  RequestLimitExceeded: {
    title: 'Too many requests per second.',
    nextStep: 'Wait a second and try again; the request was not executed.',
  },
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': {
    title: 'The account sent too many requests across all regions.',
    nextStep: 'Wait a few seconds and try again; check that no other tool is flooding the API with the same account.',
  },
  'RequestLimitExceeded.IPLimitExceeded': {
    title: 'Too many requests from this IP address.',
    nextStep: 'Wait a few seconds and try again; the request was not executed.',
  },
  'RequestLimitExceeded.UinLimitExceeded': {
    title: 'The account sent too many requests.',
    nextStep: 'Wait a few seconds and try again; the request was not executed.',
  },
  RequestSizeLimitExceeded: {
    title: 'The request is too large.',
    nextStep: 'Shorten the Extension text or the names and send again.',
  },
  ResourceInUse: {
    title: 'The resource is in use.',
    nextStep: 'Wait until the current operation on it ends, then try again.',
  },
  ResourceInsufficient: {
    title: 'Tencent Cloud lacks the resources to do this now.',
    nextStep: 'Try again later.',
  },
  ResourceNotFound: {
    title: 'The resource does not exist.',
    nextStep: 'Check the domain, stream or TaskId; it may have been deleted or belong to another account.',
  },
  ResourceUnavailable: {
    title: 'The resource is not available.',
    nextStep: 'Check the service and domain status in the Live console.',
  },
  ResponseSizeLimitExceeded: {
    title: 'The answer would be too large.',
    nextStep: 'Ask for a shorter time range (e.g. one day at a time).',
  },
  ServiceUnavailable: {
    title: 'Tencent Cloud is temporarily unavailable.',
    nextStep: 'Try again in a few minutes.',
  },
  UnauthorizedOperation: {
    title: 'The account is not authorised for this operation.',
    nextStep: 'Ask the account owner to grant a Live policy in CAM, or check that the domain belongs to this account.',
  },
  UnknownParameter: {
    title: 'Tencent Cloud does not know a parameter of the request.',
    nextStep: 'Update Taper; this usually means a version mismatch with the API.',
  },
  UnsupportedProtocol: {
    title: 'The endpoint does not support this protocol.',
    nextStep: 'Use an https:// endpoint.',
  },
  UnsupportedRegion: {
    title: 'The Live API does not support this region.',
    nextStep: 'Choose a supported region for the profile, e.g. ap-guangzhou (mainland) or ap-singapore.',
  },

  // Live codes
  'ResourceNotFound.ForbidService': {
    title: 'The Live service of this account is banned.',
    nextStep: 'Contact Tencent Cloud support to find out why and restore it.',
  },
  'ResourceNotFound.FreezeService': {
    title: 'The Live service is frozen, usually because of an overdue payment.',
    nextStep: 'Settle the account balance in the billing console; the service resumes afterwards.',
  },
  'ResourceNotFound.StopService': {
    title: 'The Live service of this account has been stopped.',
    nextStep: 'Restart the Live service in the console (check the balance first).',
  },
  'ResourceNotFound.UserDisableService': {
    title: 'The Live service was disabled by the account owner.',
    nextStep: 'Enable the Live service in the console, then try again.',
  },
  'ResourceNotFound.TaskId': {
    title: 'No recording task has this TaskId.',
    nextStep: "Check the TaskId; the task may have been deleted or be older than the platform's 3-month record.",
  },
  'ResourceNotFound.DomainNotExist': {
    title: 'The push domain does not exist in this account.',
    nextStep: "Check the domain in the Live console's domain list (push domains only).",
  },
  'InvalidParameter.DomainFormatError': {
    title: 'The push domain is not a valid domain name.',
    nextStep: 'Enter the bare host name, e.g. 5000.livepush.myqcloud.com, without rtmp:// or a path.',
  },

  // Local codes (Taper)
  'Taper.InvalidInput': {
    title: 'The request breaks a rule of the platform; nothing was sent.',
    nextStep: 'Correct the fields marked and send again.',
  },
  'Taper.Network': {
    title: 'Tencent Cloud could not be reached; the request was not executed.',
    nextStep: 'Check the internet connection, proxy and firewall, then try again.',
  },
  'Taper.Timeout': {
    title: 'Tencent Cloud did not answer in time.',
    nextStep: 'Check the connection and try again; this call changes nothing, so a retry is safe.',
  },
  'Taper.UnknownOutcome': {
    title: 'The answer to the create request was lost: the task may or may not exist.',
    nextStep:
      'Do not create it again by hand. Run sync (taper sync or History → Sync): it finds the task or marks the attempt failed.',
  },
  'Taper.InvalidResponse': {
    title: 'The endpoint answered something that is not a Tencent Cloud API response.',
    nextStep: 'Check the endpoint setting and any proxy or captive portal on the network.',
  },
  'Taper.HttpError': {
    title: 'The endpoint answered with an HTTP error and no API error code (e.g. a gateway error).',
    nextStep: 'Try again in a minute; check the endpoint and proxy if it persists.',
  },
  'Taper.Keychain.Unavailable': {
    title: 'No OS keychain is available to hold the secret keys.',
    nextStep:
      "On Linux, install and start a Secret Service (e.g. gnome-keyring); on macOS or Windows, check the user's keychain.",
  },
  'Taper.Keychain.Locked': {
    title: 'The OS keychain is locked.',
    nextStep: 'Unlock the keychain (log in to the desktop session or unlock it in its manager), then try again.',
  },
  'Taper.Credentials.Missing': {
    title: 'No Tencent Cloud keys are set up.',
    nextStep:
      'Add a profile (Settings → Profiles, or taper profile add), or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY.',
  },
  'Taper.Profile.NotFound': {
    title: 'There is no profile with this name.',
    nextStep: 'List the profiles (taper profile list) and pick one, or add it.',
  },
  'Taper.Credentials.SecretMissing': {
    title: "The profile's SecretKey is not in the keychain.",
    nextStep: 'Add the profile again with its SecretKey (it may have been removed or be on another machine).',
  },
  'Taper.History.Corrupt': {
    title: 'The history file was damaged; it was moved aside, not overwritten.',
    nextStep:
      'Run sync to rebuild recent tasks from the platform; the damaged file is kept beside the new one for recovery.',
  },
  'Taper.DataFile.Damaged': {
    title: 'A data file of Taper was damaged; it was moved aside, not deleted, and a fresh one starts.',
    nextStep:
      'The message names the file and where its copy went: re-create what it held (plans, profiles) or restore it from that copy.',
  },
  'Taper.History.Unavailable': {
    title: 'The history file could not be read or written.',
    nextStep: 'Check disk space and permissions of the data directory, and that no other program holds its lock.',
  },
  'Taper.Plans.Unavailable': {
    title: 'The plans file (planned recordings, series, alerts) could not be read or written.',
    nextStep:
      'Check disk space and permissions of the data directory, and that no other Taper holds its lock; a newer Taper’s file needs that version.',
  },
  'Taper.Settings.Unavailable': {
    title: 'The settings file or the data directory could not be read or written.',
    nextStep: 'Check disk space and permissions of the data directory (TAPER_HOME, or the app’s user-data folder).',
  },
  'Taper.Ipc.Forbidden': {
    title: 'This window is not allowed to call Taper.',
    nextStep: 'Use Taper’s own window; if this keeps happening, restart Taper and report it.',
  },
  'Taper.Ipc.Internal': {
    title: 'Taper hit an unexpected error.',
    nextStep: 'Try again; if it repeats, restart Taper and send the log (it contains no keys).',
  },
  'Taper.LoginItem.Unavailable': {
    title: 'Taper could not change whether it starts at login.',
    nextStep:
      'On Linux, check that ~/.config/autostart can be written; on macOS, allow Taper in System Settings → General → Login Items.',
  },
  'Taper.File.UrlRefused': {
    title: 'This link is not a recording file on Tencent Cloud VOD, so Taper did not open it.',
    nextStep: 'Taper opens only https links on *.myqcloud.com or *.qcloud.com. Copy the URL if you trust it.',
  },
  'Taper.File.OpenFailed': {
    title: 'The recording file could not be opened in a browser.',
    nextStep: 'Copy its URL and open it in your browser.',
  },
  'Taper.Sandbox.NotRunning': {
    title: 'This works only in the sandbox, which is not running.',
    nextStep: 'Start it first (Settings → Try the sandbox); a simulated push never reaches a real account.',
  },
  'Taper.Schedule.Missed': {
    title: 'A planned recording was missed: its window ended before Taper could create the task.',
    nextStep:
      'Keep the tray app running or run `taper sync` from cron at least daily; check the alert for the cause (network, keys).',
  },
  'Taper.Schedule.NotFound': {
    title: 'No recording or series with this id.',
    nextStep: 'List them with `taper series list` or `taper history` and use an id from there.',
  },
  'Taper.Task.NotFound': {
    title: 'The history has no task with this id.',
    nextStep: 'Check the id in the history list (taper history), or run sync to import tasks created elsewhere.',
  },
};
