/** @vitest-environment jsdom */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryView } from '../../../../renderer/history/history-view.js';
import { filterHistory } from '../../../../renderer/history/history-search.js';
import type { HistoryEntry } from '../../../../shared/history.js';
import { fakeApi, historyEntry } from '../../support/fake-api.js';
import { renderWith } from '../../support/render.js';

const NOW_MS = 1_795_608_000_000;
const NOW = NOW_MS / 1000;

// jsdom has no layout: give the scroll container the size a window would (rows measure by their estimate).
const realHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
const realWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 560 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 900 });
});
afterEach(() => {
  cleanup();
  if (realHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', realHeight);
  if (realWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', realWidth);
});

function setup(entries: HistoryEntry[], api = fakeApi()) {
  const onChanged = vi.fn();
  const onSync = vi.fn();
  const user = userEvent.setup();
  renderWith(
    <HistoryView
      entries={entries}
      loadError={null}
      timeZone="UTC"
      lastSyncedAt={NOW - 60}
      syncing={false}
      onSync={onSync}
      onChanged={onChanged}
    />,
    { api, clock: () => NOW_MS },
  );
  return { api, user, onChanged, onSync };
}

const rows = () => [...document.querySelectorAll('.history-row')] as HTMLElement[];

describe('HistoryView', () => {
  it('renders only a window of 20,000 rows (virtualised), newest first', () => {
    const entries = Array.from({ length: 20_000 }, (_, index) =>
      historyEntry({ stream: `s${index}`, createdAt: NOW - 20_000 + index }),
    );
    setup(entries);
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0]?.textContent).toContain('s19999');
    expect(screen.getByTestId('history-count').textContent).toBe('20000 of 20000 attempts');
  });

  it('shows a settled outcome on its row: recorded with its files and length, nothing with the reason; none before', () => {
    const file = {
      fileId: 'f1',
      url: 'https://v.example/f1.m3u8',
      startTime: NOW - 7_200,
      endTime: NOW - 120,
      durationSeconds: 7_080,
      sizeBytes: 1,
    };
    const detail = { gaps: [], pushes: [], settledAt: NOW, acknowledgedAt: null };
    setup([
      historyEntry({
        stream: 'recorded-show',
        status: 'finished',
        createdAt: NOW - 300,
        outcome: 'recorded',
        outcomeDetail: { ...detail, reason: null, files: [file] },
      }),
      historyEntry({
        stream: 'empty-show',
        status: 'finished',
        createdAt: NOW - 200,
        outcome: 'nothing',
        outcomeDetail: { ...detail, reason: 'No file: the stream was never pushed during the window.', files: [] },
      }),
      historyEntry({ stream: 'waiting-show', status: 'finished', createdAt: NOW - 100 }),
    ]);
    const outcomeOf = (stream: string) =>
      rows()
        .find((row) => row.querySelector('strong')?.textContent === stream)
        ?.querySelector('[data-testid="outcome"]');
    expect(outcomeOf('recorded-show')?.textContent).toBe('recorded · 1 file(s), 1 h 58 min');
    expect(outcomeOf('empty-show')?.textContent).toBe('nothing recorded');
    expect(outcomeOf('empty-show')?.getAttribute('title')).toBe(
      'No file: the stream was never pushed during the window.',
    );
    expect(outcomeOf('waiting-show')).toBeNull();
  });

  it('searches by stream and filters by status', async () => {
    const entries = [
      historyEntry({ stream: 'Evening-News', status: 'finished', createdAt: NOW - 300 }),
      historyEntry({
        stream: 'morning-show',
        status: 'failed',
        taskId: null,
        error: { code: 'AuthFailure', message: 'x' },
        createdAt: NOW - 200,
      }),
      historyEntry({ stream: 'evening-sport', status: 'scheduled', createdAt: NOW - 100 }),
    ];
    const { user } = setup(entries);
    await user.type(screen.getByLabelText('Search stream'), 'EVENING');
    expect(rows().map((row) => row.querySelector('strong')?.textContent)).toEqual(['evening-sport', 'Evening-News']);
    await user.selectOptions(screen.getByLabelText('Status'), 'finished');
    expect(rows().map((row) => row.querySelector('strong')?.textContent)).toEqual(['Evening-News']);
    await user.clear(screen.getByLabelText('Search stream'));
    await user.selectOptions(screen.getByLabelText('Status'), 'failed');
    expect(rows()[0]?.textContent).toContain('AuthFailure');
  });

  it('filters by a date range (windows overlapping it)', () => {
    const inside = historyEntry({ startTime: 1_000_000, endTime: 1_003_600 });
    const outside = historyEntry({ startTime: 2_000_000, endTime: 2_003_600 });
    expect(filterHistory([inside, outside], { search: '', status: '', from: 999_000, until: 1_100_000 })).toEqual([
      inside,
    ]);
  });

  it('stops a task only after confirmation', async () => {
    const entry = historyEntry({ stream: 'live-one', status: 'scheduled', taskId: 'task-9', createdAt: NOW - 10 });
    const { user, api, onChanged } = setup([entry]);
    await user.click(screen.getByRole('button', { name: 'Stop live-one task-9' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('task-9');
    await user.click(within(dialog).getByRole('button', { name: 'No, keep it' }));
    expect(api.tasks.stop).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Stop live-one task-9' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Yes' }));
    expect(api.tasks.stop).toHaveBeenCalledWith({ id: entry.id });
    expect(onChanged).toHaveBeenCalled();
  });

  it('marks entries whose 3-month platform record has expired, and offers no stop for finished ones', () => {
    setup([historyEntry({ stream: 'old', status: 'finished', createdAt: NOW - 100 * 86_400 })]);
    expect(rows()[0]?.textContent).toContain('platform record expired');
    expect(screen.queryByRole('button', { name: /Stop/ })).toBeNull();
  });

  it('exports and reports where the file went; shows the last sync', async () => {
    const { user, api } = setup([historyEntry({})]);
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(api.history.export).toHaveBeenCalledWith({ format: 'json' });
    expect(await screen.findByText('Saved to /tmp/history.csv')).toBeTruthy();
    expect(screen.getByTestId('last-synced').textContent).toContain('Last synced: 2026-11-25 11:59:00');
  });
});
