// Concurrency: the app's store (an in-process history store, as Electron's main holds it) and TWO real
// `taper` processes each add 200 entries at the same time: 600 entries after, none lost.
// Each CLI process adds its 200 with one real command, `taper sync`, importing the 200 tasks its account holds
// on the platform (created "elsewhere", as by the console): 400 `taper record` process starts would take minutes
// on this 2-core machine. (tests under test/integration/history already race child *store* writers.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/history.js';
import { createHistoryStore } from '../../../electron/services/history/history-store.js';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';
import { recordFigures } from '../../reliability/figures.js';
import { baseEnv, freshHome, parseJson, runTaper } from '../cli/run-taper.js';

const PER_WRITER = 200;
const SECOND_ACCOUNT = {
  secretId: 'AKIDTAPERSECONDACCOUNT000000000000000',
  secretKey: 'SecondAccountSecretKeyForTheRace0000',
};
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({
    accounts: [DEMO_ACCOUNT, SECOND_ACCOUNT],
    rateLimitPerSecond: 1000,
    describePageSize: 50,
  });
});
afterAll(async () => {
  await simulator.close();
});

function appEntry(index: number, nowSeconds: number): Omit<HistoryEntry, 'id' | 'updatedAt'> & { id: string } {
  return {
    id: `app-${index}`,
    taskId: `app-task-${index}`,
    requestId: `app-request-${index}`,
    status: 'finished',
    domain: 'push.example.com',
    app: 'live',
    stream: `app-stream-${index}`,
    startTime: nowSeconds - 86_400,
    endTime: nowSeconds - 86_400 + 3600,
    templateId: null,
    streamType: 0,
    profile: 'app-profile',
    region: 'ap-guangzhou',
    createdAt: nowSeconds - 86_400,
    error: null,
    source: 'taper',
    extension: null,
  };
}

describe('the app store and two CLI processes writing at once', () => {
  it(`each adds ${PER_WRITER} entries at the same time: ${3 * PER_WRITER} after, none lost`, async () => {
    const home = await freshHome();
    const nowSeconds = Math.floor(Date.now() / 1000);
    // Tasks made elsewhere (console, another operator), one set per account, spread over the last three days.
    const created: Record<string, string[]> = { [DEMO_ACCOUNT.secretId]: [], [SECOND_ACCOUNT.secretId]: [] };
    for (const account of [DEMO_ACCOUNT, SECOND_ACCOUNT]) {
      for (let index = 0; index < PER_WRITER; index += 1) {
        const start = nowSeconds - 3 * 86_400 + index * 600;
        const task = simulator.tasks.create(
          account.secretId,
          {
            domainName: 'push.example.com',
            appName: 'live',
            streamName: `${account === DEMO_ACCOUNT ? 'one' : 'two'}-${index}`,
            startTime: start,
            endTime: start + 300,
            streamType: 0,
            templateId: null,
            extension: null,
          },
          nowSeconds,
        );
        created[account.secretId]?.push(task.taskId);
      }
    }
    const cliEnv = (account: { secretId: string; secretKey: string }) => ({
      ...baseEnv(home, simulator.endpoint),
      TENCENTCLOUD_SECRET_ID: account.secretId,
      TENCENTCLOUD_SECRET_KEY: account.secretKey,
    });

    const appStore = createHistoryStore({ directory: home, clock: Date.now, lockTimeoutMs: 60_000 });
    const appWrites = (async () => {
      let saved = 0;
      for (let index = 0; index < PER_WRITER; index += 1) {
        const result = await appStore.append(appEntry(index, nowSeconds));
        expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
        saved += 1;
      }
      return saved;
    })();
    const [first, second, appSaved] = await Promise.all([
      runTaper(['sync', '--json'], { env: cliEnv(DEMO_ACCOUNT), timeoutMs: 60_000 }),
      runTaper(['sync', '--json'], { env: cliEnv(SECOND_ACCOUNT), timeoutMs: 60_000 }),
      appWrites,
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(parseJson<{ imported: number }>(first).imported).toBe(PER_WRITER);
    expect(parseJson<{ imported: number }>(second).imported).toBe(PER_WRITER);
    expect(appSaved).toBe(PER_WRITER);

    // Read back both ways: through the CLI and through a fresh store, as the app would after a restart.
    const listed = parseJson<{ taskId: string }[]>(await runTaper(['history', '--json'], { env: baseEnv(home) }));
    const reread = await createHistoryStore({ directory: home, clock: Date.now }).list();
    expect(reread.ok).toBe(true);
    const expected = [
      ...(created[DEMO_ACCOUNT.secretId] ?? []),
      ...(created[SECOND_ACCOUNT.secretId] ?? []),
      ...Array.from({ length: PER_WRITER }, (_, index) => `app-task-${index}`),
    ];
    const present = new Set(listed.map((entry) => entry.taskId));
    const lost = expected.filter((taskId) => !present.has(taskId));
    recordFigures('concurrency', {
      entriesLost: lost.length + Math.abs(listed.length - 3 * PER_WRITER),
      note: `app store + 2 taper sync processes x ${PER_WRITER} entries at once`,
    });
    expect(lost).toEqual([]);
    expect(listed).toHaveLength(3 * PER_WRITER);
    expect(reread.ok && reread.value).toHaveLength(3 * PER_WRITER);
  }, 90_000);
});
