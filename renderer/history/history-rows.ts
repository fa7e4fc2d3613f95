// What the history's virtual list shows: items, the links of the expanded recordings under them, and a settled
// window's files under its row; with each row's key and estimated height.
import type { HistoryEntry } from '../../shared/history';
import { hasOutcomeDetail } from './outcome-detail';
import type { GroupLink, HistoryItem, RecordingGroup } from './recording-groups';

export type Row =
  | { kind: 'item'; item: HistoryItem }
  | { kind: 'link'; group: RecordingGroup; link: GroupLink; position: number }
  | { kind: 'files'; entry: HistoryEntry };

const ROW_HEIGHT = 64;
/** A link inside an expanded recording: one line of text. */
const LINK_ROW_HEIGHT = 44;
/** A settled window's files under its row: a reason line, headings, then one line per file or gap (measured). */
const FILES_ROW_BASE = 64;
const FILES_LINE_HEIGHT = 34;

export function historyRows(
  shown: readonly HistoryItem[],
  expanded: ReadonlySet<string>,
  filesShown: ReadonlySet<string>,
): Row[] {
  const list: Row[] = [];
  const withFiles = (entry: HistoryEntry | null) => {
    if (hasOutcomeDetail(entry) && filesShown.has(entry.id)) list.push({ kind: 'files', entry });
  };
  for (const item of shown) {
    list.push({ kind: 'item', item });
    if (item.kind === 'task') withFiles(item.entry);
    else if (expanded.has(item.recordingId)) {
      item.links.forEach((link, position) => {
        list.push({ kind: 'link', group: item, link, position });
        withFiles(link.entry);
      });
    }
  }
  return list;
}

export function keyOf(row: Row | undefined): string {
  if (row === undefined) return '';
  if (row.kind === 'files') return `files:${row.entry.id}`;
  if (row.kind === 'link') return `${row.group.recordingId}#${row.position}`;
  return row.item.kind === 'task' ? row.item.entry.id : `recording:${row.item.recordingId}`;
}

export function estimatedSize(row: Row | undefined): number {
  if (row?.kind === 'link') return LINK_ROW_HEIGHT;
  if (row?.kind !== 'files') return ROW_HEIGHT;
  const detail = row.entry.outcomeDetail;
  return FILES_ROW_BASE + FILES_LINE_HEIGHT * Math.max(1, (detail?.files.length ?? 0) + (detail?.gaps.length ?? 0));
}

export function toggled(current: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(current);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** A `<input type=date>` value as the start of that day in the operator's local zone (the browser's), Unix seconds. */
export function dayStart(date: string): number | undefined {
  if (date === '') return undefined;
  const ms = new Date(`${date}T00:00:00`).getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

export function dayEnd(date: string): number | undefined {
  const start = dayStart(date);
  return start === undefined ? undefined : start + 86_399;
}
