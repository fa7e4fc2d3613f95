// How the simulator answers: every response dated by the simulator's clock, and API answers in Tencent's envelope.
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import type { ApiOutcome } from './api-error.js';

export interface SimulatorResponder {
  send(response: ServerResponse, status: number, body: string, contentType: string): void;
  /** A JSON body (the control routes). */
  json(response: ServerResponse, status: number, value: unknown): void;
  /** An API outcome as `{ Response: { ..., RequestId } }`, with `Response.Error` for an error. */
  sendApi(response: ServerResponse, outcome: ApiOutcome<Record<string, unknown>>): void;
}

export function createResponder(clock: Clock): SimulatorResponder {
  function send(response: ServerResponse, status: number, body: string, contentType: string): void {
    response.writeHead(status, {
      'Content-Type': contentType,
      'Content-Length': Buffer.byteLength(body),
      // The simulator's clock, not the host's: a skewed simulator must show a skewed Date like a real server would.
      Date: new Date(clock()).toUTCString(),
    });
    response.end(body);
  }
  return {
    send,
    json: (response, status, value) => send(response, status, JSON.stringify(value), 'application/json'),
    sendApi(response, outcome) {
      const requestId = randomUUID();
      const payload = outcome.ok
        ? { Response: { ...outcome.value, RequestId: requestId } }
        : { Response: { Error: { Code: outcome.error.code, Message: outcome.error.message }, RequestId: requestId } };
      // Tencent answers API errors with HTTP 200, the error being in the body.
      send(response, 200, JSON.stringify(payload), 'application/json');
    },
  };
}
