// Remembers the `Date` header of the last response each agent received. The SDK hides response headers
// when it throws an API error, so a diagnostics channel (a documented Node hook) reads them instead;
// AuthFailure.SignatureExpire can then say how far the user's clock is off.
import { subscribe } from 'node:diagnostics_channel';
import type { Agent, ClientRequest, IncomingMessage } from 'node:http';

const lastDates = new WeakMap<Agent, number>();
let subscribed = false;

function onResponse(message: unknown): void {
  // ClientRequest keeps its agent at runtime (`request.agent`), though @types/node does not declare it.
  const { request, response } = message as { request?: ClientRequest & { agent?: Agent }; response?: IncomingMessage };
  const agent = request?.agent;
  const date = response?.headers.date;
  if (agent === undefined || date === undefined) return;
  const ms = Date.parse(date);
  if (Number.isFinite(ms)) lastDates.set(agent, ms);
}

/** Starts recording server dates for responses through `agent`. */
export function trackServerDate(agent: Agent): void {
  if (!subscribed) {
    subscribe('http.client.response.finish', onResponse);
    subscribed = true;
  }
  lastDates.delete(agent);
}

/** The last server Date seen through `agent`, epoch ms (1-second precision), if any. */
export function lastServerDate(agent: Agent): number | undefined {
  return lastDates.get(agent);
}
