// The SDK clients of the recording-files lookup: VOD (SearchMedia) by its own deep import, like the Live client
// (sdk-client.ts), so neither loads the package root. Loaded on first use only.
import { Client as VodClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/vod/v20180717/vod_client.js';
import { sdkClientConfig, type SdkClientOptions } from '../live-api/sdk-config.js';

export type VodSdkClient = InstanceType<typeof VodClient>;

export type VodClientOptions = SdkClientOptions;

export function createVodSdkClient(options: VodClientOptions): VodSdkClient {
  return new VodClient(sdkClientConfig(options));
}
