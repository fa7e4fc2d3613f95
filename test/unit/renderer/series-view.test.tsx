/** @vitest-environment jsdom */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SeriesList } from '../../../renderer/series/series-view.js';
import { ok } from '../../../shared/result.js';
import { fakeApi, seriesView } from './fake-api.js';
import { renderWith } from './render.js';

// 2026-11-25 12:00 UTC, a Wednesday.
const NOW_MS = 1_795_608_000_000;
const NOW = NOW_MS / 1000;

afterEach(cleanup);

const created = { date: '2026-11-30', startTime: NOW + 5 * 86_400, endTime: NOW + 5 * 86_400 + 3_600, state: 'created' as const, taskIds: ['T-30'], error: null, dst: null, earlierSchedule: false };
const planned = { ...created, date: '2026-12-07', startTime: NOW + 12 * 86_400, endTime: NOW + 12 * 86_400 + 3_600, state: 'planned' as const, taskIds: [] };

function setup(list = [seriesView({ upcoming: [created, planned] })]) {
  const api = fakeApi({ series: { list: vi.fn(async () => ok(list)) }, events: { onPlansChanged: vi.fn(() => () => undefined) } as never });
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
    expect(rows.map((row) => [row.getAttribute('data-date'), row.getAttribute('data-state'), row.textContent?.includes('T-30')])).toEqual([
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
    await user.selectOptions(await screen.findByLabelText('Occurrence to cancel'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Cancel occurrence show' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('Its task T-30 will be deleted.');
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    expect(api.series.cancelOccurrence).toHaveBeenCalledWith({ id: 'series-1', date: '2026-11-30' });
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
      series: { stream: { domainName: '5000.livepush.myqcloud.com', appName: 'live', streamName: 'news' }, daysOfWeek: [1, 5], startWallTime: '19:30', durationSeconds: 3_600, timeZone: 'Asia/Shanghai' },
    });
    expect(await screen.findByTestId('series-notice')).toBeTruthy();
  });
});
