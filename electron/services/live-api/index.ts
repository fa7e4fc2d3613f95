// The Live API client's public surface for composition roots (electron/main.ts, the CLI entry).
export { createLiveApi, type LiveApiOptions } from './create-live-api.js';
export { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limiter.js';
export type { Credentials, DescribeTasksQuery, LiveApi } from './live-api.js';
