import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  API_METHODS,
  API_ROOT,
  channelRoute,
  CHANNELS,
  EVENTS,
  IPC_CHANNELS,
  IPC_EVENTS,
  requestSchemas,
  type IpcChannel,
  type IpcEvent,
  type IpcResponses,
  type TaperApi,
} from '../../../../shared/ipc/contract.js';
import type { Result } from '../../../../shared/result.js';
import type { AppAlert, NewProfile, ProfileSummary } from '../../../../shared/ipc/types.js';

describe('the channel table', () => {
  it('names the same channels as the schemas, at the type level and at run time', () => {
    expectTypeOf<IpcChannel>().toEqualTypeOf<keyof typeof requestSchemas>();
    expect(Object.keys(CHANNELS).sort()).toEqual(Object.keys(requestSchemas).sort());
  });

  it('derives the response map, API_METHODS and the routes from one entry per channel', () => {
    expectTypeOf<IpcResponses['alerts:list']>().toEqualTypeOf<AppAlert[]>();
    expectTypeOf<IpcResponses['profiles:remove']>().toEqualTypeOf<null>();
    expect(API_METHODS['series:cancel-occurrence']).toEqual(['series', 'cancelOccurrence']);
    expect(IPC_CHANNELS).toEqual(Object.keys(CHANNELS));
    for (const channel of IPC_CHANNELS) expect(channelRoute(channel)).toBe(channel);
    expect(channelRoute('events')).toBeNull();
    expect(channelRoute('__proto__')).toBeNull();
    expect(API_ROOT).toBe('/api/');
  });

  it('derives window.api: methods by area, the request types the page uses, one subscription per event', () => {
    expectTypeOf<TaperApi['profiles']['add']>().parameter(0).toEqualTypeOf<NewProfile>();
    expectTypeOf<TaperApi['profiles']['add']>().returns.resolves.toEqualTypeOf<Result<ProfileSummary>>();
    expectTypeOf<TaperApi['app']['info']>().parameters.toEqualTypeOf<[]>();
    expectTypeOf<TaperApi['events']['onHistoryChanged']>().parameter(0).toEqualTypeOf<() => void>();
    expectTypeOf<TaperApi['events']['onNavigate']>()
      .parameter(0)
      .toEqualTypeOf<(event: IpcEvent['navigate']) => void>();
    expect(IPC_EVENTS.map((name) => EVENTS[name].method)).toEqual([
      'onHistoryChanged',
      'onNavigate',
      'onTaskCreatedCountdown',
      'onPlansChanged',
      'onImportProgress',
      'onNotice',
    ]);
  });
});
