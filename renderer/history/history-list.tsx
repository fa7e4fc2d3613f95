// The history's rows, virtualised so 20,000 of them scroll smoothly: only a window is in the DOM, and each row says
// where it is in the whole.
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';
import type { HistoryEntry } from '../../shared/history';
import { useT } from '../i18n/i18n';
import { platformRecordExpired } from './history-search';
import { estimatedSize, keyOf, type Row } from './history-rows';
import { OutcomeDetail } from './outcome-detail';
import type { RecordingGroup } from './recording-groups';
import { LinkRow, RecordingRow } from './recording-row';
import { TaskRow } from './task-row';

/** A stop or delete asked for, waiting for its confirmation. */
export type Pending = {
  action: 'stop' | 'delete';
  target: { kind: 'task'; entry: HistoryEntry } | { kind: 'recording'; group: RecordingGroup };
};

interface Props {
  rows: readonly Row[];
  timeZone: string;
  nowSeconds: number;
  expanded: ReadonlySet<string>;
  filesShown: ReadonlySet<string>;
  onToggle: (recordingId: string) => void;
  onToggleFiles: (entryId: string) => void;
  onAction: (pending: Pending) => void;
}

export function HistoryList(props: Props) {
  const { rows } = props;
  const { t } = useT();
  const scroller = useRef<HTMLDivElement>(null);
  // Keys and sizes follow the rows: expanding a recording moves every row below it.
  const rowKey = useCallback((index: number) => keyOf(rows[index]), [rows]);
  const rowSize = useCallback((index: number) => estimatedSize(rows[index]), [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: rowSize,
    getItemKey: rowKey,
    overscan: 8,
    // jsdom and the first paint have no layout yet: assume a window-sized viewport.
    initialRect: { width: 900, height: 600 },
  });

  return (
    // A labelled, keyboard-scrollable region; the list is virtualised, so each row says where it is in the whole.
    <div ref={scroller} className="history-scroller" tabIndex={0} role="region" aria-label={t('history.title')}>
      <ul className="history-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const row = rows[virtual.index];
          return row === undefined ? null : (
            <HistoryRow key={virtual.key} {...props} row={row} virtual={virtual} measure={virtualizer.measureElement} />
          );
        })}
      </ul>
    </div>
  );
}

interface RowProps extends Props {
  row: Row;
  virtual: VirtualItem;
  measure: (element: HTMLLIElement | null) => void;
}

function HistoryRow({ row, virtual, measure, rows, timeZone, nowSeconds, expanded, filesShown, ...on }: RowProps) {
  const style = { transform: `translateY(${virtual.start}px)`, height: virtual.size };
  const position = { 'aria-setsize': rows.length, 'aria-posinset': virtual.index + 1 };
  if (row.kind === 'files') {
    // Its height follows its files and gaps (and wrapping): measured, not estimated.
    return (
      <li
        ref={measure}
        data-index={virtual.index}
        className="history-files-row"
        style={{ transform: style.transform }}
        {...position}
      >
        <OutcomeDetail entry={row.entry} timeZone={timeZone} />
      </li>
    );
  }
  if (row.kind === 'link') {
    const { entry } = row.link;
    return (
      <li
        className="history-link-row"
        data-status={row.link.status}
        data-recording-id={row.group.recordingId}
        style={style}
        {...position}
      >
        <LinkRow
          link={row.link}
          timeZone={timeZone}
          filesExpanded={entry !== null && filesShown.has(entry.id)}
          onToggleFiles={() => entry !== null && on.onToggleFiles(entry.id)}
        />
      </li>
    );
  }
  const { item } = row;
  if (item.kind === 'recording') {
    return (
      <li className="history-row recording-row" data-recording-id={item.recordingId} style={style} {...position}>
        <RecordingRow
          group={item}
          timeZone={timeZone}
          expanded={expanded.has(item.recordingId)}
          onToggle={() => on.onToggle(item.recordingId)}
          onAction={(action) => on.onAction({ action, target: { kind: 'recording', group: item } })}
        />
      </li>
    );
  }
  const { entry } = item;
  return (
    <li className="history-row" data-status={entry.status} style={style} {...position}>
      <TaskRow
        entry={entry}
        timeZone={timeZone}
        expired={platformRecordExpired(entry, nowSeconds)}
        onAction={(action) => on.onAction({ action, target: { kind: 'task', entry } })}
        filesExpanded={filesShown.has(entry.id)}
        onToggleFiles={() => on.onToggleFiles(entry.id)}
      />
    </li>
  );
}
