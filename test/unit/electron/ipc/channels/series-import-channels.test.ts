// The Shows and import channels over the fakes: progress reaches the window per row, the report outlives the window,
// one import at a time, invalid files send nothing, and a series change creates what is due and says so.
import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../../../../electron/ipc/handlers.js';
import { ok } from '../../../../../shared/result.js';
import { ENTRY, fakeServices, SERIES } from '../../../support/fake-services.js';

const HEADER = 'domain,app,stream,from,duration';
const rows = (count: number) =>
  Array.from({ length: count }, (_, index) => `push.example.com,live,bulk-${index},+${index + 1}h,1h`);
const csv = (lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;

describe('import channels', () => {
  it('import:preview reads the file like taper import: valid rows and every problem with its line, nothing sent', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    const preview = await handlers['import:preview']({
      csv: csv([...rows(2), 'push.example.com,live,bad name,+1h,1h', 'push.example.com,live,x,+1h,forever']),
      timeZone: 'UTC',
    });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.rows.map((row) => [row.line, row.stream.streamName, row.links, row.farAhead])).toEqual([
      [2, 'bulk-0', 1, false],
      [3, 'bulk-1', 1, false],
    ]);
    expect(preview.value.problems.map((problem) => problem.line)).toEqual([4, 5]);
    expect(services.recorder.record).not.toHaveBeenCalled();
  });

  it('import:run pushes one progress event per row and keeps the report for import:status', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    const report = await handlers['import:run']({ csv: csv(rows(3)), timeZone: 'UTC', skipInvalid: false });
    if (!report.ok) throw new Error(report.error.message);
    expect([report.value.created, report.value.failed, report.value.invalid]).toEqual([3, 0, 0]);
    expect(report.value.items.map((item) => [item.line, item.status, item.taskIds])).toEqual([
      [2, 'created', ['T-1']],
      [3, 'created', ['T-1']],
      [4, 'created', ['T-1']],
    ]);
    const progress = vi
      .mocked(hooks.importProgress)
      .mock.calls.map(([update]) => [update.done, update.total, update.created]);
    expect(progress).toEqual([
      [1, 3, 1],
      [2, 3, 2],
      [3, 3, 3],
    ]);
    expect(hooks.historyChanged).toHaveBeenCalled();
    const status = await handlers['import:status'](undefined);
    expect(status.ok && status.value).toEqual({ running: null, last: report.value });
  });

  it('invalid rows: nothing is sent unless skipInvalid; then the report lists them as not sent', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    const file = csv([...rows(1), 'push.example.com,live,bad name,+1h,1h']);
    const refused = await handlers['import:run']({ csv: file, timeZone: 'UTC', skipInvalid: false });
    expect(!refused.ok && refused.error.message).toMatch(/1 invalid row\(s\); nothing was sent/);
    expect(services.recorder.record).not.toHaveBeenCalled();
    const skipped = await handlers['import:run']({ csv: file, timeZone: 'UTC', skipInvalid: true });
    expect(skipped.ok && skipped.value.items.map((item) => [item.line, item.status])).toEqual([
      [2, 'created'],
      [3, 'invalid'],
    ]);
    expect(skipped.ok && skipped.value.items[1]?.error?.message).toMatch(/streamName/);
  });

  it('one import at a time: a second run while the first sends is refused, the first completes', async () => {
    const { services, hooks, schedule } = fakeServices();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const record = services.recorder.record;
    vi.mocked(record).mockImplementationOnce(async () => {
      await gate;
      return ok({ entry: ENTRY, warnings: [] });
    });
    const handlers = createIpcHandlers(services, hooks, schedule);
    const first = handlers['import:run']({ csv: csv(rows(1)), timeZone: 'UTC', skipInvalid: false });
    await vi.waitFor(() => expect(record).toHaveBeenCalled());
    const running = await handlers['import:status'](undefined);
    expect(running.ok && running.value.running).toMatchObject({ done: 0 });
    const second = await handlers['import:run']({ csv: csv(rows(1)), timeZone: 'UTC', skipInvalid: false });
    expect(!second.ok && second.error.message).toMatch(/already running/);
    release();
    expect((await first).ok).toBe(true);
  });
});

describe('series channels', () => {
  it('series:add stores the series, creates what is due and answers it with its occurrences', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    const added = await handlers['series:add']({
      series: {
        stream: SERIES.stream,
        daysOfWeek: [1],
        startWallTime: '20:00',
        durationSeconds: 3_600,
        timeZone: 'Asia/Shanghai',
      },
    });
    if (!added.ok) throw new Error(added.error.message);
    expect(schedule.scheduler.runDue).toHaveBeenCalled();
    expect(hooks.plansChanged).toHaveBeenCalled();
    expect(added.value.series.id).toBe('series-1');
    expect(added.value.series.upcoming.length).toBeGreaterThan(0);
    expect('coveredUntil' in added.value.series).toBe(false);
  });

  it('series:update passes the patch (null removes the template) and reports kept occurrences', async () => {
    const { services, hooks, schedule } = fakeServices();
    vi.mocked(schedule.scheduler.updateSeries).mockResolvedValueOnce(
      ok({
        series: { ...SERIES, startWallTime: '21:00' },
        replanned: 2,
        kept: [{ date: '2027-01-18', recordingId: 'r', startTime: 1, endTime: 2, taskIds: ['T-9'], status: 'created' }],
        warnings: [],
      }),
    );
    const handlers = createIpcHandlers(services, hooks, schedule);
    const updated = await handlers['series:update']({
      id: 'series-1',
      patch: { startWallTime: '21:00', templateId: null },
    });
    expect(schedule.scheduler.updateSeries).toHaveBeenCalledWith('series-1', {
      startWallTime: '21:00',
      templateId: null,
    });
    expect(updated.ok && [updated.value.replanned, updated.value.kept.map((kept) => kept.taskIds)]).toEqual([
      2,
      [['T-9']],
    ]);
  });

  it('series:edit-occurrence moves one occurrence: the old task deleted, the new one created, the series answered', async () => {
    const { services, hooks, schedule } = fakeServices();
    const moved = { ...SERIES, overrides: { '2027-01-18': { startWallTime: '21:30' } } };
    const link = {
      recordingId: 'series-1@2027-01-18',
      index: 0,
      startTime: 1_800_000_000,
      endTime: 1_800_003_600,
      status: 'created' as const,
      taskId: 'T-new',
      historyId: 'h2',
      error: null,
      updatedAt: 1,
    };
    vi.mocked(schedule.scheduler.editOccurrence).mockResolvedValueOnce(
      ok({
        moved: true,
        series: { ...moved, coveredUntil: 0 },
        occurrence: {
          seriesId: 'series-1',
          date: '2027-01-18',
          startTime: 1_800_000_000,
          endTime: 1_800_003_600,
          dst: null,
          changed: true,
        },
        actions: [{ index: 0, taskId: 'T-old', action: 'deleted', error: null }],
        events: [
          {
            kind: 'created',
            recordingId: link.recordingId,
            seriesId: 'series-1',
            occurrenceDate: '2027-01-18',
            stream: SERIES.stream,
            link,
            lateBySeconds: 0,
            entry: null,
            error: null,
          },
        ],
        warnings: [],
      }),
    );
    const handlers = createIpcHandlers(services, hooks, schedule);
    const edited = await handlers['series:edit-occurrence']({
      id: 'series-1',
      date: '2027-01-18',
      patch: { startWallTime: '21:30' },
      profile: 'main',
    });
    expect(schedule.scheduler.editOccurrence).toHaveBeenCalledWith(
      'series-1',
      '2027-01-18',
      { startWallTime: '21:30' },
      { profile: 'main' },
    );
    if (!edited.ok) throw new Error(edited.error.message);
    expect([
      edited.value.moved,
      edited.value.startTime,
      edited.value.createdTaskIds,
      edited.value.actions,
      edited.value.error,
    ]).toEqual([true, 1_800_000_000, ['T-new'], [{ taskId: 'T-old', action: 'deleted', error: null }], null]);
    expect(edited.value.series.overrides).toEqual({ '2027-01-18': { startWallTime: '21:30' } });
    expect('coveredUntil' in edited.value.series).toBe(false);
    expect(hooks.plansChanged).toHaveBeenCalled();
  });

  it('rejects out-of-range days, a huge file and an unknown patch key before calling anything', async () => {
    const { services, hooks, schedule } = fakeServices();
    const handlers = createIpcHandlers(services, hooks, schedule);
    const base = { stream: SERIES.stream, startWallTime: '20:00', durationSeconds: 3_600, timeZone: 'UTC' };
    expect((await handlers['series:add']({ series: { ...base, daysOfWeek: [0] } })).ok).toBe(false);
    expect((await handlers['series:add']({ series: { ...base, daysOfWeek: [1, 2, 3, 4, 5, 6, 7, 1] } })).ok).toBe(
      false,
    );
    expect((await handlers['series:update']({ id: 'series-1', patch: { stream: SERIES.stream } })).ok).toBe(false);
    expect((await handlers['import:preview']({ csv: 'x'.repeat(2_000_001), timeZone: 'UTC' })).ok).toBe(false);
    expect(schedule.scheduler.addSeries).not.toHaveBeenCalled();
    expect(schedule.scheduler.updateSeries).not.toHaveBeenCalled();
    expect(
      (await handlers['series:edit-occurrence']({ id: 'series-1', date: '2027-01-18', patch: { daysOfWeek: [1] } })).ok,
    ).toBe(false);
    expect(
      (
        await handlers['series:edit-occurrence']({
          id: 'series-1',
          date: '2027-01-18'.repeat(2),
          patch: { startWallTime: '21:30' },
        })
      ).ok,
    ).toBe(false);
    expect(
      (
        await handlers['series:edit-occurrence']({
          id: 'series-1',
          date: '2027-01-18',
          patch: { durationSeconds: 8 * 86_400 },
        })
      ).ok,
    ).toBe(false);
    expect(schedule.scheduler.editOccurrence).not.toHaveBeenCalled();
  });
});
