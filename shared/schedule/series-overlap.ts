// Overlap rules apply to whole series: two series on the same stream that share time would record it twice. Pure, so
// the scheduler (when a series is stored) and the series form (while the user types) give the same warning.
import type { Warning } from '../domain.js';
import { occurrences, type Series } from './series.js';

/** How far ahead two series are compared: four weeks covers every weekly pattern. */
const OVERLAP_HORIZON_SECONDS = 28 * 86_400;

/** A `Series.Overlap` warning per other series on the same stream whose occurrences share time with `series`'. */
export function seriesOverlapWarnings(series: Series, others: readonly Series[], nowSeconds: number): Warning[] {
  const until = nowSeconds + OVERLAP_HORIZON_SECONDS;
  const mine = occurrences(series, nowSeconds, until);
  const warnings: Warning[] = [];
  for (const other of others) {
    if (other.id === series.id) continue;
    if (other.stream.domainName.toLowerCase() !== series.stream.domainName.toLowerCase() || other.stream.appName !== series.stream.appName || other.stream.streamName !== series.stream.streamName) continue;
    const clash = occurrences(other, nowSeconds, until).find((theirs) => mine.some((ours) => ours.startTime < theirs.endTime && theirs.startTime < ours.endTime));
    if (clash) {
      warnings.push({ code: 'Series.Overlap', message: `Series "${other.name}" (${other.id}) records the same stream at overlapping times (e.g. ${clash.date}): the stream would be recorded twice.` });
    }
  }
  return warnings;
}
