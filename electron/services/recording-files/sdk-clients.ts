// The SDK clients of the recording-files lookup: VOD (SearchMedia) by its own deep import, like the Live client
// (sdk-client.ts), so neither loads the package root. Loaded on first use only.
import { Client as VodClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/vod/v20180717/vod_client.js';
import type { ResolvedEndpoint } from '../live-api/endpoint.js';
import type { Credentials } from '../live-api/live-api.js';

export type VodSdkClient = InstanceType<typeof VodClient>;

export interface VodClientOptions {
  credentials: Credentials;
  region: string;
  endpoint: ResolvedEndpoint;
  timeoutMs: number;
}

export function createVodSdkClient(options: VodClientOptions): VodSdkClient {
  return new VodClient({
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
