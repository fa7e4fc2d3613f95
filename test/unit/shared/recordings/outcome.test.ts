import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FILES_READY_SECONDS,
  describeOutcome,
  mergeSpans,
  settleOutcome,
  subtractSpans,
  type RecordingFile,
} from '../../../../shared/recordings/outcome.js';

const W = { startTime: 10_000, endTime: 13_600 };
const after = W.endTime + FILES_READY_SECONDS + 1;
const file = (startTime: number, endTime: number, fileId = `f${startTime}`): RecordingFile => ({
  fileId,
  url: `https://x/${fileId}`,
  startTime,
  endTime,
  durationSeconds: endTime - startTime,
  sizeBytes: 1,
});
const iso = (seconds: number) => String(seconds);

describe('settleOutcome', () => {
  it('recorded: files cover the pushed time; a 60 s seam is harmless', () => {
    expect(
      settleOutcome({ windows: [W], files: [file(10_000, 11_000), file(11_060, 13_600)], pushes: [W], now: after }),
    ).toEqual({ outcome: 'recorded', gaps: [] });
  });

  it('recorded: a stream pushed only for part of the window, fully filed', () => {
    expect(
      settleOutcome({
        windows: [W],
        files: [file(11_000, 12_000)],
        pushes: [{ startTime: 11_000, endTime: 12_000 }],
        now: after,
      }).outcome,
    ).toBe('recorded');
  });

  it('partial: a gap over 60 s between files, with whether it was pushed', () => {
    const unpushed = settleOutcome({
      windows: [W],
      files: [file(10_000, 11_000), file(11_200, 13_600)],
      pushes: [
        { startTime: 10_000, endTime: 11_000 },
        { startTime: 11_200, endTime: 13_600 },
      ],
      now: after,
    });
    expect(unpushed).toEqual({ outcome: 'partial', gaps: [{ startTime: 11_000, endTime: 11_200, pushed: false }] });
    const lost = settleOutcome({
      windows: [W],
      files: [file(10_000, 11_000), file(11_200, 13_600)],
      pushes: [W],
      now: after,
    });
    expect(lost).toEqual({ outcome: 'partial', gaps: [{ startTime: 11_000, endTime: 11_200, pushed: true }] });
    expect(describeOutcome(lost, iso)).toContain('recording lost');
  });

  it('partial: pushed time after the last file is a gap; unpushed time after it is not', () => {
    const tail = settleOutcome({ windows: [W], files: [file(10_000, 12_000)], pushes: [W], now: after });
    expect(tail).toEqual({ outcome: 'partial', gaps: [{ startTime: 12_000, endTime: 13_600, pushed: true }] });
    expect(
      settleOutcome({
        windows: [W],
        files: [file(10_000, 12_000)],
        pushes: [{ startTime: 10_000, endTime: 12_000 }],
        now: after,
      }).outcome,
    ).toBe('recorded');
  });

  it('partial with pushes unknown: gaps have pushed null', () => {
    expect(
      settleOutcome({ windows: [W], files: [file(10_000, 11_000), file(12_000, 13_600)], pushes: null, now: after }),
    ).toEqual({ outcome: 'partial', gaps: [{ startTime: 11_000, endTime: 12_000, pushed: null }] });
  });

  it('nothing: never pushed, pushed under 10 s, pushed but no file, pushes unknown', () => {
    const nothing = (pushes: { startTime: number; endTime: number }[] | null) =>
      settleOutcome({ windows: [W], files: [], pushes, now: after });
    expect(nothing([])).toEqual({ outcome: 'nothing', reason: 'never-pushed' });
    expect(nothing([{ startTime: 5_000, endTime: 9_000 }])).toEqual({ outcome: 'nothing', reason: 'never-pushed' });
    expect(
      nothing([
        { startTime: 11_000, endTime: 11_005 },
        { startTime: 12_000, endTime: 12_009 },
      ]),
    ).toEqual({ outcome: 'nothing', reason: 'pushed-too-short' });
    expect(nothing([{ startTime: 11_000, endTime: 11_010 }])).toEqual({ outcome: 'nothing', reason: 'pushed-no-file' });
    expect(nothing(null)).toEqual({ outcome: 'nothing', reason: null });
  });

  it('pending: window not ended, or ended less than 5 minutes ago', () => {
    expect(settleOutcome({ windows: [W], files: [], pushes: [], now: W.endTime - 1 })).toMatchObject({
      outcome: 'pending',
      reason: 'window-not-ended',
      readyAt: W.endTime + 300,
    });
    expect(settleOutcome({ windows: [W], files: [], pushes: [], now: W.endTime + 299 })).toMatchObject({
      outcome: 'pending',
      reason: 'files-not-ready',
    });
    expect(settleOutcome({ windows: [W], files: [], pushes: [], now: W.endTime + 300 }).outcome).toBe('nothing');
    expect(
      settleOutcome({ windows: [W], files: [], pushes: [], now: W.endTime + 10, filesReadySeconds: 0 }).outcome,
    ).toBe('nothing');
  });

  it('unknown: a refused lookup names the CAM policy; another failure says to ask again', () => {
    const refused = settleOutcome({
      windows: [W],
      files: { error: { code: 'AuthFailure.UnauthorizedOperation', message: 'no' } },
      pushes: [],
      now: after,
    });
    expect(refused).toMatchObject({ outcome: 'unknown', reason: 'vod-permission' });
    expect(describeOutcome(refused, iso)).toContain('QcloudVODReadOnlyAccess');
    const failed = settleOutcome({
      windows: [W],
      files: { error: { code: 'Taper.Network', message: 'down' } },
      pushes: [],
      now: after,
    });
    expect(failed).toMatchObject({ outcome: 'unknown', reason: 'lookup-failed' });
    // Before the window ends, a failure does not matter yet.
    expect(
      settleOutcome({ windows: [W], files: { error: { code: 'X', message: 'y' } }, pushes: [], now: W.startTime })
        .outcome,
    ).toBe('pending');
  });

  it('a chain: adjacent links are one window, files of both links with no gap are recorded', () => {
    const links = [
      { startTime: 0, endTime: 86_400 },
      { startTime: 86_400, endTime: 100_000 },
    ];
    expect(
      settleOutcome({
        windows: links,
        files: [file(0, 86_400), file(86_400, 100_000)],
        pushes: [{ startTime: 0, endTime: 100_000 }],
        now: 200_000,
      }).outcome,
    ).toBe('recorded');
    const broken = settleOutcome({
      windows: links,
      files: [file(0, 86_000), file(86_800, 100_000)],
      pushes: [{ startTime: 0, endTime: 100_000 }],
      now: 200_000,
    });
    expect(broken).toEqual({ outcome: 'partial', gaps: [{ startTime: 86_000, endTime: 86_800, pushed: true }] });
  });
});

describe('settleOutcome properties', () => {
  const span = fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 2_000 }))
    .map(([startTime, length]) => ({ startTime, endTime: startTime + length }));

  it('files covering the whole window are always recorded, whatever the pushes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 11_999 }), { maxLength: 10 }),
        fc.array(span, { maxLength: 5 }),
        (cuts, pushes) => {
          const points = [...new Set([0, ...cuts, 12_000])].sort((a, b) => a - b);
          const files = points.slice(1).map((end, index) => file(points[index] ?? 0, end));
          expect(
            settleOutcome({ windows: [{ startTime: 0, endTime: 12_000 }], files, pushes, now: 20_000 }).outcome,
          ).toBe('recorded');
        },
      ),
    );
  });

  it('every gap is over 60 s, inside the window, uncovered by files; no files means nothing', () => {
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 8 }),
        fc.option(fc.array(span, { maxLength: 6 }), { nil: null }),
        (fileSpans, pushes) => {
          const window = { startTime: 0, endTime: 12_000 };
          const files = fileSpans.map((s, index) => file(s.startTime, s.endTime, `f${index}`));
          const outcome = settleOutcome({ windows: [window], files, pushes, now: 20_000 });
          const inWindow = mergeSpans(files).some((s) => s.startTime < window.endTime && s.endTime > window.startTime);
          if (!inWindow) expect(outcome.outcome).toBe('nothing');
          if (outcome.outcome === 'partial') {
            for (const gap of outcome.gaps) {
              expect(gap.endTime - gap.startTime).toBeGreaterThan(60);
              expect(gap.startTime).toBeGreaterThanOrEqual(window.startTime);
              expect(gap.endTime).toBeLessThanOrEqual(window.endTime);
              const bare = { startTime: gap.startTime, endTime: gap.endTime };
              expect(subtractSpans([bare], files)).toEqual([bare]);
            }
          }
        },
      ),
    );
  });
});
