// What became of a recording: from its window(s), the files VOD holds and the pushes Live saw, one settled outcome.
// Pure (no clock, no I/O): the caller passes `now`, so every case is a unit test.

/** A span of time, Unix seconds, end exclusive. */
export interface TimeSpan {
  startTime: number;
  endTime: number;
}

/** One recording file (VOD SearchMedia's MediaInfo), times in Unix seconds. */
export interface RecordingFile extends TimeSpan {
  fileId: string;
  url: string;
  durationSeconds: number;
  sizeBytes: number;
}

/** A stretch of the window without a file. */
export interface OutcomeGap extends TimeSpan {
  /** Whether the stream was pushed during (part of) the gap; null when the pushes are not known. */
  pushed: boolean | null;
}

/** Why no file exists, when it can be told. */
export type NothingReason = 'never-pushed' | 'pushed-too-short' | 'pushed-no-file';

/** Why the lookup could not settle anything. */
export type UnknownReason = 'vod-permission' | 'lookup-failed';

export type RecordingOutcome =
  | { outcome: 'recorded'; gaps: [] }
  | { outcome: 'partial'; gaps: OutcomeGap[] }
  | { outcome: 'nothing'; reason: NothingReason | null }
  | { outcome: 'pending'; reason: 'window-not-ended' | 'files-not-ready'; readyAt: number }
  | { outcome: 'unknown'; reason: UnknownReason; error: { code: string; message: string } };

export type OutcomeKind = RecordingOutcome['outcome'];

/** A gap up to this long between files is the platform's segmenting, not a loss. */
export const MAX_HARMLESS_GAP_SECONDS = 60;
/** Pushes shorter than this give no file. */
export const MIN_RECORDED_PUSH_SECONDS = 10;
/** Files are listed about 5 minutes after a recording ends (measured-facts); until then nothing is settled. */
export const FILES_READY_SECONDS = 300;
/** The CAM preset policy that lets a key read VOD's media (SearchMedia). */
export const VOD_READ_POLICY = 'QcloudVODReadOnlyAccess';

export interface OutcomeInput {
  /** The recording's windows: one task's, or every link of a chain (taken as one). */
  windows: readonly TimeSpan[];
  /** The files found, or the lookup's error. */
  files: readonly RecordingFile[] | { error: { code: string; message: string } };
  /** The pushes seen (DescribeLiveStreamEventList), or null when they could not be read (an offline record at best). */
  pushes: readonly TimeSpan[] | null;
  /** Unix seconds. */
  now: number;
  /** Default FILES_READY_SECONDS. */
  filesReadySeconds?: number;
}

/** Sorted, merged spans (touching spans joined), empty spans dropped. */
export function mergeSpans(spans: readonly TimeSpan[]): TimeSpan[] {
  const sorted = spans
    .filter((span) => span.endTime > span.startTime)
    .map((span) => ({ startTime: span.startTime, endTime: span.endTime }))
    .sort((a, b) => a.startTime - b.startTime);
  const merged: TimeSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && span.startTime <= last.endTime) last.endTime = Math.max(last.endTime, span.endTime);
    else merged.push(span);
  }
  return merged;
}

/** `spans` clipped to `within`, merged. */
export function intersectSpans(spans: readonly TimeSpan[], within: readonly TimeSpan[]): TimeSpan[] {
  const out: TimeSpan[] = [];
  for (const a of mergeSpans(spans)) {
    for (const b of mergeSpans(within)) {
      const startTime = Math.max(a.startTime, b.startTime);
      const endTime = Math.min(a.endTime, b.endTime);
      if (endTime > startTime) out.push({ startTime, endTime });
    }
  }
  return mergeSpans(out);
}

/** The parts of `within` that `spans` do not cover. */
export function subtractSpans(within: readonly TimeSpan[], spans: readonly TimeSpan[]): TimeSpan[] {
  const cover = mergeSpans(spans);
  const out: TimeSpan[] = [];
  for (const window of mergeSpans(within)) {
    let cursor = window.startTime;
    for (const span of cover) {
      if (span.endTime <= cursor || span.startTime >= window.endTime) continue;
      if (span.startTime > cursor) out.push({ startTime: cursor, endTime: span.startTime });
      cursor = Math.max(cursor, span.endTime);
    }
    if (cursor < window.endTime) out.push({ startTime: cursor, endTime: window.endTime });
  }
  return out;
}

const total = (spans: readonly TimeSpan[]): number =>
  spans.reduce((sum, span) => sum + (span.endTime - span.startTime), 0);

export function isLookupError(files: OutcomeInput['files']): files is { error: { code: string; message: string } } {
  return !Array.isArray(files);
}

/** True for the codes CAM answers a key without permission for the action. */
export function isPermissionRefusal(code: string): boolean {
  return (
    code === 'AuthFailure.UnauthorizedOperation' ||
    code === 'UnauthorizedOperation' ||
    code.startsWith('UnauthorizedOperation.') ||
    code === 'OperationDenied.CamUnauthorized'
  );
}

/**
 * Why a window left no file, from the pushes seen (null: they could not be read). Also what the app's alert banner
 * says for a stored `nothing` (its `outcomeDetail.pushes`), in the reader's language.
 */
export function nothingReason(windows: readonly TimeSpan[], pushes: readonly TimeSpan[] | null): NothingReason | null {
  if (pushes === null) return null;
  const pushed = intersectSpans(pushes, windows);
  if (pushed.length === 0) return 'never-pushed';
  // Each push shorter than 10 s gives no file; several short ones still give none.
  const longest = Math.max(...pushed.map((span) => span.endTime - span.startTime));
  return longest < MIN_RECORDED_PUSH_SECONDS ? 'pushed-too-short' : 'pushed-no-file';
}

/**
 * Settles the outcome. Gaps: the uncovered stretches between the first and the last file over 60 s, plus uncovered
 * pushed time over 60 s anywhere in the window (a stream pushed before the first file or after the last one). Time the
 * stream was not pushed before the first or after the last file is not a gap: the window was simply wider than the show.
 */
export function settleOutcome(input: OutcomeInput): RecordingOutcome {
  const windows = mergeSpans(input.windows);
  const windowEnd = windows.at(-1)?.endTime ?? 0;
  const readyAt = windowEnd + (input.filesReadySeconds ?? FILES_READY_SECONDS);
  if (input.now < windowEnd) return { outcome: 'pending', reason: 'window-not-ended', readyAt };
  if (isLookupError(input.files)) {
    const { error } = input.files;
    return {
      outcome: 'unknown',
      reason: isPermissionRefusal(error.code) ? 'vod-permission' : 'lookup-failed',
      error: { code: error.code, message: error.message },
    };
  }
  if (input.now < readyAt) return { outcome: 'pending', reason: 'files-not-ready', readyAt };

  const covered = intersectSpans(input.files, windows);
  const pushed = input.pushes === null ? null : intersectSpans(input.pushes, windows);
  if (covered.length === 0) return { outcome: 'nothing', reason: nothingReason(windows, input.pushes) };

  const first = covered[0]?.startTime ?? 0;
  const last = covered.at(-1)?.endTime ?? 0;
  const interior = subtractSpans(intersectSpans([{ startTime: first, endTime: last }], windows), covered);
  const pushedUncovered = pushed === null ? [] : subtractSpans(pushed, covered);
  const candidates = mergeSpans([
    ...interior,
    ...pushedUncovered.filter((span) => span.endTime <= first || span.startTime >= last),
  ]);
  const gaps: OutcomeGap[] = [];
  for (const span of candidates) {
    if (span.endTime - span.startTime <= MAX_HARMLESS_GAP_SECONDS) continue;
    const pushedThen = pushed === null ? null : total(intersectSpans([span], pushed)) > 0;
    gaps.push({ startTime: span.startTime, endTime: span.endTime, pushed: pushedThen });
  }
  return gaps.length === 0 ? { outcome: 'recorded', gaps: [] } : { outcome: 'partial', gaps };
}

/** One English sentence on the outcome (null for a clean `recorded`), for `taper files` and the JSON `reason`. */
export function describeOutcome(outcome: RecordingOutcome, formatTime: (seconds: number) => string): string | null {
  switch (outcome.outcome) {
    case 'recorded':
      return null;
    case 'partial': {
      const lost = outcome.gaps.filter((gap) => gap.pushed === true).length;
      return (
        `${outcome.gaps.length} gap(s) over ${MAX_HARMLESS_GAP_SECONDS} s without a file` +
        (lost > 0 ? `; ${lost} while the stream was pushed (recording lost).` : '; the stream was not pushed then.')
      );
    }
    case 'nothing':
      switch (outcome.reason) {
        case 'never-pushed':
          return 'No file: the stream was never pushed during the window.';
        case 'pushed-too-short':
          return `No file: the stream was pushed for less than ${MIN_RECORDED_PUSH_SECONDS} s, and shorter pushes are not recorded.`;
        case 'pushed-no-file':
          return 'No file, although the stream was pushed during the window: check the task, its template and the VOD storage.';
        case null:
          return 'No file; whether the stream was pushed could not be read.';
      }
      return null;
    case 'pending':
      return outcome.reason === 'window-not-ended'
        ? `The window has not ended; files are listed about ${FILES_READY_SECONDS / 60} minutes after it (from ${formatTime(outcome.readyAt)}).`
        : `The window ended less than ${FILES_READY_SECONDS / 60} minutes ago; files may still appear (ask again from ${formatTime(outcome.readyAt)}).`;
    case 'unknown':
      return outcome.reason === 'vod-permission'
        ? `VOD refused the file lookup (${outcome.error.code}): the key may not read VOD media. Attach the CAM policy ${VOD_READ_POLICY} to it (or allow vod:SearchMedia), then ask again.`
        : `The file lookup failed (${outcome.error.code}: ${outcome.error.message}); ask again later.`;
  }
}
