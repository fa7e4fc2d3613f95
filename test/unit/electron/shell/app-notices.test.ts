// A record made outside the window (the tray's quick record): "created" and the window's countdown, or the failure.
import { describe, expect, it, vi } from 'vitest';
import { reportRecordOutcome } from '../../../../electron/shell/app-notices.js';
import type { RecordOutcome } from '../../../../electron/services/app-services.js';
import { err, ok } from '../../../../shared/result.js';
import { entry, NOW } from '../../support/history-fixtures.js';

function targets() {
  return { notifier: { taskCreated: vi.fn() }, windows: { send: vi.fn() }, callFailed: vi.fn() };
}

describe('reportRecordOutcome', () => {
  it('announces a created task and starts the window countdown', () => {
    const to = targets();
    const created = entry({ id: 'e-1', taskId: 'T-9' });
    reportRecordOutcome(ok({ entry: created } as RecordOutcome), to);
    expect(to.notifier.taskCreated).toHaveBeenCalledWith(created);
    expect(to.windows.send).toHaveBeenCalledWith('task:created-countdown', {
      entryId: 'e-1',
      taskId: 'T-9',
      startTime: NOW + 600,
    });
    expect(to.callFailed).not.toHaveBeenCalled();
  });

  it('reports a failure as a failed call, with no countdown', () => {
    const to = targets();
    reportRecordOutcome(err('FailedOperation', 'refused'), to);
    expect(to.callFailed).toHaveBeenCalledWith({ code: 'FailedOperation', message: 'refused' });
    expect(to.windows.send).not.toHaveBeenCalled();
    expect(to.notifier.taskCreated).not.toHaveBeenCalled();
  });
});
