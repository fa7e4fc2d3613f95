// An http.Agent that reaches the endpoint through an HTTP proxy's CONNECT tunnel (https-proxy-agent), for https and
// plain http endpoints alike. One change to the library: a proxy that refuses the tunnel (407 authentication
// required, 403 host not allowed) is a connection error, not the proxy's own page handed over as if the Live API had
// answered it. An answer from the API would make a create's outcome unknown. A refused tunnel certainly sent nothing.
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { HttpsProxyAgent } from 'https-proxy-agent';

/** The error code Taper gives a refused tunnel; error-mapping.ts reads it as "could not connect". */
export const PROXY_REFUSED = 'EPROXYREFUSED';

type ConnectOptions = Parameters<HttpsProxyAgent<string>['connect']>[1];

interface ProxyConnectResponse {
  statusCode: number;
  statusText: string;
}

export class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(proxy: URL) {
    // No keep-alive, as for direct connections (endpoint.ts): a reused socket the server closed reads as a lost answer.
    super(proxy.href, { keepAlive: false });
  }

  override async connect(request: ClientRequest, options: ConnectOptions): Promise<Socket> {
    let answer: ProxyConnectResponse | undefined;
    const onProxyConnect = (connect: ProxyConnectResponse, forRequest: ClientRequest) => {
      if (forRequest === request) answer = connect;
    };
    this.on('proxyConnect', onProxyConnect);
    let socket: Socket;
    try {
      socket = await super.connect(request, options);
    } finally {
      this.off('proxyConnect', onProxyConnect);
    }
    if (answer === undefined || answer.statusCode === 200) return socket;
    socket.destroy();
    const refused = new Error(
      `${PROXY_REFUSED}: the proxy ${this.proxy.host} refused the tunnel to ${options.host}:${options.port} (HTTP ${answer.statusCode} ${answer.statusText})`,
    );
    throw Object.assign(refused, { code: PROXY_REFUSED });
  }
}
