// One set-up for every CLI suite: a simulator for the file, a fresh TAPER_HOME and environment per test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator, DEMO_ACCOUNT, type Simulator } from '../../../electron/simulator/index.js';
import { baseEnv, freshHome } from './run-taper.js';

export interface CliSuite {
  simulator: Simulator;
  home: string;
  env: Record<string, string | undefined>;
}

export interface CliSuiteOptions {
  /** Put the demo account in TENCENTCLOUD_SECRET_ID/KEY (no profile needed). */
  envCredentials?: boolean;
  extraEnv?: Record<string, string>;
}

export function useCliSuite(options: CliSuiteOptions = {}): CliSuite {
  const suite = {} as CliSuite;
  beforeAll(async () => {
    suite.simulator = await startSimulator({ accounts: [DEMO_ACCOUNT] });
  });
  afterAll(async () => {
    await suite.simulator.close();
  });
  beforeEach(async () => {
    suite.home = await freshHome();
    suite.env = {
      ...baseEnv(suite.home, suite.simulator.endpoint),
      ...(options.envCredentials
        ? { TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId, TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey }
        : {}),
      ...options.extraEnv,
    };
    suite.simulator.faults.clear();
  });
  return suite;
}

export interface PlatformTask {
  taskId: string;
  streamName: string;
  startTime: number;
  endTime: number;
}

/** What the simulator holds, read through its control endpoint as another process would. */
export async function platformTasks(simulator: Simulator): Promise<PlatformTask[]> {
  const response = await fetch(`${simulator.endpoint}/__simulator/tasks`);
  return ((await response.json()) as { tasks: PlatformTask[] }).tasks;
}
