// The product's numbers in one place, each with where it comes from. Seconds unless the name says otherwise.
// Sources: the CreateRecordTask page (../shared/seed/CreateRecordTask.txt), the international and Chinese
// editions of the Live docs, and shared/notes/measured-facts.md.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One day in seconds; exported so callers need not spell 86_400 again. */
export const SECONDS_PER_DAY = DAY;

/** EndTime - StartTime may be at most 24 h ("the duration ... is up to 24 hours"). */
export const MAX_WINDOW_SECONDS = 24 * HOUR;

/** StartTime may lie at most 6 days ahead ("within 6 days from current time"); exactly 6 days is accepted. */
export const MAX_START_AHEAD_SECONDS = 6 * DAY;

/** EndTime must be strictly less than now + 7 days (Chinese edition of the doc); exactly 7 days is refused. */
export const MAX_END_AHEAD_SECONDS = 7 * DAY;

/** Creating a task and starting the push at the same moment may leave the task without effect: wait 3 s. */
export const PUSH_DELAY_SECONDS = 3;

/** For overlapping tasks of one stream the platform starts at most 3 recordings; more may not record. */
export const MAX_OVERLAPPING_TASKS = 3;

/** The platform keeps a task's record for "3 months"; 90 days is the conservative reading. */
export const TASK_RECORD_RETENTION_SECONDS = 90 * DAY;

/** A push shorter than 10 s produces no recording file, so a shorter window is pointless. */
export const MIN_USEFUL_WINDOW_SECONDS = 10;

/** CreateRecordTask (and its siblings) accept at most 20 requests per second per account. */
export const MAX_REQUESTS_PER_SECOND = 20;

/** DescribeRecordTask accepts a StartTime..EndTime window of at most 7 days. */
export const DESCRIBE_MAX_WINDOW_SECONDS = 7 * DAY;

/** DescribeRecordTask cannot look further back than 90 days (the record retention above). */
export const DESCRIBE_MAX_LOOKBACK_SECONDS = 90 * DAY;

/** The longest AppName Taper accepts; the API states none, 128 keeps URLs and file names sane. */
export const MAX_APP_NAME_LENGTH = 128;

/** The longest StreamName Taper accepts; same reasoning as the AppName. */
export const MAX_STREAM_NAME_LENGTH = 128;

/** A DNS host name is at most 253 characters (RFC 1035, without the trailing dot). */
export const MAX_DOMAIN_NAME_LENGTH = 253;

/** A DNS label is at most 63 characters (RFC 1035). */
export const MAX_DOMAIN_LABEL_LENGTH = 63;

/** Characters of a stream name: letters, digits and `_ - . ~` (safe in RTMP URLs and VOD file names). */
export const STREAM_NAME_PATTERN = /^[A-Za-z0-9_.~-]+$/;

/**
 * Characters of an AppName (push path): as a stream name, plus `/` between segments, because a push path
 * may have several levels; no leading, trailing or doubled `/` (that would change the push URL).
 */
export const APP_NAME_PATTERN = /^[A-Za-z0-9_.~-]+(\/[A-Za-z0-9_.~-]+)*$/;

/** One DNS label: letters, digits, `-`, not starting or ending with `-` (host names are case-insensitive). */
export const DOMAIN_LABEL_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i;
