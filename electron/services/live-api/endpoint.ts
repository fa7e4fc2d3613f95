// Turns Taper's endpoint setting (default host, another host, or a full URL such as TAPER_ENDPOINT=
// http://127.0.0.1:9000) into what the SDK needs: an endpoint string, a protocol and an explicit agent, which goes
// through an HTTP proxy when one is set for that host.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP } from 'node:net';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { AppError } from '../../../shared/result.js';
import { chooseProxy, type ProxyFor } from './proxy.js';
import { TunnelAgent } from './tunnel-agent.js';

export const DEFAULT_LIVE_HOST = 'live.tencentcloudapi.com';

/** The API services Taper calls: the first label of their host is the TC3 credential scope's service. */
export type ApiService = 'live' | 'vod';

/** Which proxy to reach an endpoint through, and how long opening its tunnel may take (the client's call timeout). */
export interface ProxyOptions {
  proxyFor: ProxyFor;
  tunnelDeadlineMs: number;
}

/** How the SDK client must be configured for one endpoint. */
export interface ResolvedEndpoint {
  /** What the SDK gets as `httpProfile.endpoint` (host[:port]); its first label becomes the signing service. */
  sdkEndpoint: string;
  protocol: 'http://' | 'https://';
  /**
   * Always set: an explicit agent stops the SDK from honouring a lowercase `http_proxy` (which would reroute
   * even loopback calls) and, for rewritten endpoints, connects to the real address.
   */
  agent: HttpAgent;
  /** Where connections really go (host[:port], and the proxy's host[:port] when there is one), for messages. */
  displayHost: string;
  /**
   * Why no request may be sent (an endpoint that is not a URL, a proxy setting Taper cannot use): every call then
   * fails with this error, sending nothing.
   */
  unusable?: AppError;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` that sends every name to `target`, a name resolved normally. */
function fixedLookup(target: string): (hostname: string, options: LookupOptions, callback: LookupCallback) => void {
  return (_hostname, options, callback) => {
    (dnsLookup as (host: string, lookupOptions: LookupOptions, done: LookupCallback) => void)(
      target,
      options,
      callback,
    );
  };
}

function makeAgent(protocol: 'http://' | 'https://', lookupTarget?: string, servername = DEFAULT_LIVE_HOST): HttpAgent {
  // No keep-alive: a reused socket that the server closed surfaces as a reset, which for a create would be a
  // false "unknown outcome". A fresh connection per call costs little at a few requests per minute.
  const options =
    lookupTarget === undefined ? { keepAlive: false } : { keepAlive: false, ...connectTo(lookupTarget, servername) };
  return protocol === 'https://' ? new HttpsAgent(options) : new HttpAgent(options);
}

/**
 * Where a rewritten endpoint's connections go. An address is connected to as it is (an agent's options override the
 * request's host), with the TLS name the SDK's host would have given: handing Node the `live.` name instead made it
 * test that name as an IPv6 address twice (~4 ms of regular-expression compiling per process) only for the lookup
 * to answer the address. A name is still looked up.
 */
function connectTo(
  target: string,
  servername: string,
): { host: string; servername: string } | { lookup: ReturnType<typeof fixedLookup> } {
  return isIP(target) === 0 ? { lookup: fixedLookup(target) } : { host: target, servername };
}

/**
 * Accepts undefined (default host), a bare `host[:port]`, or a full `http(s)://host[:port]` URL. Without `proxy`,
 * connections are direct; loopback endpoints never use one.
 */
export function resolveEndpoint(endpoint: string | undefined, proxy?: ProxyOptions): ResolvedEndpoint {
  return resolveServiceEndpoint('live', endpoint, proxy);
}

/**
 * The same for any service: Taper's endpoint setting names the Live host (or the sandbox), and the other services are
 * reached beside it. A `live.` first label becomes the service's (`live.intl.tencentcloudapi.com` gives
 * `vod.intl.tencentcloudapi.com`); an address (the sandbox) is connected to as it is, the SDK signing for
 * `<service>.tencentcloudapi.com`, so one loopback server plays every service.
 */
export function resolveServiceEndpoint(
  service: ApiService,
  endpoint: string | undefined,
  proxy?: ProxyOptions,
): ResolvedEndpoint {
  const defaultHost = `${service}.tencentcloudapi.com`;
  const text = (endpoint ?? '').trim();
  if (text === '') return namedEndpoint(defaultHost, 'https://', defaultHost, proxy);
  const url = parseEndpoint(text);
  if (url === null) {
    const message = `The endpoint "${text}" (TAPER_ENDPOINT or the profile's) is neither a host name nor an http:// or https:// URL; nothing was sent.`;
    return {
      sdkEndpoint: defaultHost,
      protocol: 'https://',
      agent: makeAgent('https://'),
      displayHost: text,
      unusable: { code: LocalErrorCode.InvalidInput, message },
    };
  }
  const protocol = url.protocol === 'http:' ? 'http://' : 'https://';
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const portSuffix = url.port === '' ? '' : `:${url.port}`;
  // The SDK takes the signing service from the endpoint's first label: `127.0.0.1` would sign for `127`.
  // Keep a `<service>.` name for the SDK and send the connection to the real address through the agent.
  const labels = hostname.split('.');
  if ((labels[0] === 'live' || labels[0] === service) && isIP(hostname) === 0) {
    const serviceHost = [service, ...labels.slice(1)].join('.');
    return namedEndpoint(`${serviceHost}${portSuffix}`, protocol, `${serviceHost}${portSuffix}`, proxy);
  }
  // Not through a proxy: the tunnel would be asked for the `<service>.` name the SDK signs, not for this address.
  return {
    sdkEndpoint: `${defaultHost}${portSuffix}`,
    protocol,
    agent: makeAgent(protocol, hostname, defaultHost),
    displayHost: `${url.hostname}${portSuffix}`,
  };
}

/** A bare `host[:port]` or an http(s) URL; null for anything else. */
function parseEndpoint(text: string): URL | null {
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  try {
    const url = new URL(hasScheme ? text : `https://${text}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** An endpoint the SDK names as it is connected to: directly, or through the proxy that `proxyFor` names for it. */
function namedEndpoint(
  sdkEndpoint: string,
  protocol: 'http://' | 'https://',
  displayHost: string,
  proxy: ProxyOptions | undefined,
): ResolvedEndpoint {
  if (proxy === undefined) return { sdkEndpoint, protocol, agent: makeAgent(protocol), displayHost };
  const choice = chooseProxy(new URL(`${protocol}${sdkEndpoint}/`), proxy.proxyFor);
  // A proxy Taper cannot use is a connection problem to the scheduler: planned links wait until it is fixed.
  if ('unusable' in choice)
    return {
      sdkEndpoint,
      protocol,
      agent: makeAgent(protocol),
      displayHost,
      unusable: { code: LocalErrorCode.Network, message: `${choice.unusable} Nothing was sent.` },
    };
  if (choice.proxy === null) return { sdkEndpoint, protocol, agent: makeAgent(protocol), displayHost };
  // The proxy's host only: its URL may carry a user name and password.
  return {
    sdkEndpoint,
    protocol,
    agent: new TunnelAgent(choice.proxy, proxy.tunnelDeadlineMs),
    displayHost: `${displayHost} through the proxy ${choice.proxy.host}`,
  };
}
