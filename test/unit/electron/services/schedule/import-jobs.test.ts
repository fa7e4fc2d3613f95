// The app's import jobs: the last report survives a restart (last-import.json), a damaged file is no report, and a
// disk that refuses the file does not fail the import.
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../../shared/ipc/series-import-types.js';
import { ok } from '../../../../../shared/result.js';
import { createImportJobs } from '../../../../../electron/services/schedule/import-jobs.js';
import { createLastImportFile, LAST_IMPORT_FILE } from '../../../../../electron/services/schedule/last-import-file.js';

const REPORT: ImportReport = {
  created: 1,
  unknown: 0,
  failed: 1,
  invalid: 0,
  startedAt: 1_800_000_000,
  finishedAt: 1_800_000_002,
  items: [
    {
      line: 2,
      stream: 'push.example.com/live/a',
      startTime: null,
      endTime: 1_800_003_600,
      status: 'created',
      taskIds: ['T-1'],
      plannedLinks: 0,
      warnings: [],
      error: null,
    },
    {
      line: 3,
      stream: 'push.example.com/live/b',
      startTime: null,
      endTime: 1_800_003_600,
      status: 'failed',
      taskIds: [],
      plannedLinks: 0,
      warnings: [],
      error: { code: 'InvalidParameter', message: 'bad' },
    },
  ],
};

describe('import jobs', () => {
  it('the last report is read back after a restart, from a private file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'taper-import-jobs-'));
    const before = createImportJobs(createLastImportFile(dataDir));
    expect(await before.status()).toEqual({ running: null, last: null });
    expect(await before.run(async () => ok(REPORT))).toEqual(ok(REPORT));
    // A new process (the app restarted): no memory, the file answers.
    const after = createImportJobs(createLastImportFile(dataDir));
    expect(await after.status()).toEqual({ running: null, last: REPORT });
    expect((await stat(join(dataDir, LAST_IMPORT_FILE))).mode & 0o777).toBe(0o600);
  });

  it('a damaged file is no report; a refused write is warned about and the import still answers its report', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'taper-import-jobs-'));
    await writeFile(join(dataDir, LAST_IMPORT_FILE), '{"items": "not a report"');
    expect(await createImportJobs(createLastImportFile(dataDir)).status()).toEqual({ running: null, last: null });

    const warnings: string[] = [];
    const refusing = { read: async () => null, write: async () => Promise.reject(new Error('disk full')) };
    const jobs = createImportJobs(refusing, (message) => warnings.push(message));
    expect(await jobs.run(async () => ok(REPORT))).toEqual(ok(REPORT));
    expect(await jobs.status()).toEqual({ running: null, last: REPORT });
    expect(warnings).toEqual(['the import report could not be saved: disk full']);
    expect(await readFile(join(dataDir, LAST_IMPORT_FILE), 'utf8')).toContain('not a report');
  });
});
