import { describe, expect, it } from 'vitest';
import {
  activeLinksByStart,
  anythingSent,
  KEEP_ALERTS_SECONDS,
  KEEP_DONE_SECONDS,
  linkRequest,
  materializeSeries,
  newRecording,
  occurrenceRecording,
  occurrenceRecordingId,
  openAlerts,
  planOccurrence,
  prune,
} from '../../../../shared/schedule/planned-recordings.js';
import { MAX_START_AHEAD_SECONDS } from '../../../../shared/rules/limits.js';
import { occurrenceOn } from '../../../../shared/schedule/series.js';
import { DAY, HOUR, plansWith, stream, sundayShow, unix } from '../../support/plan-fixtures.js';

const meta = { profile: 'prod', region: null, seriesId: null, occurrenceDate: null, now: 1_000 };

describe('newRecording', () => {
  it('plans one link per 24 h of the window, each planned and stamped now', () => {
    const start = unix('2026-06-07T18:00:00Z');
    const recording = newRecording('r1', { ...stream, startTime: start, endTime: start + 30 * HOUR }, meta);
    expect(recording).toMatchObject({ recordingId: 'r1', templateId: null, streamType: 0, profile: 'prod' });
    expect(recording.links.map((link) => [link.index, link.endTime - link.startTime, link.status])).toEqual([
      [0, 24 * HOUR, 'planned'],
      [1, 6 * HOUR, 'planned'],
    ]);
    expect(recording.links.every((link) => link.updatedAt === 1_000 && link.recordingId === 'r1')).toBe(true);
  });
});

describe('occurrences as recordings', () => {
  const series = sundayShow({ templateId: 7 });
  const occurrence = occurrenceOn(series, '2026-06-07')!;

  it("gives an occurrence the id series@date and the series' template and credentials", () => {
    const recording = occurrenceRecording(series, occurrence, 5);
    expect(recording.recordingId).toBe(occurrenceRecordingId('s1', '2026-06-07'));
    expect(recording.recordingId).toBe('s1@2026-06-07');
    expect(recording).toMatchObject({ seriesId: 's1', occurrenceDate: '2026-06-07', templateId: 7, createdAt: 5 });
    expect([recording.startTime, recording.endTime]).toEqual([occurrence.startTime, occurrence.endTime]);
  });

  it('plans a date once, however often asked', () => {
    const document = plansWith([series]);
    planOccurrence(document, series, occurrence, 5);
    planOccurrence(document, series, occurrence, 6);
    expect(document.recordings.map((recording) => recording.recordingId)).toEqual(['s1@2026-06-07']);
  });

  it('materializes the occurrences that came within reach, once, and moves coveredUntil past the horizon', () => {
    const now = unix('2026-06-02T12:00:00Z'); // Tuesday: Sunday the 7th, 20:00 Berlin, is within 6 days.
    const document = plansWith([sundayShow({ coveredUntil: now })]);
    materializeSeries(document, now);
    expect(document.recordings.map((recording) => recording.recordingId)).toEqual(['s1@2026-06-07']);
    expect(document.series[0]?.coveredUntil).toBe(now + MAX_START_AHEAD_SECONDS + 1);
    materializeSeries(document, now + HOUR);
    expect(document.recordings).toHaveLength(1);
  });
});

describe('prune', () => {
  const start = unix('2026-06-07T18:00:00Z');
  const done = (id: string, status: 'created' | 'missed', acknowledgedAt: number | null = null) => {
    const recording = newRecording(id, { ...stream, startTime: start, endTime: start + HOUR }, meta);
    for (const link of recording.links) Object.assign(link, { status, acknowledgedAt });
    return recording;
  };

  it('keeps active recordings, drops finished ones after a week and open alerts after 90 days', () => {
    const document = plansWith();
    const active = newRecording('active', { ...stream, startTime: start, endTime: start + HOUR }, meta);
    document.recordings.push(active, done('created', 'created'), done('alert', 'missed'), done('seen', 'missed', 1));
    prune(document, start + HOUR + KEEP_DONE_SECONDS);
    expect(document.recordings.map((recording) => recording.recordingId)).toEqual(['active', 'alert']);
    prune(document, start + HOUR + KEEP_ALERTS_SECONDS);
    expect(document.recordings.map((recording) => recording.recordingId)).toEqual(['active']);
  });

  it('lists only open alerts', () => {
    const document = plansWith();
    document.recordings.push(done('alert', 'missed'), done('seen', 'missed', 1), done('created', 'created'));
    expect(openAlerts(document).map((link) => link.recordingId)).toEqual(['alert']);
  });
});

describe('links of a run', () => {
  it('orders the active links of every recording by start, skipping those done', () => {
    const late = newRecording('late', { ...stream, startTime: 2 * DAY, endTime: 3 * DAY }, meta);
    const early = newRecording('early', { ...stream, startTime: DAY, endTime: DAY + HOUR }, meta);
    const finished = newRecording('finished', { ...stream, startTime: 0, endTime: HOUR }, meta);
    finished.links[0]!.status = 'created';
    early.links[0]!.status = 'pending-sync';
    expect(activeLinksByStart([late, finished, early]).map(({ recording }) => recording.recordingId)).toEqual([
      'early',
      'late',
    ]);
    expect([anythingSent(early), anythingSent(late), anythingSent(finished)]).toEqual([true, false, true]);
  });

  it('asks for a window not begun with its StartTime, and for the rest of one begun without it', () => {
    const recording = newRecording('r', { ...stream, startTime: 1_000, endTime: 5_000, templateId: 3 }, meta);
    const link = recording.links[0]!;
    expect(linkRequest(recording, link, 500)).toEqual({
      request: { ...stream, startTime: 1_000, endTime: 5_000, streamType: 0, templateId: 3 },
      lateBySeconds: 0,
    });
    expect(linkRequest(recording, link, 1_600)).toEqual({
      request: { ...stream, endTime: 5_000, streamType: 0, templateId: 3 },
      lateBySeconds: 600,
    });
  });
});
