// Overlap rules apply to whole series: two series on the same stream that share time would record it twice. Pure, so
// the scheduler (when a series is stored) and the series form (while the user types) give the same warning.
import type { Warning } from '../domain.js';
import { occurrences, type Occurrence, type Series } from './series.js';

/** How far ahead two series are compared: four weeks covers every weekly pattern. */
const OVERLAP_HORIZON_SECONDS = 28 * 86_400;

const sameStream = (a: Series, b: Series): boolean =>
  a.stream.domainName.toLowerCase() === b.stream.domainName.toLowerCase() &&
  a.stream.appName === b.stream.appName &&
  a.stream.streamName === b.stream.streamName;

/** A `Series.Overlap` warning per other series on the same stream whose occurrences share time with `series`'. */
export function seriesOverlapWarnings(series: Series, others: readonly Series[], nowSeconds: number): Warning[] {
  const until = nowSeconds + OVERLAP_HORIZON_SECONDS;
  const mine = occurrences(series, nowSeconds, until);
  const warnings: Warning[] = [];
  for (const other of others) {
    if (other.id === series.id) continue;
    if (!sameStream(other, series)) continue;
    const clash = occurrences(other, nowSeconds, until).find((theirs) =>
      mine.some((ours) => ours.startTime < theirs.endTime && theirs.startTime < ours.endTime),
    );
    if (clash) {
      warnings.push({
        code: 'Series.Overlap',
        message: `Series "${other.name}" (${other.id}) records the same stream at overlapping times (e.g. ${clash.date}): the stream would be recorded twice.`,
      });
    }
  }
  return warnings;
}

/**
 * `Series.Overlap` warnings when one occurrence (moved or lengthened) shares time with another occurrence on the same
 * stream: one of its own series (lengthened into the next day's) or of another series in `others`.
 */
export function occurrenceOverlapWarnings(
  series: Series,
  occurrence: Occurrence,
  others: readonly Series[],
): Warning[] {
  const warnings: Warning[] = [];
  for (const other of [
    series,
    ...others.filter((candidate) => candidate.id !== series.id && sameStream(candidate, series)),
  ]) {
    const clash = occurrences(other, occurrence.startTime, occurrence.endTime).find(
      (theirs) => !(theirs.seriesId === series.id && theirs.date === occurrence.date),
    );
    if (!clash) continue;
    const whose =
      other.id === series.id
        ? `its occurrence of ${clash.date}`
        : `series "${other.name}" (${other.id}) on ${clash.date}`;
    warnings.push({
      code: 'Series.Overlap',
      message: `The occurrence of ${occurrence.date} overlaps ${whose} on the same stream: the stream would be recorded twice.`,
    });
  }
  return warnings;
}
