import { describe, expect, it } from 'vitest';
import type { RecordRequest, TaskStatus, TaskWindow } from '../../../../shared/domain.js';
import { overlappingTasks, recordWarnings } from '../../../../shared/rules/record-warnings.js';

const NOW = 1_795_608_000; // 2026-11-25T12:00:00Z
const HOUR = 3600;

const stream = { domainName: '5000.livepush.myqcloud.com', appName: 'live', streamName: 'show' };
const request: RecordRequest = { ...stream, startTime: NOW + HOUR, endTime: NOW + 2 * HOUR, templateId: 7 };

function task(
  taskId: string,
  startTime: number,
  endTime: number,
  status: TaskStatus = 'scheduled',
  other: Partial<TaskWindow> = {},
): TaskWindow {
  return { ...stream, taskId, startTime, endTime, status, ...other };
}

function warningCodes(req: RecordRequest, existingTasks: TaskWindow[] = []): string[] {
  return recordWarnings(req, { nowSeconds: NOW, existingTasks }).map((warning) => warning.code);
}

describe('recordWarnings', () => {
  it('gives only the retention notice for a clean later request with a template', () => {
    expect(warningCodes(request)).toEqual(['RecordExpires']);
  });

  it('always says when the platform forgets the task record, as an ISO date', () => {
    const [notice] = recordWarnings(request, { nowSeconds: NOW, existingTasks: [] });
    // 90 days after 2026-11-25.
    expect(notice).toMatchObject({ code: 'RecordExpires' });
    expect(notice?.message).toContain('2027-02-23');
    expect(notice?.message).toContain('3 months');
  });

  describe('PushDelay', () => {
    it('warns when the start is omitted or within 3 s of now', () => {
      expect(warningCodes({ ...request, startTime: undefined })).toContain('PushDelay');
      expect(warningCodes({ ...request, startTime: NOW })).toContain('PushDelay');
      expect(warningCodes({ ...request, startTime: NOW + 3 })).toContain('PushDelay');
      expect(warningCodes({ ...request, startTime: NOW + 4 })).not.toContain('PushDelay');
    });

    it('tells the user to wait 3 s before pushing', () => {
      const warning = recordWarnings({ ...request, startTime: undefined }, { nowSeconds: NOW, existingTasks: [] }).find(
        (candidate) => candidate.code === 'PushDelay',
      );
      expect(warning?.message).toContain('at least 3 s after the task is created');
    });
  });

  describe('Overlap and OverlapLimit', () => {
    it('names the overlapping tasks of the same stream', () => {
      const warnings = recordWarnings(request, {
        nowSeconds: NOW,
        existingTasks: [task('T-1', NOW + HOUR / 2, NOW + HOUR + 1), task('T-2', NOW, NOW + 3 * HOUR, 'recording')],
      });
      const overlap = warnings.find((warning) => warning.code === 'Overlap');
      expect(overlap?.message).toContain('2 active tasks');
      expect(overlap?.message).toContain('T-1');
      expect(overlap?.message).toContain('T-2');
      expect(warnings.map((warning) => warning.code)).not.toContain('OverlapLimit');
    });

    it('switches to OverlapLimit at 3 overlapping tasks', () => {
      const three = [
        task('A', NOW, NOW + 3 * HOUR),
        task('B', NOW, NOW + 3 * HOUR, 'recording'),
        task('C', NOW, NOW + 3 * HOUR, 'unknown'),
      ];
      const codes = warningCodes(request, three);
      expect(codes).toContain('OverlapLimit');
      expect(codes).not.toContain('Overlap');
      const message = recordWarnings(request, { nowSeconds: NOW, existingTasks: three }).find(
        (warning) => warning.code === 'OverlapLimit',
      )?.message;
      expect(message).toContain('at most 3');
      expect(message).toContain('may not record');
    });

    it('ignores touching windows, other streams and tasks that can no longer record', () => {
      const tasks = [
        task('touch-before', NOW, NOW + HOUR),
        task('touch-after', NOW + 2 * HOUR, NOW + 3 * HOUR),
        task('other-stream', NOW, NOW + 3 * HOUR, 'scheduled', { streamName: 'other' }),
        task('other-app', NOW, NOW + 3 * HOUR, 'scheduled', { appName: 'live2' }),
        task('other-domain', NOW, NOW + 3 * HOUR, 'scheduled', { domainName: 'b.example.com' }),
        ...(['finished', 'stopped', 'deleted', 'failed'] as const).map((status) =>
          task(status, NOW, NOW + 3 * HOUR, status),
        ),
      ];
      expect(overlappingTasks(request, tasks, NOW)).toEqual([]);
      expect(warningCodes(request, tasks)).toEqual(['RecordExpires']);
    });

    it('counts an overlap of one second, and matches the stream trimmed and the domain case-insensitively', () => {
      const tasks = [
        task('edge', NOW + 2 * HOUR - 1, NOW + 3 * HOUR, 'scheduled', {
          domainName: ' 5000.LivePush.myqcloud.com ',
          streamName: 'show ',
        }),
      ];
      expect(overlappingTasks(request, tasks, NOW).map((found) => found.taskId)).toEqual(['edge']);
    });

    it('starts a "now" request at now', () => {
      const now = { ...request, startTime: undefined, endTime: NOW + HOUR };
      expect(overlappingTasks(now, [task('running', NOW - HOUR, NOW + 1, 'recording')], NOW)).toHaveLength(1);
      expect(overlappingTasks(now, [task('ended', NOW - HOUR, NOW, 'recording')], NOW)).toHaveLength(0);
    });

    it('mentions a task without TaskId (unknown outcome)', () => {
      const unknown: TaskWindow = { ...stream, startTime: NOW, endTime: NOW + 3 * HOUR, status: 'unknown' };
      const message = recordWarnings(request, { nowSeconds: NOW, existingTasks: [unknown] }).find(
        (warning) => warning.code === 'Overlap',
      )?.message;
      expect(message).toContain('no TaskId yet');
    });
  });

  it('warns that no template means HLS kept permanently', () => {
    const warning = recordWarnings({ ...request, templateId: undefined }, { nowSeconds: NOW, existingTasks: [] }).find(
      (candidate) => candidate.code === 'NoTemplate',
    );
    expect(warning?.message).toMatch(/HLS.*permanently/);
    expect(warningCodes({ ...request, templateId: 0 })).not.toContain('NoTemplate');
  });

  it('warns that a window under 10 s gives no file, and not at 10 s', () => {
    expect(warningCodes({ ...request, endTime: request.startTime! + 9 })).toContain('TooShort');
    expect(warningCodes({ ...request, endTime: request.startTime! + 10 })).not.toContain('TooShort');
    expect(warningCodes({ ...request, startTime: undefined, endTime: NOW + 9 })).toContain('TooShort');
  });

  it('can give every warning at once', () => {
    const codes = warningCodes({ ...stream, endTime: NOW + 5 }, [
      task('A', NOW, NOW + HOUR),
      task('B', NOW, NOW + HOUR),
      task('C', NOW, NOW + HOUR),
    ]);
    expect(codes).toEqual(['PushDelay', 'OverlapLimit', 'NoTemplate', 'TooShort', 'RecordExpires']);
  });
});
