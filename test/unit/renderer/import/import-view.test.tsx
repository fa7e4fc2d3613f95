/** @vitest-environment jsdom */
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportView } from '../../../../renderer/import/import-view.js';
import type { ImportProgress, ImportReport, ImportStatus } from '../../../../shared/ipc/contract.js';
import { ok, type Result } from '../../../../shared/result.js';
import { fakeApi } from '../../support/fake-api.js';
import { renderWith } from '../../support/render.js';

afterEach(cleanup);

const row = (line: number) => ({
  line,
  stream: { domainName: 'd.example.com', appName: 'live', streamName: `s${line}` },
  startTime: 1_800_000_000,
  endTime: 1_800_003_600,
  templateId: null,
  mixed: false,
  links: 1,
  farAhead: false,
});
const REPORT: ImportReport = {
  created: 2,
  unknown: 0,
  failed: 0,
  invalid: 1,
  startedAt: 1,
  finishedAt: 2,
  items: [
    {
      line: 2,
      stream: 'd.example.com/live/s2',
      startTime: 1_800_000_000,
      endTime: 1_800_003_600,
      status: 'created',
      taskIds: ['T-2'],
      plannedLinks: 0,
      warnings: [],
      error: null,
    },
    {
      line: 3,
      stream: '',
      startTime: null,
      endTime: null,
      status: 'invalid',
      taskIds: [],
      plannedLinks: 0,
      warnings: [],
      error: { code: 'Taper.InvalidInput', message: 'streamName: bad' },
    },
    {
      line: 4,
      stream: 'd.example.com/live/s4',
      startTime: 1_800_000_000,
      endTime: 1_800_003_600,
      status: 'created',
      taskIds: ['T-4'],
      plannedLinks: 0,
      warnings: [],
      error: null,
    },
  ],
};

function setup() {
  let push: (progress: ImportProgress) => void = () => undefined;
  let finish: (report: ImportReport) => void = () => undefined;
  const api = fakeApi({
    imports: {
      preview: vi.fn(async () => ok({ rows: [row(2), row(4)], problems: [{ line: 3, message: 'streamName: bad' }] })),
      run: vi.fn(() => new Promise<Result<ImportReport>>((resolve) => (finish = (report) => resolve(ok(report))))),
    },
    events: { onImportProgress: vi.fn((listener) => ((push = listener), () => undefined)) } as never,
  });
  const user = userEvent.setup();
  renderWith(<ImportView timeZone="UTC" />, { api, clock: () => 1_800_000_000_000 });
  return {
    api,
    user,
    push: (progress: ImportProgress) => act(() => push(progress)),
    // Async: the report arrives as the answer to a promise the view awaits.
    finish: (report: ImportReport) =>
      act(async () => {
        finish(report);
        await Promise.resolve();
      }),
  };
}

describe('ImportView', () => {
  it('previews rows and problems before sending, moves the bar with progress events, then shows the per-row report', async () => {
    const { api, user, push, finish } = setup();
    const file = new File(['domain,app,stream,from,duration\n'], 'shows.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('CSV file'), file);
    expect(await screen.findByTestId('import-summary')).toHaveProperty(
      'textContent',
      'shows.csv: 2 valid row(s), 1 problem(s).',
    );
    expect(screen.getByTestId('import-problems').textContent).toBe('Line 3: streamName: bad');
    expect(api.imports.run).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Import the 2 valid row(s), skip 1' }));
    expect(api.imports.run).toHaveBeenCalledWith({
      csv: 'domain,app,stream,from,duration\n',
      timeZone: 'UTC',
      skipInvalid: true,
    });
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    await push({ done: 1, total: 2, created: 1, unknown: 0, failed: 0 });
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('50%');
    expect(screen.getByTestId('import-progress-text').textContent).toBe('1 of 2 sent: 1 created, 0 failed, 0 unknown');

    await finish(REPORT);
    expect(screen.getByTestId('import-report-summary').textContent).toBe(
      '2 created, 0 unknown, 0 failed, 1 not sent (invalid).',
    );
    const rows = [...screen.getByTestId('import-report').querySelectorAll('tbody tr')].map((tr) => [
      tr.getAttribute('data-status'),
      tr.textContent?.includes('T-') ?? false,
    ]);
    expect(rows).toEqual([
      ['created', true],
      ['invalid', false],
      ['created', true],
    ]);
  });

  it('opened again during an import: shows its progress; after it: the last report (nothing is lost with the window)', async () => {
    const running = fakeApi({
      imports: {
        status: vi.fn(async () =>
          ok({ running: { done: 5, total: 9, created: 5, unknown: 0, failed: 0 }, last: null }),
        ),
      },
      events: { onImportProgress: vi.fn(() => () => undefined) } as never,
    });
    renderWith(<ImportView timeZone="UTC" />, { api: running, clock: () => 0 });
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('5'));
    cleanup();
    const finished = fakeApi({
      imports: { status: vi.fn(async () => ok({ running: null, last: REPORT })) },
      events: { onImportProgress: vi.fn(() => () => undefined) } as never,
    });
    renderWith(<ImportView timeZone="UTC" />, { api: finished, clock: () => 0 });
    expect(await screen.findByTestId('import-report-summary')).toBeTruthy();
  });
});

describe('ImportView in a reopened window', () => {
  it('follows an import it did not start and shows its report when main announces the end (history:changed)', async () => {
    let historyChanged: () => void = () => undefined;
    const status = vi.fn(async (): Promise<Result<ImportStatus>> =>
      ok({ running: { done: 1, total: 3, created: 1, unknown: 0, failed: 0 }, last: null }),
    );
    const api = fakeApi({
      imports: { status },
      events: {
        onImportProgress: vi.fn(() => () => undefined),
        onHistoryChanged: vi.fn((listener) => ((historyChanged = listener), () => undefined)),
      } as never,
    });
    renderWith(<ImportView timeZone="UTC" />, { api, clock: () => 0 });
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1'));
    status.mockResolvedValue(ok({ running: null, last: REPORT }));
    await act(async () => historyChanged());
    expect(await screen.findByTestId('import-report-summary')).toBeTruthy();
  });
});
