// The recording-files client (VOD + Live event list) for a profile, as `taper files`, `taper sync` and the app build
// it: the profile's key, region and endpoint (TAPER_ENDPOINT over it), the process's proxy choice, and one VOD and one
// Live limiter for the whole process, so that settling many tasks stays within the platform's rates.
import type { Result } from '../../../shared/result.js';
import type { AppServices } from '../app-services.js';
import type { ProxyFor } from '../live-api/proxy.js';
import type { RecordingFilesApi } from './recording-files-api.js';

export type FilesApiFor = (profile: string | null, region?: string) => Promise<Result<RecordingFilesApi>>;

export async function filesApiFactory(services: AppServices, proxyFor: ProxyFor): Promise<FilesApiFor> {
  const [{ createRecordingFilesApi, VOD_REQUESTS_PER_SECOND }, { createRateLimiter }] = await Promise.all([
    import('./recording-files-api.js'),
    import('../live-api/rate-limiter.js'),
  ]);
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const vodRateLimiter = createRateLimiter({ perSecond: VOD_REQUESTS_PER_SECOND, clock: services.clock, sleep });
  // Live's 20/s is shared with the process's own Live calls (a sync's describes came just before).
  const liveRateLimiter =
    services.liveRateLimiter ?? createRateLimiter({ perSecond: 20, clock: services.clock, sleep });
  return async (profile, region) => {
    const resolved = await services.profiles.resolve(profile ?? undefined);
    if (!resolved.ok) return resolved;
    return {
      ok: true,
      value: createRecordingFilesApi({
        credentials: resolved.value.credentials,
        region: region ?? resolved.value.region,
        ...(resolved.value.endpoint === null ? {} : { endpoint: resolved.value.endpoint }),
        proxyFor,
        clock: services.clock,
        vodRateLimiter,
        liveRateLimiter,
      }),
    };
  };
}
