// The one place that loads tencentcloud-sdk-nodejs. Deep import of the live v20180801 client only: the
// package root loads every product (600 ms+, ~90 MB), this path ~170 ms. The package has no `exports`
// map, so the deep path is allowed, and Node's CJS named-export detection finds `Client`.
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/live/v20180801/live_client.js';
import type { Credentials } from './live-api.js';
import type { ResolvedEndpoint } from './endpoint.js';

export type LiveSdkClient = InstanceType<typeof Client>;

export interface SdkClientOptions {
  credentials: Credentials;
  region: string;
  endpoint: ResolvedEndpoint;
  /** Whole-request timeout in milliseconds (the SDK takes seconds; fractions work). */
  timeoutMs: number;
}

export function createSdkClient(options: SdkClientOptions): LiveSdkClient {
  return new Client({
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
        reqMethod: 'POST',
        reqTimeout: options.timeoutMs / 1000,
        agent: options.endpoint.agent,
      },
    },
  });
}
