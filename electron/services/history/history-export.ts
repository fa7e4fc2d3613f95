// CSV and JSON exports of the history, in the CLI contract's field order.
import type { HistoryEntry } from '../../../shared/history.js';

/** The CLI JSON contract's fields, in its order (also the CSV header). */
export const EXPORT_FIELDS = [
  'taskId',
  'requestId',
  'status',
  'domain',
  'app',
  'stream',
  'startTime',
  'endTime',
  'templateId',
  'streamType',
  'profile',
  'region',
  'createdAt',
  'error',
] as const satisfies readonly (keyof HistoryEntry)[];

/** Cells a spreadsheet would evaluate as a formula (=, +, -, @; tab and CR too, per OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: quote when needed, double inner quotes; a leading `'` defuses formula injection. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function cellText(entry: HistoryEntry, field: (typeof EXPORT_FIELDS)[number]): string {
  if (field === 'error') return entry.error === null ? '' : `${entry.error.code}: ${entry.error.message}`;
  const value = entry[field];
  return value === null || value === undefined ? '' : String(value);
}

/**
 * Put before a CSV written to a FILE: Excel reads a CSV without it in the system's ANSI code page, which garbles
 * Chinese stream names; with it, as UTF-8. Not on stdout, where a script's first header cell would start with it.
 */
export const CSV_FILE_BOM = '\uFEFF';

/** Header row plus one row per entry, CRLF line ends (RFC 4180). */
export function toCsv(entries: readonly HistoryEntry[]): string {
  const rows = [EXPORT_FIELDS.join(',')];
  for (const entry of entries) rows.push(EXPORT_FIELDS.map((field) => csvCell(cellText(entry, field))).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

/** The entries as the CLI's `history --json` shows them (contract fields first, then the rest). */
export function toJson(entries: readonly HistoryEntry[]): string {
  return `${JSON.stringify(
    entries.map((entry) => exportObject(entry)),
    null,
    2,
  )}\n`;
}

function exportObject(entry: HistoryEntry): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const field of EXPORT_FIELDS) ordered[field] = entry[field];
  return { ...ordered, ...entry };
}
