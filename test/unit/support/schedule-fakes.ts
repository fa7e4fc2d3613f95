// In-memory stand-ins for the scheduler's ports: a history, a plan store and a RecordService that validates with the
// real rules, writes `unknown` before "calling" and then applies a scripted outcome, like the real one.
import type { HistoryPort, AccountOptions, RecordService } from '../../../electron/services/app-services.js';
import type { PlanStore } from '../../../electron/services/schedule/plan-store.js';
import { createScheduler, type NewSeries, type Scheduler } from '../../../electron/services/schedule/scheduler.js';
import type { RecordRequest } from '../../../shared/domain.js';
import type { HistoryEntry } from '../../../shared/history.js';
import { err, ok, type AppError, type Result } from '../../../shared/result.js';
import { normalizeRecordRequest, validateRecordRequest } from '../../../shared/rules/validate-record.js';
import { emptyPlans, type PlansDocument } from '../../../shared/schedule/plans.js';

export function fakeClock(startSeconds: number) {
  let ms = startSeconds * 1000;
  const clock = () => ms;
  return {
    clock,
    set: (seconds: number) => void (ms = seconds * 1000),
    advance: (seconds: number) => void (ms += seconds * 1000),
    now: () => Math.floor(ms / 1000),
  };
}

export function fakeHistory(nowSeconds: () => number) {
  const entries: HistoryEntry[] = [];
  let seq = 0;
  const port: HistoryPort = {
    list: async () => ok(entries.map((entry) => ({ ...entry }))),
    append: async (entry) => {
      const saved = { ...entry, id: entry.id ?? `h${++seq}`, updatedAt: nowSeconds() } as HistoryEntry;
      entries.push(saved);
      return ok({ ...saved });
    },
    update: async (id, patch) => {
      const index = entries.findIndex((entry) => entry.id === id);
      if (index < 0) return err('Taper.Task.NotFound', id);
      entries[index] = { ...(entries[index] as HistoryEntry), ...patch, updatedAt: nowSeconds() };
      return ok({ ...(entries[index] as HistoryEntry) });
    },
    findByTaskId: async (taskId) => ok(entries.find((entry) => entry.taskId === taskId) ?? null),
    mutate: async (change) => {
      const { entries: next, result } = change(entries.slice());
      entries.splice(0, entries.length, ...next);
      return ok(result);
    },
    exportCsv: async () => ok(''),
    exportJson: async () => ok('[]'),
  };
  return { port, entries };
}

export type Outcome = 'ok' | 'unknown' | AppError;

/** A RecordService over the fake history; `script` decides each create's outcome (default ok). */
export function fakeRecorder(history: HistoryPort, nowSeconds: () => number) {
  const calls: { request: RecordRequest; options: AccountOptions | undefined }[] = [];
  const stops: string[] = [];
  const removes: string[] = [];
  const script: Outcome[] = [];
  let taskSeq = 0;
  const service: RecordService = {
    preview: async (request) => ({ problems: validateRecordRequest(request, nowSeconds()), warnings: [], params: {} }),
    async record(request, options) {
      const normalized = normalizeRecordRequest(request);
      const problems = validateRecordRequest(normalized, nowSeconds());
      if (problems.length > 0)
        return {
          ok: false,
          error: { code: 'Taper.InvalidInput', message: problems.map((p) => p.message).join('; '), problems },
        };
      calls.push({ request: normalized, options });
      const pending = await history.append({
        taskId: null,
        requestId: null,
        status: 'unknown',
        domain: normalized.domainName,
        app: normalized.appName,
        stream: normalized.streamName,
        startTime: normalized.startTime ?? null,
        endTime: normalized.endTime,
        templateId: normalized.templateId ?? null,
        streamType: normalized.streamType ?? 0,
        profile: options?.profile ?? null,
        region: 'ap-guangzhou',
        createdAt: nowSeconds(),
        error: null,
        source: 'taper',
        extension: null,
      });
      if (!pending.ok) return pending;
      const outcome = script.shift() ?? 'ok';
      if (outcome === 'unknown') {
        const error = { code: 'Taper.UnknownOutcome', message: 'lost answer' };
        await history.update(pending.value.id, { error });
        return { ok: false, error };
      }
      if (outcome !== 'ok') {
        await history.update(pending.value.id, { status: 'failed', error: outcome });
        return { ok: false, error: outcome };
      }
      const start = normalized.startTime ?? nowSeconds();
      const saved = await history.update(pending.value.id, {
        taskId: `task-${++taskSeq}`,
        requestId: `req-${taskSeq}`,
        status: start > nowSeconds() ? 'scheduled' : 'recording',
        error: null,
      });
      return saved.ok ? ok({ entry: saved.value, warnings: [] }) : saved;
    },
    async stop(id) {
      stops.push(id);
      return history.update(id, { status: 'stopped' });
    },
    async remove(id) {
      removes.push(id);
      return history.update(id, { status: 'deleted' });
    },
  };
  return { service, calls, stops, removes, script };
}

/** A plan store in memory with the same transaction contract as the file one. */
export function memoryPlanStore() {
  let stored: PlansDocument = emptyPlans();
  let queue: Promise<unknown> = Promise.resolve();
  const store: PlanStore = {
    read: async () => ok(structuredClone(stored)),
    transact<T>(work: Parameters<PlanStore['transact']>[0]): Promise<Result<T>> {
      const run = queue.then(async () => {
        const { document, result } = await work(
          structuredClone(stored),
          async (draft) => void (stored = structuredClone(draft)),
        );
        stored = structuredClone(document);
        return result as Result<T>;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return { store, current: () => stored };
}

/** A scheduler on the fakes above, its clock at `startIso`; series ids are s1, s2, … */
export function schedulerWorld(startIso: string) {
  const time = fakeClock(Math.floor(Date.parse(startIso) / 1000));
  const history = fakeHistory(time.now);
  const recorder = fakeRecorder(history.port, time.now);
  const plans = memoryPlanStore();
  let ids = 0;
  const scheduler = createScheduler({
    clock: time.clock,
    recorder: recorder.service,
    history: history.port,
    plans: plans.store,
    newId: () => `s${++ids}`,
  });
  return { time, history, recorder, plans, scheduler };
}

/** addSeries that must succeed; returns the new series' id. */
export async function addSeriesOrThrow(scheduler: Scheduler, input: NewSeries): Promise<string> {
  const added = await scheduler.addSeries(input);
  if (!added.ok) throw new Error(added.error.message);
  return added.value.series.id;
}
