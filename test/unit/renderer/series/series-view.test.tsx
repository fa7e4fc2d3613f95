/** @vitest-environment jsdom */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SeriesList } from '../../../../renderer/series/series-view.js';
import { ok } from '../../../../shared/result.js';
import { fakeApi, seriesSummary } from '../../support/fake-api.js';
import { renderWith } from '../../support/render.js';

// 2026-11-25 12:00 UTC, a Wednesday.
const NOW_MS = 1_795_608_000_000;
const NOW = NOW_MS / 1000;

afterEach(cleanup);

const created = {
  date: '2026-11-30',
  startTime: NOW + 5 * 86_400,
  endTime: NOW + 5 * 86_400 + 3_600,
  state: 'created' as const,
  taskIds: ['T-30'],
  error: null,
  dst: null,
  earlierSchedule: false,
  changed: false,
};
const planned = {
  ...created,
  date: '2026-12-07',
  startTime: NOW + 12 * 86_400,
  endTime: NOW + 12 * 86_400 + 3_600,
  state: 'planned' as const,
  taskIds: [],
};

function setup(list = [seriesSummary({ upcoming: [created, planned] })]) {
  const api = fakeApi({
    series: { list: vi.fn(async () => ok(list)) },
    events: { onPlansChanged: vi.fn(() => () => undefined) } as never,
  });
  const user = userEvent.setup();
  renderWith(<SeriesList timeZone="Asia/Shanghai" />, { api, clock: () => NOW_MS });
  return { api, user };
}

describe('SeriesList', () => {
  it('lists each show with its next occurrences: state and TaskId', async () => {
    setup();
    const card = await screen.findByRole('article', { name: 'show' });
    expect(within(card).getByTestId('series-schedule').textContent).toContain('Mon at 20:00 (Asia/Shanghai), 1h each');
    const rows = within(card).getAllByRole('row').slice(1);
    expect(
      rows.map((row) => [
        row.getAttribute('data-date'),
        row.getAttribute('data-state'),
        row.textContent?.includes('T-30'),
      ]),
    ).toEqual([
      ['2026-11-30', 'created', true],
      ['2026-12-07', 'planned', false],
    ]);
  });

  it('remove asks first and names the created tasks that are kept', async () => {
    const { api, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Remove show' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Tasks already created are kept: T-30');
    await user.click(within(dialog).getByRole('button', { name: 'No, keep it' }));
    expect(api.series.remove).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Remove show' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Yes' }));
    expect(api.series.remove).toHaveBeenCalledWith({ id: 'series-1' });
  });

  it('cancels one chosen upcoming occurrence after confirming, saying its task is deleted', async () => {
    const { api, user } = setup();
    await user.selectOptions(await screen.findByLabelText('Occurrence'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Cancel occurrence show' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('Its task T-30 will be deleted.');
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    expect(api.series.cancelOccurrence).toHaveBeenCalledWith({ id: 'series-1', date: '2026-11-30' });
  });

  it('changes the time of one chosen occurrence: preset to its window, problems live, then the new window and tasks said', async () => {
    const { api, user } = setup();
    const moved = {
      ...created,
      startTime: created.startTime + 5_400,
      endTime: created.startTime + 10_800,
      taskIds: ['T-31'],
      changed: true,
    };
    const after = seriesSummary({
      upcoming: [moved, planned],
      overrides: { '2026-11-30': { startWallTime: '21:30', durationSeconds: 5_400 } },
    });
    vi.mocked(api.series.editOccurrence).mockImplementationOnce(async () => {
      vi.mocked(api.series.list).mockResolvedValue(ok([after])); // What main lists from now on.
      return ok({
        moved: true,
        series: after,
        startTime: moved.startTime,
        endTime: moved.endTime,
        actions: [{ taskId: 'T-30', action: 'deleted', error: null }],
        createdTaskIds: ['T-31'],
        error: null,
        warnings: [],
      });
    });
    await user.selectOptions(await screen.findByLabelText('Occurrence'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Change time… show' }));
    const start = screen.getByLabelText('New start (local time)');
    const duration = screen.getByLabelText('New duration');
    expect([(start as HTMLInputElement).value, (duration as HTMLInputElement).value]).toEqual(['20:00', '1h']);
    expect(screen.getByText('Its task T-30 will be deleted and a new one created for the new window.')).toBeTruthy();

    await user.clear(start);
    await user.type(start, '25:00');
    expect(document.querySelector('#occurrence-startWallTime-problems li')?.getAttribute('data-code')).toBe(
      'Series.OverrideInvalid',
    );
    expect((screen.getByRole('button', { name: 'Change occurrence' }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(start);
    await user.type(start, '21:30');
    await user.clear(duration);
    await user.type(duration, '90m');
    expect(screen.getByTestId('occurrence-new-window').textContent).toContain('2026-11-30 21:30:00');
    await user.click(screen.getByRole('button', { name: 'Change occurrence' }));

    expect(api.series.editOccurrence).toHaveBeenCalledWith({
      id: 'series-1',
      date: '2026-11-30',
      patch: { startWallTime: '21:30', durationSeconds: 5_400 },
    });
    const notice = await screen.findByTestId('series-notice');
    expect(notice.textContent).toContain('Changed the occurrence of 2026-11-30: 2026-11-30 21:30:00');
    expect(notice.textContent).toContain('Task T-30 deleted. Task T-31 created.');
    const row = document.querySelector('tr[data-date="2026-11-30"]');
    expect(row?.textContent).toContain('changed');
    expect(row?.textContent).toContain('T-31');
  });

  it('the add form shows every problem live and sends only a valid series', async () => {
    const { api, user } = setup([]);
    await user.click(await screen.findByRole('button', { name: 'Add a show' }));
    const submit = screen.getByRole('button', { name: 'Add show' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    expect([...document.querySelectorAll('.field-problems li')].map((item) => item.getAttribute('data-code'))).toEqual(
      expect.arrayContaining(['DomainName.Required', 'StreamName.Required', 'Series.DaysInvalid']),
    );
    await user.type(screen.getByLabelText('Push domain'), '5000.livepush.myqcloud.com');
    await user.type(screen.getByLabelText('Stream name'), 'news');
    await user.click(screen.getByLabelText('Mon'));
    await user.click(screen.getByLabelText('Fri'));
    await user.clear(screen.getByLabelText('Starts at (local time)'));
    await user.type(screen.getByLabelText('Starts at (local time)'), '25:00');
    expect(screen.getByText(/HH:MM/, { selector: 'li' })).toBeTruthy();
    await user.clear(screen.getByLabelText('Starts at (local time)'));
    await user.type(screen.getByLabelText('Starts at (local time)'), '19:30');
    expect(screen.getByTestId('series-preview').textContent).toContain('2026-11-27 19:30:00');
    await user.click(submit);
    await waitFor(() => expect(api.series.add).toHaveBeenCalled());
    expect(vi.mocked(api.series.add).mock.calls[0]?.[0]).toEqual({
      series: {
        stream: { domainName: '5000.livepush.myqcloud.com', appName: 'live', streamName: 'news' },
        daysOfWeek: [1, 5],
        startWallTime: '19:30',
        durationSeconds: 3_600,
        timeZone: 'Asia/Shanghai',
      },
    });
    expect(await screen.findByTestId('series-notice')).toBeTruthy();
  });
});
