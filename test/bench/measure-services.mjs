// In-process figures: the service layer's own cost per create, bulk pacing at the platform's limit, and the
// history at 20,000 entries. Uses the built modules (npm run bench builds first).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, percentile, round } from './stats.mjs';

const dist = (path) => import(new URL(`../../dist/${path}`, import.meta.url).href);

function envFor(endpoint, account) {
  return { TENCENTCLOUD_SECRET_ID: account.secretId, TENCENTCLOUD_SECRET_KEY: account.secretKey, TAPER_ENDPOINT: endpoint };
}

const request = (stream, now) => ({ domainName: 'bench.livepush.example.com', appName: 'live', streamName: stream, startTime: now + 600, endTime: now + 4200, templateId: 1 });

/** p50/p99 of recorder.record over 500 calls; the client's pacing is lifted so only Taper's cost is timed. */
export async function measureCreateOverhead(endpoint, account, calls) {
  const { createNodeServices } = await dist('electron/services/create-node-services.js');
  const services = await createNodeServices({
    env: envFor(endpoint, account),
    clock: Date.now,
    dataDir: mkdtempSync(join(tmpdir(), 'taper-bench-svc-')),
    requestsPerSecond: 100_000,
  });
  const now = Math.floor(Date.now() / 1000);
  // Warm-up: the first call loads the SDK (measured by the whole-process figure, not here).
  await services.recorder.record(request('bench-warm', now));
  const samples = [];
  for (let index = 0; index < calls; index += 1) {
    const started = performance.now();
    const outcome = await services.recorder.record(request(`bench-svc-${index}`, now));
    samples.push(performance.now() - started);
    if (!outcome.ok) throw new Error(`create failed: ${outcome.error.code} ${outcome.error.message}`);
  }
  const p50 = percentile(samples, 0.5);
  const p99 = percentile(samples, 0.99);
  return [
    { name: 'create call, service layer p50', value: round(p50, 2), unit: 'ms', goal: '<= 5', pass: p50 <= 5, detail: `${calls} calls: validate, overlap check over the history, 2 locked history writes, signed loopback HTTP call; client pacing lifted, simulator on 127.0.0.1` },
    { name: 'create call, service layer p99', value: round(p99, 2), unit: 'ms', goal: '<= 20', pass: p99 <= 20, detail: `max ${round(Math.max(...samples), 1)} ms` },
  ];
}

/** 200 creates through one composed services instance at the platform's real limit (simulator enforces 20/s). */
export async function measureBulk(endpoint, account, count) {
  const { createNodeServices } = await dist('electron/services/create-node-services.js');
  const services = await createNodeServices({ env: envFor(endpoint, account), clock: Date.now, dataDir: mkdtempSync(join(tmpdir(), 'taper-bench-bulk-')) });
  const now = Math.floor(Date.now() / 1000);
  let next = 0;
  let rateLimited = 0;
  let failed = 0;
  const started = performance.now();
  // A few calls in flight keep the pipe full; the shared client limiter does the pacing.
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < count) {
      const index = next;
      next += 1;
      const outcome = await services.recorder.record(request(`bench-bulk-${index}`, now));
      if (!outcome.ok) {
        failed += 1;
        if (outcome.error.code.startsWith('RequestLimitExceeded')) rateLimited += 1;
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const rate = count / seconds;
  return [
    { name: `bulk: ${count} tasks, sustained rate`, value: round(rate, 2), unit: 'tasks/s', goal: '>= 19 (limit 20)', pass: rate >= 19 && failed === 0, detail: `${round(seconds, 2)} s, ${failed} failed` },
    { name: 'bulk: RequestLimitExceeded surfaced', value: rateLimited, unit: 'errors', goal: '0', pass: rateLimited === 0, detail: 'simulator enforces 20 requests/s per account' },
  ];
}

function entry(index, now) {
  return {
    id: `bench-${index}`, taskId: `T${index}`, requestId: `R${index}`, status: index % 7 === 0 ? 'failed' : 'finished',
    domain: 'bench.livepush.example.com', app: 'live', stream: `stream-${index % 400}`, startTime: now - index * 60,
    endTime: now - index * 60 + 3600, templateId: 1, streamType: 0, profile: 'bench', region: 'ap-guangzhou',
    createdAt: now - index * 60, updatedAt: now - index * 60, error: null, source: 'taper', extension: null,
  };
}

/** Load, append and filter at 20,000 entries, each from a fresh store instance reading the files. */
export async function measureHistory(size) {
  const { createHistoryStore } = await dist('electron/services/history/history-store.js');
  const directory = mkdtempSync(join(tmpdir(), 'taper-bench-history-'));
  const now = Math.floor(Date.now() / 1000);
  const seed = createHistoryStore({ directory, clock: Date.now });
  const seeded = await seed.mutate(() => ({ entries: Array.from({ length: size }, (_, index) => entry(index, now)), result: null }));
  if (!seeded.ok) throw new Error(seeded.error.message);

  const load = [];
  const append = [];
  const filter = [];
  for (let round_ = 0; round_ < 7; round_ += 1) {
    const store = createHistoryStore({ directory, clock: Date.now });
    let started = performance.now();
    const listed = await store.list();
    load.push(performance.now() - started);
    if (!listed.ok || listed.value.length < size) throw new Error('history did not load');
    started = performance.now();
    const appended = await store.append({ ...entry(size + round_, now), id: undefined });
    append.push(performance.now() - started);
    if (!appended.ok) throw new Error(appended.error.message);
    started = performance.now();
    const filtered = await store.list({ stream: 'stream-17' });
    filter.push(performance.now() - started);
    if (!filtered.ok || filtered.value.length === 0) throw new Error('filter found nothing');
  }
  return [
    { name: `history ${size} entries: load`, value: round(median(load)), unit: 'ms', goal: '<= 150', pass: median(load) <= 150, detail: 'median of 7 fresh store instances' },
    { name: `history ${size} entries: append one`, value: round(median(append)), unit: 'ms', goal: '<= 30', pass: median(append) <= 30, detail: 'locked, fsync\'d journal line' },
    { name: `history ${size} entries: filter by stream`, value: round(median(filter)), unit: 'ms', goal: '<= 20', pass: median(filter) <= 20, detail: 'list({ stream }) on a loaded store' },
  ];
}
