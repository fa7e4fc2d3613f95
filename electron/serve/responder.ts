// How `taper serve` answers: every response carries the same security headers, and a refusal takes the form its
// caller reads (a Result-shaped JSON error for the API, a line of text for a page).
import type { ServerResponse } from 'node:http';
import { SERVE_CONTENT_SECURITY_POLICY } from './static-files.js';

/** Sent with every response: the page's CSP (every HTML response needs it; the others are harmless with it). */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': SERVE_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The one-time URL carries the token: no page ever hands its address to another site.
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** A Result's error, as the handlers answer one: what the page's HTTP transport reads for any refusal. */
export const failure = (code: string, message: string) => ({ ok: false, error: { code, message } });

export type ExtraHeaders = Record<string, string>;

export interface Responder {
  /** A whole response; `head` leaves the body out (a HEAD request) but keeps its length. */
  send(
    response: ServerResponse,
    status: number,
    body: string | Buffer,
    contentType: string,
    extra?: ExtraHeaders,
    head?: boolean,
  ): void;
  json(response: ServerResponse, status: number, value: unknown, extra?: ExtraHeaders): void;
  text(response: ServerResponse, status: number, message: string, extra?: ExtraHeaders): void;
  /** A refusal in the form the caller reads: a Result-shaped JSON error for the API, a line of text for pages. */
  refuse(
    response: ServerResponse,
    api: boolean,
    status: number,
    code: string,
    message: string,
    extra?: ExtraHeaders,
  ): void;
}

/** `draining`: while shutting down, every response closes its connection so none is left for a new request. */
export function createResponder(draining: () => boolean): Responder {
  const send: Responder['send'] = (response, status, body, contentType, extra = {}, head = false) => {
    response.writeHead(status, {
      ...BASE_HEADERS,
      'Content-Type': contentType,
      'Content-Length': String(Buffer.byteLength(body)),
      ...(draining() ? { Connection: 'close' } : {}),
      ...extra,
    });
    response.end(head ? undefined : body);
  };
  const json: Responder['json'] = (response, status, value, extra = {}) =>
    send(response, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);
  const text: Responder['text'] = (response, status, message, extra = {}) =>
    send(response, status, `${message}\n`, 'text/plain; charset=utf-8', extra);
  return {
    send,
    json,
    text,
    refuse: (response, api, status, code, message, extra = {}) =>
      api ? json(response, status, failure(code, message), extra) : text(response, status, message, extra),
  };
}
