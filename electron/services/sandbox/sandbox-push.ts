// Asks a running sandbox (the loopback simulator) to simulate a push of a stream from now on, so recording tasks
// overlapping it get files (SearchMedia) and push events. Used by `taper sandbox push` (TAPER_ENDPOINT) and the app's
// "Simulate a push" (the sandbox it started). The simulator's control route, never the Live API: nothing here can
// reach a real account.
import { unixSeconds, type Clock } from '../../../shared/clock.js';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../../shared/result.js';

export interface SandboxPushRequest {
  domain: string;
  app: string;
  stream: string;
  /** How long the push lasts from now, seconds. */
  forSeconds: number;
}

/** The push the sandbox recorded, Unix seconds. */
export interface SandboxPush {
  domain: string;
  app: string;
  stream: string;
  startTime: number;
  endTime: number;
}

export interface SandboxPushDeps {
  clock: Clock;
  /** Default the global fetch. */
  fetch?: typeof fetch;
  /** Default 10 s. */
  timeoutMs?: number;
}

/** The control route of the sandbox at `endpoint` (`http://127.0.0.1:PORT`, or a bare `host:port`); null when no URL. */
export function pushRoute(endpoint: string): URL | null {
  try {
    return new URL('/__simulator/push', /^[a-z]+:\/\//i.test(endpoint) ? endpoint : `http://${endpoint}`);
  } catch {
    return null;
  }
}

export async function sendSandboxPush(
  endpoint: string,
  request: SandboxPushRequest,
  deps: SandboxPushDeps,
): Promise<Result<SandboxPush>> {
  const url = pushRoute(endpoint);
  if (url === null)
    return err(LocalErrorCode.InvalidInput, `TAPER_ENDPOINT "${endpoint}" is not a URL; nothing was sent.`);
  const startTime = unixSeconds(deps.clock);
  const push: SandboxPush = {
    domain: request.domain,
    app: request.app,
    stream: request.stream,
    startTime,
    endTime: startTime + request.forSeconds,
  };
  let answer: Response;
  try {
    answer = await (deps.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(push),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
    });
  } catch (error) {
    return err(
      LocalErrorCode.Network,
      `Could not reach the sandbox at ${url.host} (${error instanceof Error ? error.message : String(error)}); is \`taper sandbox\` running?`,
    );
  }
  if (!answer.ok) {
    const detail = await answer.text().catch(() => '');
    return err(
      LocalErrorCode.InvalidInput,
      `The endpoint ${url.host} is not a Taper sandbox or refused the push (HTTP ${answer.status}): ${detail.slice(0, 200)}`,
    );
  }
  return ok(push);
}
