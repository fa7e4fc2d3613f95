// The one place that loads tencentcloud-sdk-nodejs. Deep import of the live v20180801 client only: the
// package root loads every product (600 ms+, ~90 MB), this path ~170 ms. The package has no `exports`
// map, so the deep path is allowed, and Node's CJS named-export detection finds `Client`.
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/live/v20180801/live_client.js';
import { sdkClientConfig, type SdkClientOptions } from './sdk-config.js';

export type { SdkClientOptions };

export type LiveSdkClient = InstanceType<typeof Client>;

export function createSdkClient(options: SdkClientOptions): LiveSdkClient {
  return new Client(sdkClientConfig(options));
}
