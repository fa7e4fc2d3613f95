// Runs `taper` commands in this process (so a test can share the simulator's clock and inspect it), with env
// credentials pointing at the simulator and the data directory `home`.
import { Command } from 'commander';
import type { CliContext } from '../../../electron/cli/cli-context.js';
import { createTaperCore, type TaperCore } from '../../../electron/services/taper-core.js';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';

export type RegisterCommand = (program: Command, context: CliContext) => void;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliInProcess(
  endpoint: string,
  home: string,
  commands: readonly RegisterCommand[],
  args: string[],
): Promise<CliRun> {
  const env = {
    TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
    TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
    TAPER_ENDPOINT: endpoint,
    TAPER_HOME: home,
    TZ: 'UTC',
  };
  let stdout = '';
  let stderr = '';
  let core: Promise<TaperCore> | undefined;
  const context: CliContext = {
    io: {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      readStdin: async () => '',
      promptHidden: async () => '',
      stdinIsTerminal: false,
      env,
      clock: Date.now,
    },
    exitCode: 0,
    core: () => (core ??= createTaperCore({ env, clock: Date.now, dataDir: home })),
  };
  const program = new Command('taper').exitOverride();
  for (const register of commands) register(program, context);
  await program.parseAsync(args, { from: 'user' });
  return { code: context.exitCode, stdout, stderr };
}

/** A simulator for the test file and `runCli(home, args)` with `commands` registered against it. */
export function useInProcessCli(commands: readonly RegisterCommand[]) {
  const world = {} as { simulator: Simulator; runCli: (home: string, args: string[]) => Promise<CliRun> };
  beforeAll(async () => {
    world.simulator = await startSimulator({ accounts: [DEMO_ACCOUNT] });
  });
  afterAll(async () => {
    await world.simulator.close();
  });
  world.runCli = (home, args) => runCliInProcess(world.simulator.endpoint, home, commands, args);
  return world;
}
