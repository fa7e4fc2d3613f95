// The simulator's public surface, for `taper sandbox` and tests in other folders.
export {
  startSimulator,
  parsePush,
  API_VERSION,
  VOD_API_VERSION,
  type Simulator,
  type SimulatorOptions,
  type SimulatorAccount,
  type RequestRecord,
  type StreamState,
} from './server.js';
export { DEMO_ACCOUNT, DEMO_PUSH_DOMAIN } from './demo-account.js';
export { describeSandbox } from './cli-banner.js';
export { FAULT_MODES, type FaultMode, type FaultOptions, type FaultControl } from './faults.js';
export { MIN_RECORDED_PUSH_SECONDS, type PushSession, type SimulatedMedia, type PushStore } from './push-store.js';
