// The one IPC contract (docs/style.md §2) for main and tests: the channel table (channels.ts), window.api (api.ts), the
// request schemas (schemas.ts) and the types. Main registers exactly the channels in IPC_CHANNELS and parses every
// payload with requestSchemas. The renderer imports api.ts (or types from here): this module's runtime re-export of
// the schemas would bundle zod. test/unit/shared/ipc/channels.test.ts checks that the table and the schemas agree.
export { requestSchemas } from './schemas.js';
export type * from './types.js';
export * from './api.js';
