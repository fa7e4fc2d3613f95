// The time helpers in one import for callers that need several.
export { DURATION_INVALID, isoSeconds, parseDuration, roundedDurationText, type DurationParse } from './duration.js';
export { formatUnix } from './format-unix.js';
export { parseUserTime, type TimeParse, type TimeParseErrorCode, type TimeParseOptions } from './parse-user-time.js';
export { canonicalTimeZone, isValidTimeZone, systemTimeZone } from './time-zone.js';
