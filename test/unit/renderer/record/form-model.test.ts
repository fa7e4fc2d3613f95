import { describe, expect, it } from 'vitest';
import {
  analyzeForm,
  emptyFields,
  nextMidnight,
  streamTaskWindows,
  withOffset,
  type FormFields,
} from '../../../../renderer/record/form-model.js';
import type { TaskWindow } from '../../../../shared/domain.js';
import type { HistoryEntry } from '../../../../shared/history.js';

// 2026-11-25 12:00:00 UTC = 20:00 in Asia/Shanghai.
const NOW = 1_795_608_000;

function fields(patch: Partial<FormFields>): FormFields {
  return {
    ...emptyFields('Asia/Shanghai', 'Europe/Berlin'),
    domainName: '5000.livepush.myqcloud.com',
    streamName: 'show',
    ...patch,
  };
}

const codes = (items: readonly { code: string }[]) => items.map((item) => item.code);

describe('analyzeForm', () => {
  it('turns an empty "from" and a duration into no StartTime and now + duration', () => {
    const analysis = analyzeForm(fields({ duration: '90m' }), NOW, []);
    expect(analysis.problems).toEqual([]);
    expect(analysis.startUnix).toBeUndefined();
    expect(analysis.request).toMatchObject({ endTime: NOW + 5400, streamType: 0 });
    expect(analysis.request && 'startTime' in analysis.request).toBe(false);
    expect(codes(analysis.warnings)).toContain('PushDelay');
  });

  it('reads wall times in the chosen zone', () => {
    const analysis = analyzeForm(
      fields({ from: '2026-11-25 21:00', endMode: 'until', until: '2026-11-25 23:00', templateId: '7' }),
      NOW,
      [],
    );
    expect(analysis.startUnix).toBe(NOW + 3600);
    expect(analysis.endUnix).toBe(NOW + 3 * 3600);
    expect(analysis.request).toMatchObject({ startTime: NOW + 3600, endTime: NOW + 3 * 3600, templateId: 7 });
    expect(codes(analysis.warnings)).not.toContain('PushDelay');
    expect(codes(analysis.warnings)).not.toContain('NoTemplate');
  });

  it('a window longer than 24 hours becomes a chain of links created now, not a block', () => {
    const analysis = analyzeForm(fields({ duration: '30h' }), NOW, []);
    expect(analysis.problems).toEqual([]);
    expect(analysis.request).toMatchObject({ endTime: NOW + 30 * 3600 });
    expect(analysis.chain?.links).toEqual([
      { index: 0, startTime: NOW, endTime: NOW + 86_400, createAt: null },
      { index: 1, startTime: NOW + 86_400, endTime: NOW + 30 * 3600, createAt: null },
    ]);
    expect(codes(analysis.warnings)).toContain('PushDelay');
  });

  it('a start more than 6 days ahead is planned: the link says when it will be created', () => {
    const analysis = analyzeForm(fields({ from: '+10d', duration: '1h' }), NOW, []);
    expect(analysis.problems).toEqual([]);
    expect(analysis.chain?.links).toEqual([
      { index: 0, startTime: NOW + 10 * 86_400, endTime: NOW + 10 * 86_400 + 3600, createAt: NOW + 4 * 86_400 },
    ]);
    // A long window that reaches past the reach: the first link now, the next once its end is under 7 days away.
    const mixed = analyzeForm(fields({ from: '+5d12h', duration: '2d' }), NOW, []);
    expect(mixed.chain?.links.map((link) => link.createAt)).toEqual([null, NOW + 43_200 + 1]);
  });

  it('keeps one task within reach on the one-task path, and still blocks what no chain can do', () => {
    expect(analyzeForm(fields({ duration: '24h' }), NOW, []).chain).toBeNull();
    expect(analyzeForm(fields({ from: '+6d', duration: '1h' }), NOW, []).chain).toBeNull();
    expect(codes(analyzeForm(fields({ duration: '400d' }), NOW, []).problems)).toEqual(['Chain.TooLong']);
    const backwards = analyzeForm(fields({ from: '+8d', endMode: 'until', until: '+7d' }), NOW, []);
    expect(codes(backwards.problems)).toContain('EndTime.NotAfterStart');
    expect(backwards.chain).toBeNull();
  });

  it('warns when the last link is evened out instead of lasting a few seconds', () => {
    expect(codes(analyzeForm(fields({ duration: '48h5s' }), NOW, []).warnings)).toContain('Chain.Rebalanced');
  });

  it('reports a DST gap and an ambiguous time with the instants it could mean', () => {
    const gap = analyzeForm(fields({ timeZone: 'Europe/Berlin', from: '2027-03-28 02:30', duration: '1h' }), NOW, []);
    expect(gap.problems.find((problem) => problem.field === 'from')?.code).toBe('Time.DstGap');
    const twice = analyzeForm(
      fields({ timeZone: 'Europe/Berlin', from: '2026-10-25 02:30', duration: '1h' }),
      NOW - 86400 * 40,
      [],
    );
    const ambiguous = twice.problems.find((problem) => problem.field === 'from');
    expect(ambiguous?.code).toBe('Time.DstAmbiguous');
    expect(ambiguous?.candidates).toHaveLength(2);
  });

  it('warns about overlaps, more strongly at three', () => {
    const task = (n: number): TaskWindow => ({
      domainName: '5000.livepush.myqcloud.com',
      appName: 'live',
      streamName: 'show',
      startTime: NOW,
      endTime: NOW + 7200,
      status: 'scheduled',
      taskId: `t${n}`,
    });
    expect(codes(analyzeForm(fields({ duration: '1h' }), NOW, [task(1)]).warnings)).toContain('Overlap');
    expect(codes(analyzeForm(fields({ duration: '1h' }), NOW, [task(1), task(2), task(3)]).warnings)).toContain(
      'OverlapLimit',
    );
  });

  it('places an unreadable duration on its field without a second "end required" problem', () => {
    const analysis = analyzeForm(fields({ duration: '90' }), NOW, []);
    expect(analysis.problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['duration', 'Duration.Invalid'],
    ]);
    expect(analysis.request).toBeNull();
  });

  it('writes instants back with their offset, and finds the next midnight in the zone', () => {
    expect(withOffset(NOW, 'Asia/Shanghai')).toBe('2026-11-25T20:00+08:00');
    expect(nextMidnight(NOW, 'Asia/Shanghai')).toBe('2026-11-26 00:00');
  });
});

describe('streamTaskWindows', () => {
  const entry = (index: number, domain: string, app: string, stream: string, status: HistoryEntry['status']) =>
    ({
      id: `e${index}`,
      taskId: index % 5 === 0 ? null : `T${index}`,
      requestId: null,
      status,
      domain,
      app,
      stream,
      startTime: index % 7 === 0 ? null : NOW + (index % 9) * 1800,
      endTime: NOW + (index % 9) * 1800 + 3600,
      templateId: null,
      streamType: 0,
      profile: null,
      region: null,
      createdAt: NOW - 60,
      updatedAt: NOW - 60,
      error: null,
      source: 'taper',
      extension: null,
    }) as unknown as HistoryEntry;
  // Spellings the warnings treat as one stream (a domain in capitals, names with spaces) and ones they do not.
  const domains = ['5000.livepush.myqcloud.com', '5000.LIVEPUSH.myqcloud.com ', 'other.example.com'];
  const apps = ['live', ' live', 'Live'];
  const streams = ['show', 'show ', 'Show', 'news'];
  const statuses: HistoryEntry['status'][] = ['scheduled', 'recording', 'finished', 'failed', 'unknown'];
  const history = Array.from({ length: 400 }, (_, index) =>
    entry(
      index,
      domains[index % domains.length]!,
      apps[Math.floor(index / 3) % apps.length]!,
      streams[Math.floor(index / 9) % streams.length]!,
      statuses[index % statuses.length]!,
    ),
  );
  // What the form judged against before: every entry of the history as a window.
  const allWindows: TaskWindow[] = history.map((item) => ({
    domainName: item.domain,
    appName: item.app,
    streamName: item.stream,
    startTime: item.startTime ?? item.createdAt,
    endTime: item.endTime,
    status: item.status,
    ...(item.taskId === null ? {} : { taskId: item.taskId }),
  }));

  it("gives the same warnings as the whole history, for any of the form's stream spellings", () => {
    for (const domainName of domains)
      for (const appName of apps)
        for (const streamName of streams) {
          const form = fields({ domainName, appName, streamName, from: '+30m', duration: '2h' });
          const windows = streamTaskWindows(history, { domainName, appName, streamName });
          expect(analyzeForm(form, NOW, windows).warnings).toEqual(analyzeForm(form, NOW, allWindows).warnings);
          expect(windows.length).toBeLessThan(history.length);
        }
  });

  it('maps nothing while the stream is empty', () => {
    expect(streamTaskWindows(history, { domainName: domains[0]!, appName: 'live', streamName: ' ' })).toEqual([]);
  });
});
