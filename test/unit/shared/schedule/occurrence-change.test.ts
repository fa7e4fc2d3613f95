import { describe, expect, it } from 'vitest';
import { applyOccurrenceEdit, occurrenceChange, sameWindow } from '../../../../shared/schedule/occurrence-change.js';
import { occurrenceRecording } from '../../../../shared/schedule/planned-recordings.js';
import { occurrenceOn } from '../../../../shared/schedule/series.js';
import { HOUR, plansWith, sundayShow, unix } from '../../support/plan-fixtures.js';

const monday = unix('2026-06-01T12:00:00Z'); // Sunday the 7th is just beyond reach, the 14th well beyond.
const tuesday = unix('2026-06-02T12:00:00Z'); // Sunday the 7th is within reach.
const codeOf = (result: { ok: boolean; error?: { code: string; message: string } }) =>
  result.ok ? 'ok' : result.error?.code;

describe('occurrenceChange', () => {
  it('keeps the change as the override of its date, with the old and new window', () => {
    const changed = occurrenceChange(sundayShow(), '2026-06-07', { startWallTime: '21:30' }, monday);
    if (!changed.ok) throw new Error(changed.error.message);
    expect(changed.value.next.overrides).toEqual({ '2026-06-07': { startWallTime: '21:30' } });
    expect(changed.value.before.startTime).toBe(unix('2026-06-07T20:00:00+02:00'));
    expect([changed.value.after.startTime, changed.value.after.endTime]).toEqual([
      unix('2026-06-07T21:30:00+02:00'),
      unix('2026-06-07T23:30:00+02:00'),
    ]);
    expect(sameWindow(changed.value)).toBe(false);
  });

  it("drops an override moved back to the series' own time, and overrides of dates two weeks gone", () => {
    const series = sundayShow({
      overrides: { '2026-05-10': { durationSeconds: HOUR }, '2026-06-07': { startWallTime: '21:30' } },
    });
    const back = occurrenceChange(series, '2026-06-07', { startWallTime: '20:00' }, monday);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.next.overrides).toBeUndefined();
    expect(sameWindow(back.value)).toBe(false);
    const kept = occurrenceChange(series, '2026-06-14', { durationSeconds: HOUR }, monday);
    expect(kept.ok && kept.value.next.overrides).toEqual({
      '2026-06-07': { startWallTime: '21:30' },
      '2026-06-14': { durationSeconds: HOUR },
    });
  });

  it('refuses a date that is no occurrence, one already over, a window that would be, and a bad override', () => {
    expect(codeOf(occurrenceChange(sundayShow(), '2026-06-08', { startWallTime: '21:00' }, monday))).toBe(
      'Taper.InvalidInput',
    );
    const late = unix('2026-06-07T23:00:00+02:00');
    const over = occurrenceChange(sundayShow(), '2026-06-07', { startWallTime: '21:00' }, late);
    expect(!over.ok && over.error.message).toBe('The occurrence of 2026-06-07 is already over.');
    const during = unix('2026-06-07T21:30:00+02:00');
    const shortened = occurrenceChange(sundayShow(), '2026-06-07', { durationSeconds: HOUR }, during);
    expect(!shortened.ok && shortened.error.message).toBe('The new window of 2026-06-07 would already be over.');
    const bad = occurrenceChange(sundayShow(), '2026-06-07', { startWallTime: '24:00' }, monday);
    expect(!bad.ok && bad.error.problems?.map((problem) => problem.code)).toEqual(['Series.OverrideInvalid']);
  });
});

describe('applyOccurrenceEdit', () => {
  it('replaces the old recording of the date by the new window when within reach', () => {
    const series = sundayShow();
    const document = plansWith([series]);
    document.recordings.push(occurrenceRecording(series, occurrenceOn(series, '2026-06-07')!, 0));
    const applied = applyOccurrenceEdit(document, 's1', '2026-06-07', { startWallTime: '21:30' }, tuesday);
    if (!applied.ok) throw new Error(applied.error.message);
    expect(document.recordings).toEqual([applied.value.recording]);
    expect(applied.value.recording?.startTime).toBe(unix('2026-06-07T21:30:00+02:00'));
    expect(document.series[0]?.overrides).toEqual({ '2026-06-07': { startWallTime: '21:30' } });
  });

  it('plans nothing beyond reach, and keeps coveredUntil from passing the new start', () => {
    const document = plansWith([sundayShow({ coveredUntil: unix('2026-06-20T00:00:00Z') })]);
    const applied = applyOccurrenceEdit(document, 's1', '2026-06-14', { startWallTime: '21:30' }, monday);
    if (!applied.ok) throw new Error(applied.error.message);
    expect([applied.value.recording, document.recordings]).toEqual([null, []]);
    expect(document.series[0]?.coveredUntil).toBe(unix('2026-06-14T21:30:00+02:00'));
  });

  it('changes nothing for a series that is not there or a change that may not be made', () => {
    const document = plansWith([sundayShow()]);
    const before = structuredClone(document);
    expect(applyOccurrenceEdit(document, 'nope', '2026-06-07', { startWallTime: '21:30' }, monday)).toEqual({
      ok: false,
      error: { code: 'Taper.Schedule.NotFound', message: 'No series with id nope.' },
    });
    expect(codeOf(applyOccurrenceEdit(document, 's1', '2026-06-08', { startWallTime: '21:30' }, monday))).toBe(
      'Taper.InvalidInput',
    );
    expect(document).toEqual(before);
  });
});
