// A loopback stand-in for live.tencentcloudapi.com (API 3.0, version 2018-08-01): verifies TC3 signatures
// with its own signer, validates parameters, keeps tasks in memory, limits the request rate and can be
// told to fail. Plain node:http so it starts in milliseconds for the sandbox and every integration test.
// This file wires the parts and owns the socket; a request goes to the API handler (api-requests.ts: faults,
// signature-check.ts, rate windows, api-actions.ts) or to the control routes (control-routes.ts).
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Clock } from '../../shared/clock.js';
import { createApiActions } from './api-actions.js';
import { handleApiRequest, type ApiRequestContext, type RequestRecord } from './api-requests.js';
import { handleControlRequest, type ControlContext } from './control-routes.js';
import { DEMO_ACCOUNT } from './demo-account.js';
import { createFaultControl, type FaultControl } from './faults.js';
import { createPushStore, type PushStore } from './push-store.js';
import { createRateWindow } from './rate-window.js';
import { createTemplateCatalog } from './record-templates.js';
import { createResponder } from './responses.js';
import { createStreamStates, type StreamKey, type StreamState } from './stream-states.js';
import { createTaskStore, type TaskStore } from './task-store.js';

// The simulator's surface stays importable from here, where the app, the CLI and the tests have always found it.
export { DEMO_ACCOUNT } from './demo-account.js';
export { API_VERSION, VOD_API_VERSION } from './api-versions.js';
export { MAX_CLOCK_SKEW_SECONDS } from './signature-check.js';
export { parsePush } from './control-routes.js';
export type { RequestRecord } from './api-requests.js';
export type { StreamState } from './stream-states.js';

export interface SimulatorAccount {
  secretId: string;
  secretKey: string;
}

export interface SimulatorOptions {
  /** 0 or undefined: any free port. */
  port?: number;
  /** Listen address; loopback unless told otherwise. */
  host?: string;
  /** Accepted credentials; default the sandbox's DEMO_ACCOUNT. */
  accounts?: SimulatorAccount[];
  /** The platform's clock (epoch ms); tests skew it. Default the real clock. */
  clock?: Clock;
  /** Admitted requests per account in any 1-second window; default 20 like the platform. */
  rateLimitPerSecond?: number;
  /** DescribeRecordTask page size; small values exercise ScrollToken paging. Default 20. */
  describePageSize?: number;
  /** VOD's own limit per account in any 1-second window; default 100 like the platform. */
  vodRateLimitPerSecond?: number;
  /** Seconds after a recorded part of a push ends until VOD lists its file; default 0 (the platform: about 300). */
  filesReadyAfterSeconds?: number;
}

export interface Simulator {
  /** Base URL, e.g. `http://127.0.0.1:PORT`. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
  faults: FaultControl;
  /** The tasks it holds (read them in tests; `clear()` between cases). */
  tasks: TaskStore;
  /** Every API request received so far, oldest first. */
  requests(): RequestRecord[];
  /** Forgets the request log (between test cases); the rate window is unaffected. */
  clearRequests(): void;
  /** Sets what DescribeLiveStreamState reports for a stream (default inactive). */
  setStreamState(stream: StreamKey, state: StreamState): void;
  /** Push sessions of streams: recording tasks overlapping them make files (SearchMedia) and events (DescribeLiveStreamEventList). */
  pushes: PushStore;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock ?? Date.now;
  const accounts = new Map(
    (options.accounts ?? [DEMO_ACCOUNT]).map((account) => [account.secretId, account.secretKey]),
  );
  const pushes = createPushStore(options.filesReadyAfterSeconds ?? 0);
  const tasks = createTaskStore(options.describePageSize ?? 20);
  const faults = createFaultControl();
  const streamStates = createStreamStates();
  const log: RequestRecord[] = [];
  const sockets = new Set<Socket>();
  const respond = createResponder(clock);
  const api: ApiRequestContext = {
    clock,
    accounts,
    faults,
    rateWindows: {
      live: createRateWindow(options.rateLimitPerSecond ?? 20),
      // VOD counts its own requests: a burst of SearchMedia pages does not use up Live's 20/s.
      vod: createRateWindow(options.vodRateLimitPerSecond ?? 100),
    },
    actions: createApiActions({ tasks, pushes, templates: createTemplateCatalog(), streamStates }),
    log,
    respond,
  };
  const control: ControlContext = { clock, faults, tasks, pushes, log, respond };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://simulator').pathname;
    const handler = path.startsWith('/__simulator/')
      ? handleControlRequest(control, request, response, path)
      : handleApiRequest(api, request, response);
    handler.catch(() => {
      if (!response.headersSent) respond.send(response, 500, 'simulator error', 'text/plain');
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator: no TCP address');
  const port = address.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    endpoint: `http://${urlHost}:${port}`,
    port,
    faults,
    tasks,
    requests: () => log.map((entry) => ({ ...entry })),
    clearRequests() {
      log.length = 0;
    },
    setStreamState(stream, state) {
      streamStates.set(stream, state);
    },
    pushes,
    close() {
      return new Promise<void>((resolve) => {
        // Hanging requests keep their sockets open on purpose; end them so close() returns promptly.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}
