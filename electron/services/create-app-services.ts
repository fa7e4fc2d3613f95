// Composes the services from their parts. The parts differ per shell (secret routing, proxy, settings loader);
// everything above this line is the same code everywhere.
import type { Clock } from '../../shared/clock.js';
import { ok } from '../../shared/result.js';
import type { AppServices, HistoryPort, ProfilesPort, ResolvedProfile } from './app-services.js';
import { checkProfileKeys } from './check-profile.js';
import type { LiveApi } from './live-api/live-api.js';
import { reuseLastClient } from './live-api/reuse-last-client.js';
import { createRecordService } from './recording/record-service.js';
import type { RateLimiter } from './live-api/rate-limiter.js';
import { createSyncService, type SyncState } from './sync/sync-service.js';

export interface AppServicesParts {
  clock: Clock;
  profiles: ProfilesPort;
  history: HistoryPort;
  syncState: SyncState;
  /** A Live API client for resolved credentials; all clients of a process share one rate limiter. */
  liveApiFor(profile: ResolvedProfile): LiveApi;
  /** That rate limiter, for Live clients made outside these services. */
  liveRateLimiter?: RateLimiter;
}

export function createAppServices(parts: AppServicesParts): AppServices {
  const { clock, profiles, history } = parts;
  const liveApiFor = reuseLastClient(parts.liveApiFor);
  const liveApi: AppServices['liveApi'] = async (options) => {
    const resolved = await profiles.resolve(options?.profile);
    if (!resolved.ok) return resolved;
    return ok(liveApiFor(options?.region ? { ...resolved.value, region: options.region } : resolved.value));
  };
  return {
    clock,
    ...(parts.liveRateLimiter === undefined ? {} : { liveRateLimiter: parts.liveRateLimiter }),
    profiles,
    history,
    recorder: createRecordService({ clock, history, profiles, liveApiFor }),
    sync: createSyncService({ clock, history, profiles, liveApiFor, state: parts.syncState }),
    liveApi,
    async checkProfile(name) {
      const api = await liveApi(name === undefined ? undefined : { profile: name });
      if (!api.ok) return api;
      return checkProfileKeys(api.value, clock);
    },
  };
}
