// The tray's refresh: one read of the files for a burst of calls, and a tray that comes up whatever cannot be read.
import { describe, expect, it, vi } from 'vitest';
import { err, ok, type Result } from '../../../../shared/result.js';
import type { HistoryEntry } from '../../../../shared/history.js';
import { createTrayRefresh } from '../../../../electron/shell/tray-refresh.js';
import type { TrayLabels } from '../../../../electron/shell/tray-menu.js';
import { entry, NOW } from '../../support/history-fixtures.js';

function refreshWith(history: () => Promise<Result<HistoryEntry[]>>) {
  const deps = {
    clock: () => NOW * 1000,
    listHistory: vi.fn(history),
    listPlans: vi.fn(async () => err('Taper.Storage.Unreadable', 'plans.json is damaged')),
    labels: () => ({}) as TrayLabels,
    render: vi.fn(),
    scheduleFromHistory: vi.fn(),
    warn: vi.fn(),
  };
  return { deps, refresh: createTrayRefresh(deps) };
}

describe('createTrayRefresh', () => {
  it('shares one run between calls made while it runs, and reads again afterwards', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { deps, refresh } = refreshWith(async () => {
      await gate;
      return ok([entry({ id: 'a' })]);
    });
    const first = refresh();
    const second = refresh();
    expect(second).toBe(first);
    release();
    await first;
    expect(deps.listHistory).toHaveBeenCalledOnce();
    expect(deps.render).toHaveBeenCalledOnce();
    await refresh();
    expect(deps.listHistory).toHaveBeenCalledTimes(2);
  });

  it('renders the tasks without plans, and schedules the notices from the history', async () => {
    const entries = [entry({ id: 'a' })];
    const { deps, refresh } = refreshWith(async () => ok(entries));
    await refresh();
    expect(deps.warn).toHaveBeenCalledWith('plans unavailable for the tray: Taper.Storage.Unreadable');
    expect(deps.render.mock.calls[0]?.[0]).toMatchObject({ nowSeconds: NOW, upNext: [{ id: 'a' }] });
    expect(deps.scheduleFromHistory).toHaveBeenCalledWith(entries);
  });

  it('renders an empty tray when the history cannot be read, and schedules nothing', async () => {
    const { deps, refresh } = refreshWith(async () => err('Taper.History.Corrupt', 'damaged'));
    await refresh();
    expect(deps.warn).toHaveBeenCalledWith('history unavailable for the tray: Taper.History.Corrupt');
    expect(deps.render.mock.calls[0]?.[0]).toMatchObject({ recording: [], upNext: [] });
    expect(deps.scheduleFromHistory).not.toHaveBeenCalled();
  });
});
