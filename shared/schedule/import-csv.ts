// `taper import FILE.csv`: rows of streams and windows into record requests, every bad row reported with its line,
// so a 200-row file is fixed in one pass rather than one error at a time.
import type { RecordRequest } from '../domain.js';
import { normalizeRecordRequest, validateRecordRequest } from '../rules/validate-record.js';
import { parseDuration } from '../time/duration.js';
import { parseUserTime } from '../time/parse-user-time.js';

/** One valid row. */
export interface ImportRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  /** What the row asks for; may be longer than 24 h or start far ahead (the scheduler chains and plans it). */
  request: RecordRequest;
}

/** Why a row (or the header) cannot be used. */
export interface ImportProblem {
  /** 1-based line of the file. */
  line: number;
  /** English explanation naming the column. */
  message: string;
}

export interface ParsedImport {
  rows: ImportRow[];
  problems: ImportProblem[];
}

export interface ImportOptions {
  /** Zone for wall times without an offset. */
  timeZone: string;
  /** The current time, Unix seconds (relative times, "end in the past"). */
  nowSeconds: number;
}

/** The columns a file may have; `until` or `duration` (one of them) is required, template and mixed are optional. */
export const IMPORT_COLUMNS = ['domain', 'app', 'stream', 'from', 'until', 'duration', 'template', 'mixed'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

const REQUIRED: readonly Column[] = ['domain', 'app', 'stream', 'from'];
/** Header and 10,000 rows: more is a mistake (or a job for several files), not an import. */
export const MAX_IMPORT_ROWS = 10_000;

/** Splits CSV text (RFC 4180: quotes, doubled quotes, CRLF) into records, each with the line it starts on. */
export function readCsvRecords(text: string): { line: number; fields: string[] }[] | { error: ImportProblem } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text; // Spreadsheets write a BOM.
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index] as string;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index += 1;
      if (fieldStarted || field !== '' || fields.length > 0)
        records.push({ line: recordLine, fields: [...fields, field] });
      fields = [];
      field = '';
      fieldStarted = false;
      line += 1;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted)
    return { error: { line: recordLine, message: 'A quoted field is not closed before the end of the file.' } };
  if (fieldStarted || field !== '' || fields.length > 0) records.push({ line: recordLine, fields: [...fields, field] });
  return records;
}

/**
 * Reads an import file: a header row naming the columns (any order, case-insensitive), then one row per recording.
 * Columns: domain, app, stream, from (empty: now), until or duration (`2h`, `90m`), template (optional id), mixed
 * (optional: 1/0, yes/no, true/false). Every problem is reported with its line; rows that are valid are returned
 * either way, and the caller decides whether to send anything when problems exist.
 */
export function parseImportCsv(text: string, options: ImportOptions): ParsedImport {
  const records = readCsvRecords(text);
  if (!Array.isArray(records)) return { rows: [], problems: [records.error] };
  const nonEmpty = records.filter((record) => record.fields.some((value) => value.trim() !== ''));
  const header = nonEmpty[0];
  if (header === undefined) {
    return {
      rows: [],
      problems: [
        { line: 1, message: `The file is empty; the first row must name the columns: ${IMPORT_COLUMNS.join(',')}.` },
      ],
    };
  }
  const headerProblems: ImportProblem[] = [];
  const columns = new Map<Column, number>();
  header.fields.forEach((name, position) => {
    const key = name.trim().toLowerCase();
    if (!(IMPORT_COLUMNS as readonly string[]).includes(key)) {
      headerProblems.push({
        line: header.line,
        message: `Unknown column "${name.trim()}"; the columns are ${IMPORT_COLUMNS.join(', ')}.`,
      });
    } else if (columns.has(key as Column)) {
      headerProblems.push({ line: header.line, message: `Column "${key}" appears twice.` });
    } else columns.set(key as Column, position);
  });
  for (const column of REQUIRED) {
    if (!columns.has(column))
      headerProblems.push({
        line: header.line,
        message: `The header has no "${column}" column (a header row is required: ${IMPORT_COLUMNS.join(',')}).`,
      });
  }
  if (columns.has('until') === columns.has('duration')) {
    headerProblems.push({
      line: header.line,
      message: 'The header must have exactly one of the columns "until" and "duration".',
    });
  }
  if (headerProblems.length > 0) return { rows: [], problems: headerProblems };
  const data = nonEmpty.slice(1);
  if (data.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      problems: [
        {
          line: header.line,
          message: `The file has ${data.length} rows; at most ${MAX_IMPORT_ROWS} are imported at once. Split it.`,
        },
      ],
    };
  }

  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    const value = (column: Column) => {
      const position = columns.get(column);
      return position === undefined ? '' : (record.fields[position] ?? '').trim();
    };
    const rowProblems: string[] = [];
    if (record.fields.length > header.fields.length)
      rowProblems.push(`${record.fields.length} fields but the header has ${header.fields.length}`);
    const parsed = parseRow(value, options, rowProblems);
    if (parsed !== null && rowProblems.length === 0) {
      const key = JSON.stringify([
        parsed.domainName.toLowerCase(),
        parsed.appName,
        parsed.streamName,
        parsed.startTime ?? 'now',
        parsed.endTime,
      ]);
      const earlier = seen.get(key);
      if (earlier !== undefined)
        rowProblems.push(`same stream and window as line ${earlier} (it would be recorded twice)`);
      else seen.set(key, record.line);
    }
    if (rowProblems.length > 0 || parsed === null)
      problems.push({ line: record.line, message: rowProblems.join('; ') });
    else rows.push({ line: record.line, request: parsed });
  }
  return { rows, problems };
}

function parseRow(value: (column: Column) => string, options: ImportOptions, problems: string[]): RecordRequest | null {
  let startTime: number | undefined;
  const from = value('from');
  if (from !== '' && !/^now$/i.test(from)) {
    const parsed = parseUserTime(from, options);
    if (parsed.ok) startTime = parsed.unix;
    else problems.push(`from: ${parsed.message}`);
  }
  let endTime: number | undefined;
  const until = value('until');
  const duration = value('duration');
  if (until === '' && duration === '') problems.push('until/duration: empty; say when the recording ends');
  else if (until !== '') {
    const parsed = parseUserTime(until, options);
    if (parsed.ok) endTime = parsed.unix;
    else problems.push(`until: ${parsed.message}`);
  } else {
    const parsed = parseDuration(duration);
    if (parsed.ok) endTime = (startTime ?? options.nowSeconds) + parsed.seconds;
    else problems.push(`duration: ${parsed.message}`);
  }
  let templateId: number | undefined;
  const template = value('template');
  if (template !== '') {
    if (/^\d{1,15}$/.test(template)) templateId = Number(template);
    else problems.push(`template: "${template}" is not a template id (a whole number)`);
  }
  let streamType: 0 | 1 = 0;
  const mixed = value('mixed').toLowerCase();
  if (['1', 'yes', 'true', 'y'].includes(mixed)) streamType = 1;
  else if (!['', '0', 'no', 'false', 'n'].includes(mixed))
    problems.push(`mixed: "${mixed}" is not 1/0, yes/no or true/false`);

  if (endTime === undefined) return null;
  const start = startTime ?? options.nowSeconds;
  if (endTime <= start) problems.push('until: the end is not after the start');
  else if (endTime <= options.nowSeconds) problems.push('until: the end is in the past');
  const request = normalizeRecordRequest({
    domainName: value('domain'),
    appName: value('app'),
    streamName: value('stream'),
    ...(startTime === undefined ? {} : { startTime }),
    endTime,
    streamType,
    ...(templateId === undefined ? {} : { templateId }),
  });
  // Names are checked with the record rules; the window's length and distance are the scheduler's business.
  const probe = { ...request, startTime: undefined, endTime: options.nowSeconds + 3_600 };
  for (const problem of validateRecordRequest(probe, options.nowSeconds)) {
    if (problem.field !== 'startTime' && problem.field !== 'endTime')
      problems.push(`${problem.field}: ${problem.message}`);
  }
  return request;
}
