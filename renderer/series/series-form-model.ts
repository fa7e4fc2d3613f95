// The series (weekly show) form as plain data: what the user typed → the series main would store, every problem at
// once (placed on its field), the overlap and DST warnings, and the next occurrences. Pure, so tested without a DOM.
import type { Warning } from '../../shared/domain';
import type { IpcRequest, SeriesSummary } from '../../shared/ipc/contract';
import { normalizeRecordRequest, validateRecordRequest } from '../../shared/rules/validate-record';
import {
  occurrences,
  validateSeries,
  type IsoWeekday,
  type Occurrence,
  type Series,
} from '../../shared/schedule/series';
import { seriesOverlapWarnings } from '../../shared/schedule/series-overlap';
import { parseDuration } from '../../shared/time/duration';

/** What the form holds: text exactly as typed, days as toggles. */
export interface SeriesFields {
  name: string;
  domainName: string;
  appName: string;
  streamName: string;
  days: IsoWeekday[];
  /** `HH:MM` in `timeZone`. */
  startWallTime: string;
  /** e.g. `2h`, `90m`. */
  duration: string;
  timeZone: string;
  /** '' = no template, else the TemplateId. */
  templateId: string;
  mixed: boolean;
}

export type SeriesField =
  'name' | 'domainName' | 'appName' | 'streamName' | 'days' | 'startWallTime' | 'duration' | 'timeZone' | 'series';

export interface SeriesFieldProblem {
  field: SeriesField;
  code: string;
  message: string;
}

export type NewSeriesInput = IpcRequest<'series:add'>['series'];
export type SeriesPatchInput = IpcRequest<'series:update'>['patch'];

export interface SeriesAnalysis {
  /** What `series:add` would get; null while a problem remains. */
  input: NewSeriesInput | null;
  problems: SeriesFieldProblem[];
  warnings: Warning[];
  /** The next occurrences of the schedule as typed (DST placed). */
  preview: Occurrence[];
}

/** Occurrences shown under the form. */
const PREVIEW_COUNT = 4;
/** DST notes look this far ahead. */
const DST_LOOKAHEAD_SECONDS = 366 * 86_400;

export function emptySeriesFields(timeZone: string): SeriesFields {
  return {
    name: '',
    domainName: '',
    appName: 'live',
    streamName: '',
    days: [],
    startWallTime: '20:00',
    duration: '1h',
    timeZone,
    templateId: '',
    mixed: false,
  };
}

/** The form filled from a stored series, for editing. */
export function fieldsFromSeries(series: SeriesSummary): SeriesFields {
  return {
    name: series.name,
    domainName: series.stream.domainName,
    appName: series.stream.appName,
    streamName: series.stream.streamName,
    days: [...series.daysOfWeek],
    startWallTime: series.startWallTime,
    duration: durationText(series.durationSeconds),
    timeZone: series.timeZone,
    templateId: series.templateId === undefined ? '' : String(series.templateId),
    mixed: series.streamType === 1,
  };
}

/** `5400` → `1h30m`: what parseDuration reads back. */
export function durationText(seconds: number): string {
  const hours = Math.floor(seconds / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = seconds % 60;
  return `${hours > 0 ? `${hours}h` : ''}${minutes > 0 ? `${minutes}m` : ''}${rest > 0 ? `${rest}s` : ''}` || '0s';
}

/** `8:05` → `08:05`, as `taper series add --at` reads it. */
function wallTime(text: string): string {
  const trimmed = text.trim();
  return /^\d:\d\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
}

const SERIES_FIELD: Partial<Record<keyof Series, SeriesField>> = {
  daysOfWeek: 'days',
  startWallTime: 'startWallTime',
  durationSeconds: 'duration',
  timeZone: 'timeZone',
};
const STREAM_FIELDS: ReadonlySet<string> = new Set(['domainName', 'appName', 'streamName']);

/**
 * Every problem at once, the warnings and the preview. `others`: the stored series (the one being edited, `editingId`,
 * is left out of the overlap check).
 */
export function analyzeSeriesForm(
  fields: SeriesFields,
  nowSeconds: number,
  others: readonly Series[],
  editingId?: string,
): SeriesAnalysis {
  const problems: SeriesFieldProblem[] = [];
  const templateId = fields.templateId === '' ? undefined : Number(fields.templateId);
  const stream = normalizeRecordRequest({
    domainName: fields.domainName,
    appName: fields.appName,
    streamName: fields.streamName,
    endTime: nowSeconds + 3_600,
  });
  const probe = {
    ...stream,
    streamType: fields.mixed ? (1 as const) : (0 as const),
    ...(templateId === undefined ? {} : { templateId }),
  };
  for (const problem of validateRecordRequest(probe, nowSeconds)) {
    if (problem.field === 'startTime' || problem.field === 'endTime') continue;
    problems.push({
      field: STREAM_FIELDS.has(problem.field) ? (problem.field as SeriesField) : 'series',
      code: problem.code,
      message: problem.message,
    });
  }
  const duration = parseDuration(fields.duration);
  if (!duration.ok) problems.push({ field: 'duration', code: duration.code, message: duration.message });

  const series: Series = {
    id: editingId ?? 'new',
    name: fields.name.trim() || stream.streamName,
    stream: { domainName: stream.domainName, appName: stream.appName, streamName: stream.streamName },
    daysOfWeek: [...fields.days].sort((a, b) => a - b),
    startWallTime: wallTime(fields.startWallTime),
    // An unreadable duration is reported above: the series rules must not also say so.
    durationSeconds: duration.ok ? duration.seconds : 3_600,
    timeZone: fields.timeZone.trim(),
    cancelledDates: [],
    ...(templateId === undefined ? {} : { templateId }),
    ...(fields.mixed ? { streamType: 1 as const } : {}),
  };
  for (const problem of validateSeries(series))
    problems.push({ field: SERIES_FIELD[problem.field] ?? 'series', code: problem.code, message: problem.message });

  if (problems.length > 0) return { input: null, problems, warnings: [], preview: [] };
  const existing = others.filter((other) => other.id !== editingId);
  const upcoming = occurrences(series, nowSeconds, nowSeconds + DST_LOOKAHEAD_SECONDS);
  const warnings = [
    ...seriesOverlapWarnings(series, existing, nowSeconds),
    ...dstWarnings(upcoming, series.startWallTime),
  ];
  const input: NewSeriesInput = {
    stream: series.stream,
    daysOfWeek: series.daysOfWeek,
    startWallTime: series.startWallTime,
    durationSeconds: series.durationSeconds,
    timeZone: series.timeZone,
    ...(fields.name.trim() === '' ? {} : { name: fields.name.trim() }),
    ...(templateId === undefined ? {} : { templateId }),
    ...(fields.mixed ? { streamType: 1 as const } : {}),
  };
  return { input, problems, warnings, preview: upcoming.slice(0, PREVIEW_COUNT) };
}

/** The first day within a year whose start a DST change moves (gap) or makes ambiguous (overlap). */
function dstWarnings(upcoming: readonly Occurrence[], wall: string): Warning[] {
  const gap = upcoming.find((occurrence) => occurrence.dst === 'gap');
  const overlap = upcoming.find((occurrence) => occurrence.dst === 'overlap');
  return [
    ...(gap
      ? [
          {
            code: 'Series.DstGap',
            message: `On ${gap.date} ${wall} does not exist (clocks jump forward): that occurrence starts right after the jump.`,
          },
        ]
      : []),
    ...(overlap
      ? [
          {
            code: 'Series.DstOverlap',
            message: `On ${overlap.date} ${wall} happens twice (clocks go back): that occurrence starts at the first one.`,
          },
        ]
      : []),
  ];
}

/** Only what changed, for `series:update` (the stream cannot change: another stream is another series). */
export function seriesPatch(before: SeriesSummary, input: NewSeriesInput): SeriesPatchInput {
  const patch: SeriesPatchInput = {};
  if (input.daysOfWeek.join(',') !== before.daysOfWeek.join(',')) patch.daysOfWeek = input.daysOfWeek;
  if (input.startWallTime !== before.startWallTime) patch.startWallTime = input.startWallTime;
  if (input.durationSeconds !== before.durationSeconds) patch.durationSeconds = input.durationSeconds;
  if (input.timeZone !== before.timeZone) patch.timeZone = input.timeZone;
  if (input.templateId !== before.templateId) patch.templateId = input.templateId ?? null;
  const name = input.name ?? before.stream.streamName;
  if (name !== before.name) patch.name = input.name ?? '';
  return patch;
}
