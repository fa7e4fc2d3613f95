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

  it('says which answers have arrived, for the first render, until they are taken', async () => {
    const api = fakeApi();
    const startup = startStartupLoads(api);
    expect(startup.arrived('settings')).toBeUndefined();
    await startup.settled(1_000);
    expect(startup.arrived('settings')).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(startup.arrived('choices')).toEqual({ ok: true, value: { domains: [], apps: [], streams: [] } });
    const arrived = startup.arrived('settings');
    // The load that takes it gets the very answer the first render showed (so it renders nothing again).
    expect(await startup.take('settings')).toBe(arrived);
    expect(startup.arrived('settings')).toBeUndefined();
  });

  it('settles after the wait even when main has not answered yet', async () => {
    vi.useFakeTimers();
    try {
      const api = fakeApi({ app: { info: vi.fn(() => new Promise<never>(() => undefined)) } });
      const startup = startStartupLoads(api);
      let settled = false;
      void startup.settled(150).then(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(149);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
      expect(startup.arrived('info')).toBeUndefined();
      expect(startup.arrived('profiles')?.ok).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not offer choices that a history change made stale', async () => {
    let changed: (() => void) | undefined;
    const api = fakeApi({
      events: {
        onHistoryChanged: vi.fn((listener: () => void) => {
          changed = listener;
          return () => undefined;
        }),
      },
    });
    const startup = startStartupLoads(api);
    await startup.settled(1_000);
    changed?.();
    expect(startup.arrived('choices')).toBeUndefined();
    expect(startup.arrived('info')?.ok).toBe(true);
  });
});
