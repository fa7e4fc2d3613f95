// A loopback stand-in endpoint in front of the simulator that holds every request of one API action until the test
// releases it: a create is then provably in flight while the test does something (sends SIGTERM, say). Requests are
// forwarded byte for byte, Host included, so the TC3 signature the simulator checks is the one the client made.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HoldingProxy {
  endpoint: string;
  /** Resolves when the next held request has arrived (bounded by the caller). */
  held(): Promise<void>;
  /** Lets every held request (and all later ones) through. */
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string, action: string): Promise<HoldingProxy> {
  const upstream = new URL(target);
  let released = false;
  const waiting: (() => void)[] = [];
  const arrivals: (() => void)[] = [];
  let arrived = 0;
  const sockets = new Set<Socket>();

  const forward = (request: IncomingMessage, body: Buffer, response: ServerResponse) => {
    const outgoing = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent: false,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', () => response.destroy());
    outgoing.end(body);
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      if (released || request.headers['x-tc-action'] !== action) return forward(request, body, response);
      arrived += 1;
      arrivals.splice(0).forEach((notify) => notify());
      waiting.push(() => forward(request, body, response));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let seen = 0;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    held() {
      return new Promise((resolve) => {
        const check = () => {
          if (arrived > seen) {
            seen += 1;
            resolve();
          } else arrivals.push(check);
        };
        check();
      });
    },
    release() {
      released = true;
      waiting.splice(0).forEach((go) => go());
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
