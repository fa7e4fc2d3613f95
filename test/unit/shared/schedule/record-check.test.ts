import { describe, expect, it } from 'vitest';
import { MAX_CHAIN_LINKS } from '../../../../shared/schedule/split-window.js';
import { checkRequest, streamProblems } from '../../../../shared/schedule/record-check.js';
import { DAY, HOUR, stream } from '../../support/plan-fixtures.js';

const now = 1_800_000_000;
const fields = (result: ReturnType<typeof checkRequest>) =>
  !result.ok ? result.error.problems?.map((p) => p.code) : [];

describe('streamProblems', () => {
  it('judges the stream, type and template, never the window', () => {
    expect(streamProblems(stream, now)).toEqual([]);
    expect(streamProblems({ ...stream, streamName: '', templateId: -1 }, now).map((problem) => problem.field)).toEqual([
      'streamName',
      'templateId',
    ]);
  });
});

describe('checkRequest', () => {
  it('takes a window of any distance ahead and over 24 h; a missing start is now', () => {
    expect(checkRequest({ ...stream, startTime: now + 30 * DAY, endTime: now + 31 * DAY + 6 * HOUR }, now)).toEqual({
      ok: true,
      value: { startTime: now + 30 * DAY, endTime: now + 31 * DAY + 6 * HOUR },
    });
    expect(checkRequest({ ...stream, endTime: now + HOUR }, now)).toEqual({
      ok: true,
      value: { startTime: now, endTime: now + HOUR },
    });
  });

  it('refuses with every problem at once, the stream rules first', () => {
    const refused = checkRequest({ ...stream, streamName: '', startTime: now + 10, endTime: now + 5 }, now);
    expect(fields(refused)).toEqual(['StreamName.Required', 'EndTime.NotAfterStart']);
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'Taper.InvalidInput',
      message: 'Enter the stream name (StreamName).; The end must be after the start.',
    });
  });

  it('refuses a start that is no whole number, an end in the past and a chain too long', () => {
    expect(fields(checkRequest({ ...stream, startTime: now + 0.5, endTime: now + HOUR }, now))).toEqual([
      'StartTime.Invalid',
    ]);
    expect(fields(checkRequest({ ...stream, startTime: now - 2 * HOUR, endTime: now - HOUR }, now))).toEqual([
      'EndTime.InPast',
    ]);
    expect(fields(checkRequest({ ...stream, endTime: Number.NaN }, now))).toEqual(['EndTime.Required']);
    expect(fields(checkRequest({ ...stream, endTime: now + (MAX_CHAIN_LINKS + 1) * DAY }, now))).toEqual([
      'Window.TooLong',
    ]);
  });
});
