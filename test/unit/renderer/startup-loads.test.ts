// The window's first answers are asked for before React renders and handed to the first load that wants each;
// a history change before the window subscribes makes that load ask again rather than show stale choices. The whole
// history is not asked for: the form does not wait for it.
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/result.js';
import { startStartupLoads } from '../../../renderer/startup-loads.js';
import { fakeApi } from '../support/fake-api.js';

describe('the startup loads', () => {
  it('asks once at the start and hands each answer to its first taker only', async () => {
    const api = fakeApi();
    const startup = startStartupLoads(api);
    expect(api.history.choices).toHaveBeenCalledTimes(1);
    expect(api.history.list).not.toHaveBeenCalled();
    expect(api.app.info).toHaveBeenCalledTimes(1);
    expect(api.profiles.list).toHaveBeenCalledTimes(1);
    expect(api.settings.get).toHaveBeenCalledTimes(1);
    const first = startup.take('info');
    expect(first).toBeDefined();
    expect((await first)?.ok).toBe(true);
    expect(startup.take('info')).toBeUndefined();
    expect(startup.take('choices')).toBeDefined();
    expect(startup.take('choices')).toBeUndefined();
  });

  it('drops the early choices when it changed before the window subscribed, and stops listening', () => {
    let changed: (() => void) | undefined;
    const unsubscribe = vi.fn();
    const api = fakeApi({
      history: { choices: vi.fn(async () => ok({ domains: [], apps: [], streams: [] })) },
      events: {
        onHistoryChanged: vi.fn((listener: () => void) => {
          changed = listener;
          return unsubscribe;
        }),
      },
    });
    const startup = startStartupLoads(api);
    changed?.();
    expect(startup.take('choices')).toBeUndefined();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(startup.take('profiles')).toBeDefined();
  });
});
