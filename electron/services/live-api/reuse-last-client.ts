// One Live API client reused while the target stays the same: building one per call means a new SDK client and a
// new connection each time (~2-4 ms of a create on loopback). Shared by the record, sync and describe paths of a
// process. One entry: a changed key, region or endpoint replaces it.
import type { ResolvedProfile } from '../app-services.js';
import type { LiveApi } from './live-api.js';

/** Same keys, region and endpoint: the same client will do. */
function sameTarget(a: ResolvedProfile, b: ResolvedProfile): boolean {
  return (
    a.profile === b.profile &&
    a.region === b.region &&
    a.endpoint === b.endpoint &&
    a.credentials.secretId === b.credentials.secretId &&
    a.credentials.secretKey === b.credentials.secretKey &&
    a.credentials.token === b.credentials.token
  );
}

export function reuseLastClient(
  liveApiFor: (profile: ResolvedProfile) => LiveApi,
): (profile: ResolvedProfile) => LiveApi {
  let last: { profile: ResolvedProfile; api: LiveApi } | undefined;
  return (profile) => {
    if (!last || !sameTarget(last.profile, profile)) last = { profile, api: liveApiFor(profile) };
    return last.api;
  };
}
