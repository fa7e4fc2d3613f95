import { describe, expect, it } from 'vitest';
import {
  analyzeSeriesForm,
  durationText,
  emptySeriesFields,
  fieldsFromSeries,
  seriesPatch,
} from '../../../../renderer/series/series-form-model.js';
import type { Series } from '../../../../shared/schedule/series.js';
import { seriesSummary } from '../../support/fake-api.js';

const NOW = Math.floor(Date.parse('2026-03-20T12:00:00Z') / 1000);
const filled = {
  ...emptySeriesFields('Europe/Berlin'),
  domainName: 'push.example.com',
  streamName: 'news',
  days: [1, 3] as (1 | 3)[],
  startWallTime: '20:00',
  duration: '2h',
};

describe('analyzeSeriesForm', () => {
  it('reports every problem at once, each on its field, and offers nothing to send', () => {
    const analysis = analyzeSeriesForm(
      { ...filled, streamName: 'bad name', days: [], startWallTime: '24:30', duration: 'long', timeZone: 'Mars/Base' },
      NOW,
      [],
    );
    expect(analysis.input).toBeNull();
    expect(analysis.problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['streamName', 'StreamName.Invalid'],
      ['duration', 'Duration.Invalid'],
      ['days', 'Series.DaysInvalid'],
      ['startWallTime', 'Series.WallTimeInvalid'],
      ['timeZone', 'Series.UnknownZone'],
    ]);
  });

  it('a valid form: the series to send, the next occurrences, both DST changes of the year noted, 2:30 read as 02:30', () => {
    const analysis = analyzeSeriesForm({ ...filled, days: [7], startWallTime: '2:30' }, NOW, []);
    expect(analysis.problems).toEqual([]);
    expect(analysis.input).toMatchObject({
      daysOfWeek: [7],
      startWallTime: '02:30',
      durationSeconds: 7_200,
      timeZone: 'Europe/Berlin',
      stream: { streamName: 'news' },
    });
    expect(analysis.preview[0]).toMatchObject({ date: '2026-03-22', dst: null });
    expect(analysis.preview[1]).toMatchObject({
      date: '2026-03-29',
      dst: 'gap',
      startTime: Math.floor(Date.parse('2026-03-29T03:00:00+02:00') / 1000),
    });
    expect(analysis.warnings.map((warning) => warning.code)).toEqual(['Series.DstGap', 'Series.DstOverlap']);
    expect(analysis.warnings[1]?.message).toContain('2026-10-25');
  });

  it('warns of another series on the same stream at overlapping times, but not of the one being edited', () => {
    const other: Series = {
      id: 'other',
      name: 'Other',
      stream: { domainName: 'push.example.com', appName: 'live', streamName: 'news' },
      daysOfWeek: [3],
      startWallTime: '21:00',
      durationSeconds: 3_600,
      timeZone: 'Europe/Berlin',
      cancelledDates: [],
    };
    expect(analyzeSeriesForm(filled, NOW, [other]).warnings.map((warning) => warning.code)).toEqual(['Series.Overlap']);
    expect(analyzeSeriesForm(filled, NOW, [other], 'other').warnings).toEqual([]);
  });
});

describe('seriesPatch', () => {
  it('sends only what changed; clearing the template sends null', () => {
    const before = seriesSummary({ templateId: 7, durationSeconds: 5_400 });
    const fields = fieldsFromSeries(before);
    expect(fields.duration).toBe('1h30m');
    const analysis = analyzeSeriesForm({ ...fields, startWallTime: '21:00', templateId: '' }, NOW, []);
    expect(analysis.input && seriesPatch(before, analysis.input)).toEqual({ startWallTime: '21:00', templateId: null });
    expect(durationText(45)).toBe('45s');
  });
});
