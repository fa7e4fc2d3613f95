// "Try the sandbox": the Live API simulator in-process on loopback, and a `sandbox` profile pointing at it made
// the default. Started once per app run; the profile's endpoint follows the simulator's port. Its demo key is kept in
// memory by main (no keychain needed), so a sandbox profile outlives its run only as a name, which forgetLeftover drops.
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import type { SandboxInfo } from '../../shared/ipc/contract.js';
import { err, type Result } from '../../shared/result.js';
import type { ProfilesPort } from '../services/app-services.js';
import type { SandboxPush, SandboxPushRequest } from '../services/sandbox/sandbox-push.js';

export const SANDBOX_PROFILE = 'sandbox';

export interface SandboxDeps {
  /** Starts the loopback simulator; resolves its base URL. */
  startSimulator(): Promise<{ endpoint: string }>;
  /** The fake account the simulator accepts. */
  account: { secretId: string; secretKey: string };
  profiles: ProfilesPort;
  /** Asks the simulator at `endpoint` to simulate a push (sandbox-push.ts, as `taper sandbox push` does). */
  sendPush(endpoint: string, request: SandboxPushRequest): Promise<Result<SandboxPush>>;
}

export interface SandboxController {
  start(): Promise<Result<SandboxInfo>>;
  /** Whether the sandbox runs in this process. */
  isRunning(): boolean;
  /** A simulated push of a stream from now on, so the sandbox's tasks get files; refused unless the sandbox runs. */
  push(request: SandboxPushRequest): Promise<Result<SandboxPush>>;
  /** Removes a sandbox profile an earlier run left (its key and endpoint are gone); call once at start. */
  forgetLeftover(): Promise<void>;
}

export function createSandboxController({
  startSimulator,
  account,
  profiles,
  sendPush,
}: SandboxDeps): SandboxController {
  let running: Promise<{ endpoint: string }> | null = null;
  let started = false;
  return {
    isRunning: () => started,
    async push(request) {
      // Only the simulator this process started: never an endpoint named by the page or a real account's.
      if (!started || running === null)
        return err(LocalErrorCode.SandboxNotRunning, 'A simulated push needs the sandbox, and it is not running.');
      return sendPush((await running).endpoint, request);
    },
    async forgetLeftover() {
      if (started) return;
      const listed = await profiles.list();
      if (listed.ok && listed.value.some((profile) => profile.name === SANDBOX_PROFILE))
        await profiles.remove(SANDBOX_PROFILE);
    },
    async start() {
      running ??= startSimulator();
      const { endpoint } = await running;
      started = true;
      // The previous run's port is stale: replace the profile rather than keep a dead endpoint.
      await profiles.remove(SANDBOX_PROFILE);
      const added = await profiles.add({
        name: SANDBOX_PROFILE,
        secretId: account.secretId,
        secretKey: account.secretKey,
        endpoint,
      });
      if (!added.ok) return added;
      const madeDefault = await profiles.setDefault(SANDBOX_PROFILE);
      if (!madeDefault.ok) return madeDefault;
      return { ok: true, value: { endpoint } };
    },
  };
}
