import { describe, expect, it } from 'vitest';
import { chainDryRun, recordRouted, routeRecord } from '../../../../../electron/services/schedule/record-routing.js';
import type { Scheduler } from '../../../../../electron/services/schedule/scheduler.js';
import { schedulerWorld } from '../../../support/schedule-fakes.js';

const HOUR = 3_600;
const DAY = 86_400;
const stream = { domainName: 'push.example.com', appName: 'live', streamName: 'show' };

describe('record routing', () => {
  it('keeps a window one task can take on the one-task path, and sends longer or far-ahead ones to a chain', () => {
    const now = 1_800_000_000;
    expect(routeRecord({ ...stream, startTime: now + HOUR, endTime: now + 2 * HOUR }, now)).toEqual({ kind: 'task' });
    expect(routeRecord({ ...stream, endTime: now + 24 * HOUR }, now)).toEqual({ kind: 'task' });
    expect(routeRecord({ ...stream, endTime: now + 25 * HOUR }, now)).toEqual({ kind: 'chain', startTime: now });
    const far = now + 10 * DAY;
    expect(routeRecord({ ...stream, startTime: far, endTime: far + HOUR }, now)).toEqual({
      kind: 'chain',
      startTime: far,
    });
  });

  it('records one task through the record service without asking for the scheduler', async () => {
    const world = schedulerWorld('2026-03-25T12:00:00Z');
    const start = world.time.now() + HOUR;
    let asked = 0;
    const routed = await recordRouted(
      {
        clock: world.time.clock,
        recorder: world.recorder.service,
        scheduler: () => {
          asked += 1;
          return world.scheduler;
        },
      },
      { ...stream, startTime: start, endTime: start + 2 * HOUR },
      { profile: 'work' },
    );
    expect(routed.kind).toBe('task');
    expect(asked).toBe(0);
    expect(world.recorder.calls).toHaveLength(1);
    expect(world.recorder.calls[0]).toMatchObject({
      request: { ...stream, startTime: start, endTime: start + 2 * HOUR },
      options: { profile: 'work' },
    });
  });

  it('records a chain through the scheduler, with the account options', async () => {
    const world = schedulerWorld('2026-03-25T12:00:00Z');
    const start = world.time.now() + HOUR;
    const routed = await recordRouted(
      {
        clock: world.time.clock,
        recorder: world.recorder.service,
        scheduler: async (): Promise<Scheduler> => world.scheduler,
      },
      { ...stream, startTime: start, endTime: start + 30 * HOUR },
      { region: 'ap-guangzhou' },
    );
    expect(routed.kind === 'chain' && routed.recorded.ok && routed.recorded.value.created.length).toBe(2);
    expect(world.recorder.calls.map((call) => call.options)).toEqual([
      { region: 'ap-guangzhou' },
      { region: 'ap-guangzhou' },
    ]);
  });

  it('dry-runs a chain as one CreateRecordTask per link, and refuses an end before the start', () => {
    const start = 1_800_000_000;
    const dryRun = chainDryRun({ ...stream, startTime: start, endTime: start + 30 * HOUR }, start);
    expect(dryRun.ok && dryRun.value.links.map((link) => [link.startTime, link.endTime])).toEqual([
      [start, start + 24 * HOUR],
      [start + 24 * HOUR, start + 30 * HOUR],
    ]);
    expect(dryRun.ok && dryRun.value.params.map((params) => [params.StartTime, params.EndTime])).toEqual([
      [start, start + 24 * HOUR],
      [start + 24 * HOUR, start + 30 * HOUR],
    ]);
    expect(chainDryRun({ ...stream, startTime: start, endTime: start }, start)).toEqual({
      ok: false,
      error: { code: 'Taper.InvalidInput', message: 'The end must be after the start.' },
    });
  });
});
