import { describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/result.js';
import type { ImportReport } from '../../../../shared/ipc/series-import-types.js';
import { createImportJobs } from '../../../../electron/services/schedule/import-jobs.js';
import { quitQuestion } from '../../../../electron/shell/quit-guard.js';

const EMPTY_REPORT: ImportReport = {
  created: 0,
  unknown: 0,
  failed: 0,
  invalid: 0,
  items: [],
  startedAt: 0,
  finishedAt: 0,
};

describe('quit guard', () => {
  it('asks only while an import sends rows, saying how many would not be created', async () => {
    const jobs = createImportJobs();
    expect(quitQuestion(jobs.running(), 'en')).toBeNull();
    let finish: () => void = () => undefined;
    const run = jobs.run(async (progress) => {
      progress({ done: 12, total: 200, created: 12, unknown: 0, failed: 0 });
      await new Promise<void>((resolve) => (finish = resolve));
      return ok(EMPTY_REPORT);
    });
    await Promise.resolve();
    expect(quitQuestion(jobs.running(), 'en')).toEqual({
      message: 'An import is running (12/200). Quitting now stops it.',
      detail:
        '188 row(s) not sent yet would not be created. Tasks already created are not affected and stay in the history.',
      buttons: ['Keep importing', 'Quit anyway'],
    });
    expect(quitQuestion(jobs.running(), 'zh-CN')?.detail).toContain('还有 188 行尚未发送');
    finish();
    await run;
    expect(quitQuestion(jobs.running(), 'en')).toBeNull();
  });
});
