// The simulator's control routes under /__simulator/: how a test in another process (the CLI, the built app, the
// serve suite) injects faults, adds pushes and reads what the simulator holds and was asked, over plain HTTP.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { unixSeconds, type Clock } from '../../shared/clock.js';
import type { RequestRecord } from './api-requests.js';
import { isFaultMode, type FaultControl } from './faults.js';
import type { PushSession, PushStore } from './push-store.js';
import { readBody } from './request-reading.js';
import type { SimulatorResponder } from './responses.js';
import type { TaskStore } from './task-store.js';

export interface ControlContext {
  clock: Clock;
  faults: FaultControl;
  tasks: TaskStore;
  pushes: PushStore;
  /** The request log, as the API handler keeps it. */
  log: readonly RequestRecord[];
  respond: SimulatorResponder;
}

type Reply = (status: number, value: unknown) => void;

/** POST /__simulator/faults: `{ mode, times?, action? }`. */
async function injectFault(context: ControlContext, request: IncomingMessage, json: Reply): Promise<void> {
  let body: { mode?: unknown; times?: unknown; action?: unknown };
  try {
    body = JSON.parse((await readBody(request)).toString('utf8')) as typeof body;
  } catch {
    return json(400, { error: 'body must be JSON {mode, times?, action?}' });
  }
  if (!isFaultMode(body.mode)) return json(400, { error: 'unknown fault mode' });
  if (body.times !== undefined && (typeof body.times !== 'number' || !Number.isInteger(body.times) || body.times < 1)) {
    return json(400, { error: 'times must be a positive integer' });
  }
  if (body.action !== undefined && typeof body.action !== 'string')
    return json(400, { error: 'action must be a string' });
  context.faults.inject(body.mode, {
    ...(typeof body.times === 'number' ? { times: body.times } : {}),
    ...(typeof body.action === 'string' ? { action: body.action } : {}),
  });
  return json(200, { ok: true, pending: context.faults.pending() });
}

/** POST /__simulator/push: a push session, as parsePush reads it. */
async function addPush(context: ControlContext, request: IncomingMessage, json: Reply): Promise<void> {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse((await readBody(request)).toString('utf8')) as Record<string, unknown>;
  } catch {
    return json(400, { error: 'body must be JSON {domain, app, stream, startTime?, endTime | durationSeconds}' });
  }
  const push = parsePush(body, unixSeconds(context.clock));
  if (typeof push === 'string') return json(400, { error: push });
  return json(200, { ok: true, push: context.pushes.add(push) });
}

export async function handleControlRequest(
  context: ControlContext,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const json: Reply = (status, value) => context.respond.json(response, status, value);
  if (path === '/__simulator/faults' && request.method === 'DELETE') {
    context.faults.clear();
    return json(200, { ok: true });
  }
  if (path === '/__simulator/faults' && request.method === 'POST') return injectFault(context, request, json);
  if (path === '/__simulator/tasks' && request.method === 'GET') return json(200, { tasks: context.tasks.list() });
  if (path === '/__simulator/push' && request.method === 'POST') return addPush(context, request, json);
  if (path === '/__simulator/pushes' && request.method === 'GET') return json(200, { pushes: context.pushes.list() });
  if (path === '/__simulator/pushes' && request.method === 'DELETE') {
    context.pushes.clear();
    return json(200, { ok: true });
  }
  if (path === '/__simulator/requests' && request.method === 'GET') return json(200, { requests: context.log });
  return json(404, { error: 'unknown simulator control path' });
}

/** A push from the control route's body: `startTime` defaults to now; `endTime` or `durationSeconds`. An Error text when invalid. */
export function parsePush(body: Record<string, unknown>, nowSeconds: number): PushSession | string {
  for (const name of ['domain', 'app', 'stream'] as const) {
    if (typeof body[name] !== 'string' || (body[name] as string).trim() === '')
      return `${name} must be a non-empty string`;
  }
  const isSeconds = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0;
  if (body.startTime !== undefined && !isSeconds(body.startTime)) return 'startTime must be Unix seconds';
  const startTime = (body.startTime as number | undefined) ?? nowSeconds;
  let endTime: number;
  if (isSeconds(body.endTime)) endTime = body.endTime;
  else if (body.endTime === undefined && isSeconds(body.durationSeconds)) endTime = startTime + body.durationSeconds;
  else return 'give endTime (Unix seconds) or durationSeconds';
  if (endTime <= startTime) return 'endTime must be later than startTime';
  return { domain: body.domain as string, app: body.app as string, stream: body.stream as string, startTime, endTime };
}
