import { describe, expect, it } from 'vitest';
import { validateCreate, validateDescribe } from '../../../../electron/simulator/params.js';
import { createFaultControl } from '../../../../electron/simulator/faults.js';
import { createRateWindow } from '../../../../electron/simulator/rate-window.js';
import { createTaskStore } from '../../../../electron/simulator/task-store.js';

const NOW = 1_800_000_000;
const base = { DomainName: 'd.example.com', AppName: 'live', StreamName: 's' };
const codeOf = (outcome: { ok: boolean; error?: { code: string } }) => (outcome.ok ? 'ok' : outcome.error?.code);

describe('simulator CreateRecordTask rules', () => {
  it.each([
    [{ ...base, EndTime: NOW + 600 }, 'ok'],
    [{ ...base, StartTime: NOW + 86_400, EndTime: NOW + 2 * 86_400 }, 'ok'],
    [{ AppName: 'live', StreamName: 's', EndTime: NOW + 600 }, 'MissingParameter'],
    [{ ...base }, 'MissingParameter'],
    [{ ...base, EndTime: '123' }, 'InvalidParameterValue'],
    [{ ...base, EndTime: NOW + 600, StreamType: 2 }, 'InvalidParameterValue'],
    [{ ...base, EndTime: NOW + 600, TemplateId: -1 }, 'InvalidParameterValue'],
    [{ ...base, DomainName: 'rtmp://d.example.com', EndTime: NOW + 600 }, 'InvalidParameter'],
    [{ ...base, EndTime: NOW - 1 }, 'InvalidParameter'],
    [{ ...base, StartTime: NOW + 700, EndTime: NOW + 600 }, 'InvalidParameter'],
    [{ ...base, StartTime: NOW + 100, EndTime: NOW + 100 + 86_401 }, 'InvalidParameter'],
    [{ ...base, StartTime: NOW + 6 * 86_400 + 1, EndTime: NOW + 6 * 86_400 + 600 }, 'InvalidParameter'],
    [{ ...base, StartTime: NOW + 6 * 86_400, EndTime: NOW + 7 * 86_400 }, 'InvalidParameter'],
  ])('%j → %s', (params, code) => {
    expect(codeOf(validateCreate(params, NOW))).toBe(code);
  });

  it('treats a missing StartTime as now', () => {
    const outcome = validateCreate({ ...base, EndTime: NOW + 600 }, NOW);
    expect(outcome.ok && outcome.value.startTime).toBe(NOW);
  });
});

describe('simulator DescribeRecordTask rules', () => {
  it.each([
    [{ StartTime: NOW - 86_400, EndTime: NOW }, 'ok'],
    [{ StartTime: NOW - 8 * 86_400, EndTime: NOW }, 'InvalidParameter'],
    [{ StartTime: NOW - 91 * 86_400, EndTime: NOW - 90 * 86_400 }, 'InvalidParameter'],
    [{ StartTime: NOW, EndTime: NOW }, 'InvalidParameter'],
    [{ EndTime: NOW }, 'MissingParameter'],
  ])('%j → %s', (params, code) => {
    expect(codeOf(validateDescribe(params, NOW))).toBe(code);
  });
});

describe('simulator task store', () => {
  it('pages with scroll tokens, filters by account and stream, and rejects foreign tokens', () => {
    const store = createTaskStore(2);
    const params = {
      domainName: 'd',
      appName: 'a',
      streamName: 's',
      startTime: NOW,
      endTime: NOW + 60,
      streamType: 0 as const,
      templateId: null,
      extension: null,
    };
    const ids = [1, 2, 3, 4, 5].map((i) => store.create('A', { ...params, startTime: NOW + i }, NOW).taskId);
    store.create('B', params, NOW);
    const query = { startTime: NOW, endTime: NOW + 100 };
    const seen: string[] = [];
    let page = store.describe('A', query);
    for (let i = 0; i < 10 && page !== null; i += 1) {
      seen.push(...page.tasks.map((t) => t.taskId));
      if (page.scrollToken === undefined) break;
      page = store.describe('A', { ...query, scrollToken: page.scrollToken });
    }
    expect(seen).toEqual(ids);
    const first = store.describe('A', query);
    expect(store.describe('A', { ...query, streamName: 'x', scrollToken: first?.scrollToken ?? '' })).toBeNull();
    expect(store.stop('B', ids[0] ?? '')).toBe(false);
    expect(store.delete('A', ids[0] ?? '')).toBe(true);
    expect(store.delete('A', ids[0] ?? '')).toBe(false);
  });
});

describe('simulator faults and rate window', () => {
  it('consumes faults per use and per action; create-then-* applies to creates only', () => {
    const faults = createFaultControl();
    faults.inject('internal-error', { times: 2, action: 'StopRecordTask' });
    faults.inject('create-then-hang');
    expect(faults.take('DescribeLiveDomains')).toBeUndefined();
    expect(faults.take('StopRecordTask')).toBe('internal-error');
    expect(faults.take('CreateRecordTask')).toBe('create-then-hang');
    expect(faults.take('CreateRecordTask')).toBeUndefined();
    expect(faults.pending()).toEqual([{ mode: 'internal-error', remaining: 1, action: 'StopRecordTask' }]);
    faults.clear();
    expect(faults.take('StopRecordTask')).toBeUndefined();
    expect(() => faults.inject('hang', { times: 0 })).toThrow(RangeError);
  });

  it('admits 20 per sliding second per account', () => {
    const window = createRateWindow(20);
    const admitted = Array.from({ length: 25 }, (_, i) => window.admit('A', 1000 + i));
    expect(admitted.filter(Boolean)).toHaveLength(20);
    expect(window.admit('B', 1010)).toBe(true);
    expect(window.admit('A', 1999)).toBe(false);
    expect(window.admit('A', 2000)).toBe(true);
  });
});
