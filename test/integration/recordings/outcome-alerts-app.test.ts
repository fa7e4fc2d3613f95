// Outcome alerts in the app, through the real services: after `taper sync` settled a window with nothing and one with
// gaps, the app's `alerts:list` names both (stream, domain, app, window, outcome, why); acknowledging one in the app
// silences it in `taper alerts`, and acknowledging the other with `taper alerts ack` silences it in the app. Both
// read and write the same history files (`outcomeDetail.acknowledgedAt`).
import { describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../../electron/ipc/handlers.js';
import { createHistoryStore } from '../../../electron/services/history/history-store.js';
import { createMemorySecretStore } from '../../../electron/services/keychain/memory-secret-store.js';
import { createConfSettingsStore } from '../../../electron/services/storage/conf-store.js';
import { createTaperCore } from '../../../electron/services/taper-core.js';
import { DEMO_ACCOUNT } from '../../../electron/simulator/index.js';
import type { OutcomeAlertView } from '../../../shared/ipc/contract.js';
import { useCliSuite } from '../cli/cli-suite.js';
import { PLAN_STREAM } from '../cli/plans-fixture.js';
import { parseJson, runTaper } from '../cli/run-taper.js';
import { fakeServices } from '../../unit/support/fake-services.js';

const HOUR = 3_600;
const suite = useCliSuite({ envCredentials: true });
const DOMAIN = PLAN_STREAM.domainName;
const APP = PLAN_STREAM.appName;

/** Finished tasks on the platform with their history entries, as earlier `taper record` runs leave them. */
async function pastTasks(streams: string[], startTime: number, endTime: number): Promise<string[]> {
  const history = createHistoryStore({ directory: suite.home, clock: Date.now });
  const entries = streams.map((stream) => {
    const task = suite.simulator.tasks.create(
      DEMO_ACCOUNT.secretId,
      {
        domainName: DOMAIN,
        appName: APP,
        streamName: stream,
        startTime,
        endTime,
        streamType: 0,
        templateId: null,
        extension: null,
      },
      startTime - 60,
    );
    return {
      id: `entry-${stream}`,
      taskId: task.taskId,
      requestId: 'req',
      status: 'finished' as const,
      domain: DOMAIN,
      app: APP,
      stream,
      startTime,
      endTime,
      templateId: null,
      streamType: 0 as const,
      profile: null,
      region: 'ap-guangzhou',
      createdAt: startTime - 60,
      updatedAt: startTime - 60,
      error: null,
      source: 'taper' as const,
      extension: null,
    };
  });
  const written = await history.mutate((existing) => ({ entries: [...existing, ...entries], result: null }));
  if (!written.ok) throw new Error(written.error.message);
  return entries.map((entry) => entry.taskId);
}

async function push(stream: string, startTime: number, endTime: number): Promise<void> {
  const response = await fetch(`${suite.simulator.endpoint}/__simulator/push`, {
    method: 'POST',
    body: JSON.stringify({ domain: DOMAIN, app: APP, stream, startTime, endTime }),
  });
  expect(response.status).toBe(200);
}

/** The app's handlers over the real services in the CLI's TAPER_HOME (what main wires). */
async function appHandlers() {
  const { services, schedule } = await createTaperCore({
    dataDir: suite.home,
    settings: createConfSettingsStore(suite.home),
    secrets: createMemorySecretStore(),
    env: {},
    clock: Date.now,
  });
  const { hooks } = fakeServices();
  return {
    hooks,
    handlers: createIpcHandlers(services, hooks, schedule),
  };
}

async function appOutcomeAlerts(
  handlers: Awaited<ReturnType<typeof appHandlers>>['handlers'],
): Promise<OutcomeAlertView[]> {
  const listed = await handlers['alerts:list'](undefined);
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.filter((alert): alert is OutcomeAlertView => alert.kind === 'outcome');
}

describe('outcome alerts in the app and in `taper alerts`', () => {
  it('lists what sync settled; an acknowledge on either side silences it on both', async () => {
    const start = Math.floor(Date.now() / 1000) - 3 * HOUR;
    const end = start + HOUR;
    const [nothingTask, partialTask] = await pastTasks(['app-nothing', 'app-partial'], start, end);
    await push('app-partial', start, start + 20 * 60);
    await push('app-partial', start + 30 * 60, end);
    const synced = await runTaper(['sync'], { env: suite.env });
    expect(synced.code, synced.stdout + synced.stderr).toBe(6);

    const { handlers, hooks } = await appHandlers();
    const alerts = await appOutcomeAlerts(handlers);
    expect(alerts).toEqual([
      {
        kind: 'outcome',
        id: 'entry-app-nothing',
        taskId: nothingTask,
        recordingId: null,
        stream: { domainName: DOMAIN, appName: APP, streamName: 'app-nothing' },
        startTime: start,
        endTime: end,
        outcome: 'nothing',
        nothingReason: 'never-pushed',
        gaps: [],
        reason: 'No file: the stream was never pushed during the window.',
      },
      expect.objectContaining({
        kind: 'outcome',
        id: 'entry-app-partial',
        taskId: partialTask,
        stream: { domainName: DOMAIN, appName: APP, streamName: 'app-partial' },
        outcome: 'partial',
        nothingReason: null,
        gaps: [expect.objectContaining({ pushed: false })],
      }),
    ]);

    // In the app: the nothing alert. `taper alerts` then lists only the partial one.
    expect(await handlers['alerts:acknowledge']({ outcomeIds: ['entry-app-nothing'] })).toEqual({
      ok: true,
      value: { acknowledged: 0, acknowledgedOutcomes: 1 },
    });
    expect(hooks.historyChanged).toHaveBeenCalledOnce();
    const listed = await runTaper(['alerts', '--json'], { env: suite.env });
    expect(listed.code).toBe(6);
    expect(parseJson<{ outcomeAlerts: { taskId: string }[] }>(listed).outcomeAlerts.map((a) => a.taskId)).toEqual([
      partialTask,
    ]);

    // With the CLI: the partial one. The app then lists none, and `taper alerts` is quiet.
    const acknowledged = await runTaper(['alerts', 'ack', partialTask ?? ''], { env: suite.env });
    expect([acknowledged.code, acknowledged.stdout]).toEqual([0, 'Acknowledged 1 alert(s).\n']);
    expect(await appOutcomeAlerts(handlers)).toEqual([]);
    const quiet = await runTaper(['alerts'], { env: suite.env });
    expect([quiet.code, quiet.stdout]).toEqual([0, 'No alerts.\n']);
  });
});
