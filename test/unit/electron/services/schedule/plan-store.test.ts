import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanStore, PLANS_FILE } from '../../../../../electron/services/schedule/plan-store.js';
import { err, ok } from '../../../../../shared/result.js';
import type { StoredSeries } from '../../../../../shared/schedule/plans.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taper-plans-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const series = { id: 'series-1' } as StoredSeries;

describe('plan store transact', () => {
  it("answers its work's Result as it is: the value of an ok, the error of a failure", async () => {
    const store = createPlanStore({ directory });
    expect(await store.transact(async (document) => ({ document, result: ok(3) }))).toEqual({ ok: true, value: 3 });
    expect(
      await store.transact(async (document) => ({ document, result: err('Taper.Schedule.NotFound', 'gone') })),
    ).toEqual({ ok: false, error: { code: 'Taper.Schedule.NotFound', message: 'gone' } });
  });

  it('writes the document its work returns even when the result is an error', async () => {
    const store = createPlanStore({ directory });
    const answered = await store.transact(async (document) => {
      document.series.push(series);
      return { document, result: err('Taper.InvalidInput', 'refused, but the draft is kept') };
    });
    expect(answered.ok).toBe(false);
    const written = JSON.parse(await readFile(join(directory, PLANS_FILE), 'utf8'));
    expect(written.series).toEqual([series]);
  });
});
