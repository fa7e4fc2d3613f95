import { describe, expect, it, vi } from 'vitest';
import { DUE_MS, setupBackground, SETTLE_MS, TICK_MS } from '../../../../electron/shell/app-background.js';
import type { AppServices } from '../../../../electron/services/app-services.js';
import type { ScheduleServices } from '../../../../electron/services/schedule/schedule-services.js';

function background(runDue: () => Promise<unknown>) {
  const intervals: { ms: number; callback: () => void; cleared: boolean }[] = [];
  const callFailed = vi.fn();
  const refresh = vi.fn();
  const sync = vi.fn(async () => ({ ok: true, value: {} }));
  const made = setupBackground({
    services: { sync: { run: sync }, history: {} } as unknown as AppServices,
    schedule: { scheduler: { runDue } } as unknown as ScheduleServices,
    proxyFor: () => '',
    clock: () => 0,
    timers: {
      setInterval: (callback, ms) => {
        const handle = { ms, callback, cleared: false };
        intervals.push(handle);
        return handle;
      },
      clearInterval: (handle) => {
        (handle as { cleared: boolean }).cleared = true;
      },
    },
    callFailed,
    outcomeSettled: () => undefined,
    refresh,
  });
  return { made, intervals, callFailed, refresh, sync };
}

describe('setupBackground', () => {
  it('reports a due run that failed, and each new alert with an error, as failed calls', async () => {
    const refused = { code: 'FailedOperation', message: 'refused' };
    const { made, callFailed } = background(async () => ({
      ok: true,
      value: { newAlerts: [{ error: refused }, { error: null }], events: [] },
    }));
    await made.runDue();
    expect(callFailed).toHaveBeenCalledExactlyOnceWith(refused);

    const failing = background(async () => ({ ok: false, error: refused }));
    await failing.made.runDue();
    expect(failing.callFailed).toHaveBeenCalledExactlyOnceWith(refused);
  });

  it('starts the tray, due and settle timers, and stops every one of them', () => {
    const { made, intervals, refresh } = background(async () => ({ ok: true, value: { newAlerts: [], events: [] } }));
    made.start();
    expect(intervals.map((interval) => interval.ms)).toEqual([TICK_MS, DUE_MS, SETTLE_MS]);
    intervals[0]?.callback();
    expect(refresh).toHaveBeenCalledOnce();
    made.stop();
    expect(intervals.every((interval) => interval.cleared)).toBe(true);
  });
});
