// `taper serve` as a real process (bin/taper, the bundled CLI) for the serve suites: started with --no-open on a free
// port, its first stdout line parsed, and spoken to over loopback HTTP as a browser or a script would. Every wait is
// bounded, so a hung server fails its test instead of the run.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { TAPER } from '../cli/run-taper.js';

/** The first stdout line's contract: `http://127.0.0.1:PORT/?token=TOKEN`. */
export const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d{1,5})\/\?token=([A-Za-z0-9_-]{22,})$/;

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  /** The first stdout line, as printed. */
  url: string;
  port: number;
  token: string;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (bounded). */
  exited(timeoutMs?: number): Promise<number | null>;
  /** Waits until stderr matches (bounded). */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then the exit code; SIGKILL if it is still there after the timeout. */
  stop(timeoutMs?: number): Promise<number | null>;
}

export function bounded<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startServe(
  env: Record<string, string | undefined>,
  args: readonly string[] = ['--port', '0'],
  timeoutMs = 20_000,
): Promise<ServeProcess> {
  const clean = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, [TAPER, 'serve', '--no-open', ...args], {
    env: clean,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const stderrWaiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of stderrWaiters) waiter();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    const look = () => {
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve(stdout.slice(0, end));
    };
    child.stdout.on('data', look);
    void exit.then((code) =>
      reject(new Error(`taper serve exited ${code} before printing its URL:\n${stdout}\n${stderr}`)),
    );
  });
  const url = await bounded(firstLine, timeoutMs, 'taper serve printing its URL').catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const match = URL_LINE.exec(url);
  if (match === null) {
    child.kill('SIGKILL');
    throw new Error(`the first stdout line is not the URL contract: ${JSON.stringify(url)}`);
  }
  const process_: ServeProcess = {
    child,
    url,
    port: Number(match[1]),
    token: match[2]!,
    stdout: () => stdout,
    stderr: () => stderr,
    exited: (wait = 40_000) => bounded(exit, wait, 'taper serve exiting'),
    waitForStderr(pattern, wait = 20_000) {
      return bounded(
        new Promise<void>((resolve) => {
          const check = () => {
            if (!pattern.test(stderr)) return;
            stderrWaiters.delete(check);
            resolve();
          };
          stderrWaiters.add(check);
          check();
        }),
        wait,
        `stderr matching ${pattern}`,
      );
    },
    async stop(wait = 40_000) {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      try {
        return await bounded(exit, wait, 'taper serve stopping');
      } catch (error) {
        child.kill('SIGKILL');
        throw error;
      }
    },
  };
  return process_;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * One HTTP request with exactly the headers given (fetch would not let a test set Host or leave Origin out), with
 * Host defaulting to 127.0.0.1:PORT.
 */
export function raw(
  port: number,
  { method = 'GET', path, headers = {}, body }: RawRequest,
  timeoutMs = 20_000,
): Promise<RawResponse> {
  return bounded(
    new Promise<RawResponse>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: { Host: `127.0.0.1:${port}`, Connection: 'close', ...headers },
          agent: false,
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    }),
    timeoutMs,
    `${method} ${path}`,
  );
}

/** `POST /api/<channel>` with the bearer token, answered as JSON. */
export async function call<T = unknown>(
  serve: Pick<ServeProcess, 'port' | 'token'>,
  channel: string,
  payload?: unknown,
  timeoutMs?: number,
): Promise<{ status: number; value: T }> {
  const response = await raw(
    serve.port,
    {
      method: 'POST',
      path: `/api/${channel}`,
      headers: {
        Authorization: `Bearer ${serve.token}`,
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    },
    timeoutMs,
  );
  return { status: response.status, value: JSON.parse(response.body) as T };
}

export interface EventStream {
  /** Resolves with the data of the next event of that name (bounded). */
  next(event: string, timeoutMs?: number): Promise<unknown>;
  close(): void;
}

/** Opens `GET /api/events` with the bearer token; resolves once the server says the subscription is in place. */
export function openEvents(serve: Pick<ServeProcess, 'port' | 'token'>, timeoutMs = 20_000): Promise<EventStream> {
  return bounded(
    new Promise<EventStream>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port: serve.port,
          path: '/api/events',
          headers: { Authorization: `Bearer ${serve.token}`, Accept: 'text/event-stream' },
          agent: false,
        },
        (response) => {
          if (response.statusCode !== 200) return reject(new Error(`/api/events answered ${response.statusCode}`));
          // Destroying the request on close() aborts the response: that is the end, not a failure.
          response.on('error', () => undefined);
          let buffer = '';
          const seen: { event: string; data: unknown }[] = [];
          const waiters = new Set<() => void>();
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (block.includes(': connected')) resolve(stream);
              const name = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (name !== undefined && data !== undefined)
                seen.push({ event: name, data: JSON.parse(data) as unknown });
            }
            for (const waiter of waiters) waiter();
          });
          const stream: EventStream = {
            next(event, wait = 20_000) {
              return bounded(
                new Promise<unknown>((found) => {
                  const check = () => {
                    const index = seen.findIndex((item) => item.event === event);
                    if (index < 0) return;
                    waiters.delete(check);
                    found(seen.splice(index, 1)[0]!.data);
                  };
                  waiters.add(check);
                  check();
                }),
                wait,
                `the event ${event}`,
              );
            },
            close: () => request.destroy(),
          };
        },
      );
      request.on('error', reject);
      request.end();
    }),
    timeoutMs,
    'opening /api/events',
  );
}
