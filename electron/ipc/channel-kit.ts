// The kit every feature module (electron/ipc/channels/<area>.ts) is written with: the type of a feature's handler
// bodies, what they are given, and `validated`, which wraps each body in the contract's checks (the payload parsed
// with its channel's schema, a throw mapped to `Taper.Ipc.Internal` and logged). The sender check is
// validated-ipc-main.ts's (Electron) and serve/request-gate.ts's (`taper serve`).
import type { z } from 'zod';
import { requestSchemas, type IpcChannel, type IpcRequest, type IpcResponse } from '../../shared/ipc/contract.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { AppServices, AccountOptions } from '../services/app-services.js';
import type { ImportJobs } from '../services/schedule/import-jobs.js';
import type { ScheduleServices } from '../services/schedule/schedule-services.js';
import { IpcErrorCode } from './ipc-errors.js';
import type { ShellHooks } from './shell-hooks.js';

/** What every feature module gets. */
export interface ChannelContext {
  services: AppServices;
  hooks: ShellHooks;
  /** The scheduler and plans built on the same services (chains, far-ahead plans, series, bulk). */
  schedule: ScheduleServices;
  /** The app's import jobs (with its last report on disk). */
  imports: ImportJobs;
}

/** The channels whose name starts with `<prefix>:`. */
export type ChannelsOf<Prefix extends string> = Extract<IpcChannel, `${Prefix}:${string}`>;

/** One body per channel: it receives the payload already parsed by the channel's schema and answers a Result. */
export type ChannelBodies<C extends IpcChannel> = { [K in C]: (payload: IpcRequest<K>) => Promise<IpcResponse<K>> };

/** The handler map: every channel of the contract, each taking the raw (untrusted) payload. */
export type IpcHandlers = { [C in IpcChannel]: (payload: unknown) => Promise<IpcResponse<C>> };

function invalidInput<T>(
  channel: IpcChannel,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Result<T> {
  const detail = issues
    .slice(0, 5)
    .map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.map(String).join('.')}: ${issue.message}`))
    .join('; ');
  return err(IpcErrorCode.InvalidInput, `Invalid payload for ${channel}: ${detail}`);
}

/** Every body behind its channel's schema and the error mapping: what main registers and `taper serve` calls. */
export function validated(bodies: ChannelBodies<IpcChannel>, logError: ShellHooks['logError']): IpcHandlers {
  const handlers: Partial<Record<IpcChannel, (payload: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of Object.keys(bodies) as IpcChannel[]) {
    const schema = requestSchemas[channel] as z.ZodType;
    const body = bodies[channel] as (payload: unknown) => Promise<Result<unknown>>;
    handlers[channel] = async (payload) => {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return invalidInput(channel, parsed.error.issues);
      try {
        return await body(parsed.data);
      } catch (error) {
        // The error's text may quote a request or a key: it goes to main's log only, never to the renderer.
        logError(channel, error);
        return err(IpcErrorCode.Internal, `Taper could not complete ${channel}; details are in the log.`);
      }
    };
  }
  return handlers as IpcHandlers;
}

/** The record options of a payload's optional `profile`. */
export function accountOptions(profile: string | undefined): AccountOptions | undefined {
  return profile === undefined ? undefined : { profile };
}

export function mapOk<T, U>(result: Result<T>, map: (value: T) => U): Result<U> {
  return result.ok ? ok(map(result.value)) : result;
}
