// Quitting during an import asks first: staying keeps everything running, quitting anyway (or no import) tears down.
import { describe, expect, it, vi } from 'vitest';
import { beforeQuitHandler } from '../../../../electron/shell/quit-flow.js';
import type { ImportProgress } from '../../../../shared/ipc/series-import-types.js';

function flow(running: ImportProgress | null, answer: number) {
  const ask = vi.fn(() => answer);
  const teardown = vi.fn();
  const event = { preventDefault: vi.fn() };
  beforeQuitHandler({ runningImport: () => running, language: () => 'en', ask, teardown })(event);
  return { ask, teardown, event };
}

const importing: ImportProgress = { done: 12, total: 200, created: 12, unknown: 0, failed: 0 };

describe('beforeQuitHandler', () => {
  it('quits at once when nothing would be lost', () => {
    const { ask, teardown, event } = flow(null, 0);
    expect(ask).not.toHaveBeenCalled();
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(teardown).toHaveBeenCalledOnce();
  });

  it('keeps the app running when the user chooses to stay during an import', () => {
    const { ask, teardown, event } = flow(importing, 0);
    expect(ask).toHaveBeenCalledWith({
      type: 'warning',
      message: 'An import is running (12/200). Quitting now stops it.',
      detail: expect.stringContaining('188 row(s) not sent yet'),
      buttons: expect.any(Array),
      defaultId: 0,
      cancelId: 0,
    });
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(teardown).not.toHaveBeenCalled();
  });

  it('tears down when the user quits anyway', () => {
    const { teardown, event } = flow(importing, 1);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(teardown).toHaveBeenCalledOnce();
  });
});
