// What every Tencent SDK client of Taper's is configured with (Live, VOD): credentials, region, the resolved endpoint
// (host, protocol, Taper's own agent) and the timeout. No SDK import here, so a VOD lookup loads only the VOD client.
import type { ResolvedEndpoint } from './endpoint.js';
import type { Credentials } from './live-api.js';

export interface SdkClientOptions {
  credentials: Credentials;
  region: string;
  endpoint: ResolvedEndpoint;
  /** Whole-request timeout in milliseconds (the SDK takes seconds; fractions work). */
  timeoutMs: number;
}

/** The configuration every Tencent SDK client of Taper's gets (Live, VOD): credentials, region, endpoint, timeout. */
export function sdkClientConfig(options: SdkClientOptions) {
  return {
    credential: {
      secretId: options.credentials.secretId,
      secretKey: options.credentials.secretKey,
      ...(options.credentials.token === undefined ? {} : { token: options.credentials.token }),
    },
    region: options.region,
    profile: {
      httpProfile: {
        endpoint: options.endpoint.sdkEndpoint,
        protocol: options.endpoint.protocol,
        reqMethod: 'POST' as const,
        reqTimeout: options.timeoutMs / 1000,
        agent: options.endpoint.agent,
      },
    },
  };
}
