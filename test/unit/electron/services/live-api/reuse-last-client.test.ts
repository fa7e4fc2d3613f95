import { describe, expect, it, vi } from 'vitest';
import type { ResolvedProfile } from '../../../../../electron/services/app-services.js';
import type { LiveApi } from '../../../../../electron/services/live-api/live-api.js';
import { reuseLastClient } from '../../../../../electron/services/live-api/reuse-last-client.js';

const target = (secretKey: string, region = 'ap-guangzhou'): ResolvedProfile => ({
  profile: 'main',
  credentials: { secretId: 'AKID', secretKey },
  region,
  endpoint: null,
});

describe('reuseLastClient', () => {
  it('builds one API client per target and a new one when the keys or the region change', () => {
    const liveApiFor = vi.fn((_profile: ResolvedProfile) => ({}) as LiveApi);
    const clientFor = reuseLastClient(liveApiFor);
    const first = clientFor(target('k1'));
    expect(clientFor(target('k1'))).toBe(first);
    expect(liveApiFor).toHaveBeenCalledTimes(1);
    clientFor(target('k2'));
    expect(liveApiFor).toHaveBeenCalledTimes(2);
    expect(liveApiFor.mock.calls[1]?.[0]?.credentials.secretKey).toBe('k2');
    clientFor(target('k2', 'ap-shanghai'));
    expect(liveApiFor).toHaveBeenCalledTimes(3);
  });
});
