// The on-disk layout of the history, versioned. history.json is a snapshot `{ version, seq, entries }`;
// history.journal holds one `{ seq, entry }` line per change made since the snapshot (see history-store.ts for why).
// Parsing is deliberately shallow (no per-entry schema validation): 20,000 entries must load in well under 150 ms.
import type { HistoryEntry } from '../../../shared/history.js';

/** The snapshot layout this build writes. */
export const HISTORY_VERSION = 1;

/** A parsed history.json. */
export interface HistorySnapshot {
  /** Layout version (after migration: HISTORY_VERSION). */
  version: number;
  /** The version the file was written in, when it was migrated on read (the next write rewrites it). */
  migratedFrom?: number;
  /** The last journal sequence number folded into this snapshot. */
  seq: number;
  entries: HistoryEntry[];
}

/** One journal line: the full entry as it is after the change (an upsert by id, so replaying twice is harmless). */
export interface JournalRecord {
  seq: number;
  entry: HistoryEntry;
}

export type ParseOutcome<T> =
  { kind: 'ok'; value: T } | { kind: 'corrupt'; reason: string } | { kind: 'newer'; version: number };

type Migration = (raw: unknown) => unknown;

/**
 * Migrations by the version they upgrade FROM. Version 0 is the pre-release layout: a bare array of entries without
 * `source` and `extension`.
 */
export const HISTORY_MIGRATIONS: Readonly<Record<number, Migration>> = {
  0: (raw) => ({
    version: 1,
    seq: 0,
    entries: (raw as Record<string, unknown>[]).map((entry) => ({ source: 'taper', extension: null, ...entry })),
  }),
};

function versionOf(raw: unknown): number | null {
  if (Array.isArray(raw)) return 0;
  if (typeof raw !== 'object' || raw === null) return null;
  const version = (raw as { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

/** Cheap structural check: an object with a string id. Full validation of 20,000 entries would cost the load budget. */
function looksLikeEntry(value: unknown): value is HistoryEntry {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** Parses (and migrates) history.json text. */
export function parseSnapshot(text: string): ParseOutcome<HistorySnapshot> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { kind: 'corrupt', reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  let version = versionOf(raw);
  if (version === null) return { kind: 'corrupt', reason: 'no schema version' };
  if (version > HISTORY_VERSION) return { kind: 'newer', version };
  const fileVersion = version;
  while (version < HISTORY_VERSION) {
    const migrate = HISTORY_MIGRATIONS[version];
    if (!migrate) return { kind: 'corrupt', reason: `no migration from version ${version}` };
    raw = migrate(raw);
    version = versionOf(raw) ?? HISTORY_VERSION;
  }
  const { seq, entries } = raw as { seq?: unknown; entries?: unknown };
  if (typeof seq !== 'number' || !Array.isArray(entries)) return { kind: 'corrupt', reason: 'missing seq or entries' };
  for (const entry of entries) if (!looksLikeEntry(entry)) return { kind: 'corrupt', reason: 'an entry has no id' };
  const snapshot: HistorySnapshot = { version, seq, entries: entries as HistoryEntry[] };
  if (fileVersion !== version) snapshot.migratedFrom = fileVersion;
  return { kind: 'ok', value: snapshot };
}

/** Parsed journal: its complete records and the byte length they span (a torn last line is not counted). */
export interface ParsedJournal {
  records: JournalRecord[];
  /** Bytes up to and including the last newline; anything after it is a write a crash cut short. */
  validLength: number;
  /** Complete lines that are no record (bad JSON, no seq or entry), as they were, with why: the store quarantines them. */
  damaged: DamagedLine[];
}

export interface DamagedLine {
  /** 1-based line number in the text parsed. */
  line: number;
  text: string;
  reason: string;
}

/**
 * Parses journal text. An unterminated last line is a write the process died in (its caller was never told it was
 * saved), so it is ignored. A complete line that does not parse is damage to that line alone: every record is a whole
 * entry, so the lines around it stand on their own and are kept; the damaged line is returned to be moved aside.
 */
export function parseJournal(text: string): ParseOutcome<ParsedJournal> {
  const end = text.lastIndexOf('\n') + 1;
  const records: JournalRecord[] = [];
  const damaged: DamagedLine[] = [];
  let start = 0;
  let lineNumber = 0;
  while (start < end) {
    const newline = text.indexOf('\n', start);
    const line = text.slice(start, newline);
    start = newline + 1;
    lineNumber += 1;
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      damaged.push({ line: lineNumber, text: line, reason: 'not valid JSON' });
      continue;
    }
    const { seq, entry } = (record ?? {}) as { seq?: unknown; entry?: unknown };
    if (typeof seq !== 'number' || !looksLikeEntry(entry)) {
      damaged.push({ line: lineNumber, text: line, reason: 'no seq or entry' });
      continue;
    }
    records.push({ seq, entry });
  }
  return { kind: 'ok', value: { records, validLength: Buffer.byteLength(text.slice(0, end)), damaged } };
}

/** Serialises a snapshot; `serialize` lets the caller reuse the cached JSON of unchanged entries. */
export function serializeSnapshot(
  seq: number,
  entries: readonly HistoryEntry[],
  serialize: (entry: HistoryEntry) => string,
): string {
  const lines = entries.map(serialize);
  return `{"version":${HISTORY_VERSION},"seq":${seq},"entries":[\n${lines.join(',\n')}\n]}\n`;
}

export function serializeJournalRecord(record: JournalRecord, serialize: (entry: HistoryEntry) => string): string {
  return `{"seq":${record.seq},"entry":${serialize(record.entry)}}\n`;
}
