// The sandbox controller on the real simulator and push, as the app and `taper serve` both run it.
import type { Clock } from '../../shared/clock.js';
import type { ProfilesPort } from '../services/app-services.js';
import { sendSandboxPush } from '../services/sandbox/sandbox-push.js';
import { DEMO_ACCOUNT, startSimulator } from '../simulator/server.js';
import { createSandboxController, type SandboxController } from './sandbox.js';

export async function openSandbox(profiles: ProfilesPort, clock: Clock): Promise<SandboxController> {
  const sandbox = createSandboxController({
    startSimulator: () => startSimulator({ clock }),
    account: DEMO_ACCOUNT,
    profiles,
    sendPush: (endpoint, request) => sendSandboxPush(endpoint, request, { clock }),
  });
  // A sandbox profile left by an earlier run has no key (it lived in memory) and a dead endpoint: forget it, so the
  // first-run choice shows again instead of a default profile that cannot work.
  await sandbox.forgetLeftover();
  return sandbox;
}
