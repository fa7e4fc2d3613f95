// taper sandbox: the Live API simulator on loopback, for trying Taper without an account.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { parsePort } from '../parse-flags.js';

export function registerSandbox(program: Command, context: CliContext): void {
  program
    .command('sandbox')
    .description('run the Live API simulator on 127.0.0.1 (simulated: nothing is recorded)')
    .option('--port <port>', 'port to listen on (default: any free port)', parsePort)
    .action(async (flags: { port?: number }) => {
      const { startSimulator, describeSandbox } = await import('../../simulator/index.js');
      const simulator = await startSimulator({ ...(flags.port === undefined ? {} : { port: flags.port }), clock: context.io.clock });
      context.io.stdout(`${describeSandbox(simulator)}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await simulator.close();
      context.exitCode = 0;
    });
}
