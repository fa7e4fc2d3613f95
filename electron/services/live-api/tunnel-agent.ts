// An http.Agent (agent-base) that reaches the endpoint through an HTTP proxy's CONNECT tunnel, for https and plain
// http endpoints alike. Written here rather than taken from https-proxy-agent for two behaviours the SDK needs:
// - The tunnel has a deadline. node-fetch starts its own timeout only once the request has a socket, which a proxy
//   agent hands over after the tunnel is open: a proxy that accepts the connection and never answers would hang
//   `taper` forever. Here the proxy connection is closed at the deadline, so nothing is left open either.
// - A proxy that refuses the tunnel (407 authentication required, 403 host not allowed) is a connection error, not
//   the proxy's page handed over as if the Live API had answered it: that would make a create's outcome unknown,
//   while a refused tunnel certainly sent nothing.
import type { ClientRequest } from 'node:http';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Agent, type AgentConnectOpts } from 'agent-base';

/** The error code of a tunnel that was not opened; error-mapping.ts reads it as "could not connect". */
export const PROXY_NO_TUNNEL = 'EPROXYNOTUNNEL';

/** A proxy's answer head is a few hundred bytes; more before the blank line is not an HTTP proxy. */
const MAX_HEAD_BYTES = 16 * 1024;

const noTunnel = (message: string): Error =>
  Object.assign(new Error(`${PROXY_NO_TUNNEL}: ${message}`), { code: PROXY_NO_TUNNEL });

export class TunnelAgent extends Agent {
  /** `proxy`: an http:// or https:// URL, with `user:password@` for Basic authentication. */
  constructor(
    readonly proxy: URL,
    private readonly deadlineMs: number,
  ) {
    // No keep-alive, as for direct connections (endpoint.ts): a reused socket the server closed reads as a lost answer.
    super({ keepAlive: false });
  }

  override async connect(_request: ClientRequest, options: AgentConnectOpts): Promise<Socket> {
    const host = this.proxy.hostname.replace(/^\[|\]$/g, '');
    const port = Number(this.proxy.port) || (this.proxy.protocol === 'https:' ? 443 : 80);
    const socket: Socket =
      this.proxy.protocol === 'https:'
        ? tlsConnect({ host, port, ...(isIP(host) === 0 ? { servername: host } : {}) })
        : netConnect({ host, port });
    const targetFamily = isIP(options.host ?? '');
    const target = `${targetFamily === 6 ? `[${options.host}]` : options.host}:${options.port}`;
    const timer = setTimeout(
      () =>
        socket.destroy(
          noTunnel(
            `the proxy ${this.proxy.host} did not open the tunnel to ${target} within ${Math.round(this.deadlineMs / 1000)} s`,
          ),
        ),
      this.deadlineMs,
    );
    try {
      socket.write(
        `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${this.authorization()}Proxy-Connection: close\r\n\r\n`,
      );
      const answer = await readAnswerHead(socket, this.proxy.host);
      if (answer.status !== 200)
        throw noTunnel(
          `the proxy ${this.proxy.host} refused the tunnel to ${target} (HTTP ${answer.status} ${answer.statusText})`,
        );
    } catch (error) {
      socket.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    if (!options.secureEndpoint) return socket;
    const servername = options.servername ?? (targetFamily === 0 ? options.host : undefined);
    return tlsConnect({ socket, ...(servername === undefined ? {} : { servername }) });
  }

  private authorization(): string {
    if (this.proxy.username === '' && this.proxy.password === '') return '';
    const credentials = `${decodeURIComponent(this.proxy.username)}:${decodeURIComponent(this.proxy.password)}`;
    return `Proxy-Authorization: Basic ${Buffer.from(credentials).toString('base64')}\r\n`;
  }
}

/** Reads the proxy's answer up to its blank line; what follows (none is expected) is left on the socket. */
function readAnswerHead(socket: Socket, proxyHost: string): Promise<{ status: number; statusText: string }> {
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    const done = (error: Error | null, answer?: { status: number; statusText: string }) => {
      socket.off('readable', read).off('end', ended).off('close', ended).off('error', failed);
      if (error !== null) reject(error);
      else if (answer) resolve(answer);
    };
    const read = () => {
      for (let chunk = socket.read() as Buffer | null; chunk !== null; chunk = socket.read() as Buffer | null) {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end === -1) {
          if (head.length > MAX_HEAD_BYTES)
            return done(noTunnel(`the proxy ${proxyHost} answered something that is not HTTP`));
          continue;
        }
        if (end + 4 < head.length) socket.unshift(head.subarray(end + 4));
        const match = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(
          head.subarray(0, end).toString('latin1').split('\r\n')[0] ?? '',
        );
        if (match === null) return done(noTunnel(`the proxy ${proxyHost} answered something that is not HTTP`));
        return done(null, { status: Number(match[1]), statusText: match[2] ?? '' });
      }
    };
    const ended = () => done(noTunnel(`the proxy ${proxyHost} closed the connection before opening the tunnel`));
    const failed = (error: Error) => done(error);
    socket.on('readable', read).once('end', ended).once('close', ended).once('error', failed);
  });
}
