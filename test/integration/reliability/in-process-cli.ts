// Runs the real `taper` program in this process (runProgram with a captured CliIo and the real Node services over a
// temp TAPER_HOME): the same code path as bin/taper without a process start, for thousands of generated inputs.
import { createTaperCore, type TaperCore } from '../../../electron/services/taper-core.js';
import type { CliContext } from '../../../electron/cli/cli-context.js';
import { runProgram } from '../../../electron/cli/program.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessCli {
  run(argv: readonly string[]): Promise<InProcessRun>;
}

/** One core for every run (as one long-lived process would hold), a fresh context per run. */
export function inProcessCli(env: Record<string, string | undefined>, clock: () => number): InProcessCli {
  let core: Promise<TaperCore> | undefined;
  return {
    async run(argv) {
      let stdout = '';
      let stderr = '';
      const context: CliContext = {
        io: {
          stdout: (text) => void (stdout += text),
          stderr: (text) => void (stderr += text),
          readStdin: async () => '',
          promptHidden: async () => '',
          stdinIsTerminal: false,
          env,
          clock,
        },
        exitCode: 0,
        core: () => (core ??= createTaperCore({ env, clock })),
      };
      const code = await runProgram(context, '0.0.0-test', argv);
      return { code, stdout, stderr };
    },
  };
}
