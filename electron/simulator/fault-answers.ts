// What an injected fault answers when it is an API error (the transport faults, such as a 502 or a reset, are the
// request handler's): each phrased as the platform phrases it, so the client's error mapping is what gets tested.
import type { ApiError } from './api-error.js';
import type { FaultMode } from './faults.js';
import { expiredError } from './signature-check.js';

/** The API error a fault stands for; undefined for a transport fault. */
export function faultError(mode: FaultMode, nowSeconds: number): ApiError | undefined {
  switch (mode) {
    case 'unauthorized-operation':
      // What CAM answers for a key whose policies do not allow the action (a Live-only key calling VOD, say).
      return {
        code: 'AuthFailure.UnauthorizedOperation',
        message: 'The request is not authorized by CAM: the key has no permission for this operation.',
      };
    case 'vod-inactive':
      return { code: 'ResourceUnavailable.InvalidVodStatus', message: 'The VOD service has not been activated.' };
    case 'max-running':
      return {
        code: 'LimitExceeded.MaximumRunningTask',
        message: 'The current number of concurrent tasks exceeds the limit.',
      };
    case 'internal-error':
      return { code: 'InternalError', message: 'Internal error.' };
    case 'rate-limit':
      return { code: 'RequestLimitExceeded', message: 'Your current request frequency has reached the limit.' };
    case 'signature-expire':
      return expiredError(nowSeconds - 3600, nowSeconds);
    default:
      return undefined;
  }
}
