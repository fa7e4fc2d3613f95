// "Simulate a push" from the app: the `sandbox:push` handler, the sandbox controller and the push client against a
// real loopback simulator. The push is what the simulator then lists (and what makes files); before the sandbox runs,
// main refuses and nothing reaches any simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../../electron/ipc/handlers.js';
import { sendSandboxPush } from '../../../electron/services/sandbox/sandbox-push.js';
import { createSandboxController } from '../../../electron/shell/sandbox.js';
import { DEMO_ACCOUNT, DEMO_PUSH_DOMAIN, startSimulator, type Simulator } from '../../../electron/simulator/index.js';
import { fakeServices } from '../../unit/support/fake-services.js';

// A fixed platform clock: the push's times are exact.
const NOW_MS = 1_800_000_000_000;
const clock = () => NOW_MS;
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ clock });
});
afterAll(async () => simulator.close());

function appHandlers() {
  const { services, hooks, schedule } = fakeServices();
  const sandbox = createSandboxController({
    startSimulator: async () => ({ endpoint: simulator.endpoint }),
    account: DEMO_ACCOUNT,
    profiles: services.profiles,
    sendPush: (endpoint, request) => sendSandboxPush(endpoint, request, { clock }),
  });
  hooks.sandboxPush = (request) => sandbox.push(request);
  return { sandbox, handlers: createIpcHandlers(services, hooks, schedule) };
}

const REQUEST = { domain: DEMO_PUSH_DOMAIN, app: 'live', stream: 'evening-show', forSeconds: 600 };

describe('sandbox:push', () => {
  it('is refused while the app runs no sandbox, and nothing is pushed', async () => {
    simulator.pushes.clear();
    const { handlers } = appHandlers();
    const answer = await handlers['sandbox:push'](REQUEST);
    expect(answer).toMatchObject({ ok: false, error: { code: 'Taper.Sandbox.NotRunning' } });
    expect(simulator.pushes.list()).toEqual([]);
  });

  it('in the sandbox, the simulator records the push from now for the duration asked', async () => {
    simulator.pushes.clear();
    const { sandbox, handlers } = appHandlers();
    await sandbox.start();
    const answer = await handlers['sandbox:push'](REQUEST);
    const push = {
      domain: DEMO_PUSH_DOMAIN,
      app: 'live',
      stream: 'evening-show',
      startTime: 1_800_000_000,
      endTime: 1_800_000_600,
    };
    expect(answer).toEqual({ ok: true, value: push });
    expect(simulator.pushes.list()).toEqual([push]);
  });

  it('refuses a push of no length or of blank names before anything is sent', async () => {
    simulator.pushes.clear();
    const { sandbox, handlers } = appHandlers();
    await sandbox.start();
    for (const payload of [
      { ...REQUEST, forSeconds: 0 },
      { ...REQUEST, stream: '   ' },
      { ...REQUEST, forSeconds: 1.5 },
    ]) {
      expect(await handlers['sandbox:push'](payload)).toMatchObject({
        ok: false,
        error: { code: 'Taper.InvalidInput' },
      });
    }
    expect(simulator.pushes.list()).toEqual([]);
  });
});

describe('sendSandboxPush', () => {
  it('says plainly when no sandbox answers at the endpoint', async () => {
    const closed = await startSimulator({ clock });
    const endpoint = closed.endpoint;
    await closed.close();
    const answer = await sendSandboxPush(endpoint, REQUEST, { clock, timeoutMs: 2_000 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'Taper.Network' } });
    if (!answer.ok) expect(answer.error.message).toContain('is `taper sandbox` running?');
  });
});
