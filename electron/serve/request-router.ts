// Where a request of `taper serve` goes: through the gate (request-gate.ts), then to the event stream or a channel
// (api-routes.ts) under /api/, else to the built renderer's files (GET and HEAD only).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerApi, API_PREFIX, type ApiContext } from './api-routes.js';
import { SERVE_HOST } from './auth.js';
import { answeredAtGate, type GateContext } from './request-gate.js';
import type { StaticFiles } from './static-files.js';

export interface RouterContext extends GateContext, ApiContext {
  files: StaticFiles;
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function createRequestRouter(context: RouterContext): RequestHandler {
  const { respond, files } = context;

  async function serveFile(pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const file = await files(pathname);
    if (file === null) return respond.text(response, 404, 'Not found');
    respond.send(response, 200, file.body, file.contentType, {}, request.method === 'HEAD');
  }

  return async (request, response) => {
    const target = request.url ?? '';
    // Origin-form only ("/path"): an absolute URL names another authority than the Host we checked.
    if (!target.startsWith('/')) return respond.text(response, 400, 'Bad request');
    const url = new URL(target, `http://${SERVE_HOST}`);
    const { pathname } = url;
    const api = pathname.startsWith(API_PREFIX);
    if (answeredAtGate(context, request, response, url, api)) return;
    if (api) return answerApi(context, pathname, request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return respond.text(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return serveFile(pathname, request, response);
  };
}
