// A TCP server on loopback that accepts connections and never answers (a proxy or endpoint gone silent). It keeps
// reading, so it sees when the other side closes: `open` counts what is still connected.
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

export interface SilentServer {
  port: number;
  /** Connections not closed yet. */
  open(): number;
  close(): void;
}

export async function startSilentServer(): Promise<SilentServer> {
  const held = new Set<Socket>();
  const server = createServer((socket) => {
    held.add(socket);
    socket.on('close', () => held.delete(socket)).resume();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('silent server has no port');
  return {
    port: address.port,
    open: () => held.size,
    close: () => {
      for (const socket of held) socket.destroy();
      server.close();
    },
  };
}
