// What every request of `taper serve` passes before it is routed, in this order: the Host/Origin (and, for the API,
// fetch-metadata) checks, shutdown, the one-time URL that turns the token into the session cookie, then the token.
// Refusals are logged with method and path only: the query may hold the token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import {
  fetchSiteRejection,
  isAuthorized,
  originRejection,
  sameSecret,
  sessionCookie,
  type RequestHeaders,
} from './auth.js';
import { BASE_HEADERS, type Responder } from './responder.js';

export interface GateContext {
  token: string;
  /** The bound port (known once the server listens). */
  port(): number;
  draining(): boolean;
  respond: Responder;
  warn(message: string): void;
}

function headersOf(request: IncomingMessage): RequestHeaders {
  const one = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return {
    host: one('host'),
    origin: one('origin'),
    authorization: one('authorization'),
    cookie: one('cookie'),
    'sec-fetch-site': one('sec-fetch-site'),
  };
}

/** The one-time URL: the token becomes the session cookie, and the address bar loses it. */
function redeemUrlToken(context: GateContext, offered: string, where: string, response: ServerResponse): void {
  const { token, respond } = context;
  if (!sameSecret(offered, token)) {
    context.warn(`refused ${where}: a wrong token in the URL`);
    return respond.text(
      response,
      401,
      "This link's token is not the one `taper serve` printed. Open the URL it printed.",
    );
  }
  response.writeHead(303, {
    ...BASE_HEADERS,
    Location: '/',
    'Set-Cookie': sessionCookie(token, context.port()),
    'Content-Length': '0',
  });
  response.end();
}

/**
 * Answers the request when it may not go on (refused, or redirected by the one-time URL) and says so: true means it
 * has been answered; false, that it passed and is the router's.
 */
export function answeredAtGate(
  context: GateContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  api: boolean,
): boolean {
  const { token, respond, warn } = context;
  const port = context.port();
  const where = `${request.method ?? '?'} ${url.pathname}`;
  const headers = headersOf(request);

  const foreign = originRejection(headers, port) ?? (api ? fetchSiteRejection(headers) : null);
  if (foreign !== null) {
    warn(`refused ${where}: ${foreign}`);
    respond.refuse(response, api, 403, LocalErrorCode.IpcForbidden, `Refused: ${foreign}.`);
    return true;
  }
  if (context.draining()) {
    respond.refuse(response, api, 503, LocalErrorCode.IpcInternal, 'Taper is shutting down.');
    return true;
  }
  const offered = url.searchParams.get('token');
  if (url.pathname === '/' && offered !== null && (request.method === 'GET' || request.method === 'HEAD')) {
    redeemUrlToken(context, offered, where, response);
    return true;
  }
  if (!isAuthorized(headers, token, port)) {
    warn(`refused ${where}: no valid token`);
    respond.refuse(
      response,
      api,
      401,
      LocalErrorCode.IpcForbidden,
      'A valid token is required: open the URL `taper serve` printed, or send Authorization: Bearer <token>.',
      { 'WWW-Authenticate': 'Bearer' },
    );
    return true;
  }
  return false;
}
