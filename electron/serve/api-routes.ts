// The IPC contract over HTTP: `POST /api/<channel>` with the payload as the JSON body (empty for a channel without
// one) answers 200 with the handler's Result, exactly what the Electron window gets; `GET /api/events` is the stream
// of main → window pushes. Called once the request has passed the gate (request-gate.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { API_ROOT, channelRoute, EVENTS_ROUTE, type IpcChannel } from '../../shared/ipc/channels.js';
import type { IpcHandlers } from '../ipc/handlers.js';
import { BodyTooLarge, MAX_BODY_BYTES, readBody } from './request-body.js';
import { BASE_HEADERS, failure, type Responder } from './responder.js';
import type { EventHub } from './sse.js';

export const API_PREFIX = API_ROOT;
export const EVENTS_PATH = `${API_ROOT}${EVENTS_ROUTE}`;

export interface ApiContext {
  handlers: IpcHandlers;
  events: EventHub;
  respond: Responder;
}

/** A call that shutdown waits for (a create must finish and be answered); the event stream is not one. */
export function isApiCall(requestUrl: string | undefined): boolean {
  return requestUrl?.startsWith(API_PREFIX) === true && !requestUrl.startsWith(EVENTS_PATH);
}

async function callChannel(
  context: ApiContext,
  channel: IpcChannel,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { json } = context.respond;
  let body: Buffer;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return json(response, 413, failure(LocalErrorCode.InvalidInput, `The body is over ${MAX_BODY_BYTES} bytes.`), {
        Connection: 'close',
      });
    throw error;
  }
  let payload: unknown = undefined;
  if (body.length > 0) {
    // A JSON type forces a browser to ask first (a preflight, refused here) before any cross-origin body is sent.
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      return json(response, 415, failure(LocalErrorCode.InvalidInput, 'Send the payload as application/json.'));
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return json(
        response,
        400,
        failure(LocalErrorCode.InvalidInput, `Invalid payload for ${channel}: the body is not JSON.`),
      );
    }
  }
  // The handler parses the payload with the channel's schema and answers a Result: what the window gets over IPC.
  json(response, 200, await context.handlers[channel](payload));
}

/** Answers a request under /api/ (`pathname` starts with API_PREFIX). */
export async function answerApi(
  context: ApiContext,
  pathname: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { json, refuse } = context.respond;
  if (pathname === EVENTS_PATH) {
    if (request.method !== 'GET')
      return refuse(response, true, 405, LocalErrorCode.InvalidInput, 'Use GET for /api/events.', { Allow: 'GET' });
    return context.events.attach(response, { ...BASE_HEADERS });
  }
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(API_PREFIX.length));
  } catch {
    name = '';
  }
  const channel = channelRoute(name);
  if (channel === null)
    return json(
      response,
      404,
      failure(LocalErrorCode.InvalidInput, `Unknown channel ${JSON.stringify(name.slice(0, 64))}.`),
    );
  if (request.method !== 'POST')
    return json(response, 405, failure(LocalErrorCode.InvalidInput, `Use POST for /api/${channel}.`), {
      Allow: 'POST',
    });
  return callChannel(context, channel, request, response);
}
