import { describe, expect, it } from 'vitest';
import { recordingNotFound, ScheduleErrorCode, seriesNotFound } from '../../../../shared/schedule/schedule-errors.js';

describe('schedule errors', () => {
  it('names the series that is not there', () => {
    expect(seriesNotFound('s1')).toEqual({
      ok: false,
      error: { code: ScheduleErrorCode.NotFound, message: 'No series with id s1.' },
    });
  });

  it('names every recording that is not there in one message', () => {
    expect(recordingNotFound(['r1', 'r2'])).toEqual({
      ok: false,
      error: { code: 'Taper.Schedule.NotFound', message: 'No recording with id r1, r2.' },
    });
  });
});
