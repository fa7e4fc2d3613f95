// taper sandbox: the Live API simulator on loopback, for trying Taper without an account. `taper sandbox push` asks a
// running one (TAPER_ENDPOINT) to simulate a push of a stream from now on, so recordings get files.
import type { Command } from 'commander';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { parseDuration } from '../../../shared/time/duration.js';
import { sendSandboxPush } from '../../services/sandbox/sandbox-push.js';
import { DEMO_PUSH_DOMAIN } from '../../simulator/demo-account.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';
import { parsePort } from '../parse-flags.js';

interface PushFlags {
  stream: string;
  for: string;
  domain?: string;
  app?: string;
  json?: boolean;
}

export function registerSandbox(program: Command, context: CliContext): void {
  const sandbox = program
    .command('sandbox')
    .description('run the Live API simulator on 127.0.0.1 (simulated: nothing is recorded)')
    .option('--port <port>', 'port to listen on (default: any free port)', parsePort)
    .action(async (flags: { port?: number }) => {
      const { startSimulator, describeSandbox } = await import('../../simulator/index.js');
      const simulator = await startSimulator({
        ...(flags.port === undefined ? {} : { port: flags.port }),
        clock: context.io.clock,
      });
      context.io.stdout(`${describeSandbox(simulator)}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await simulator.close();
      context.exitCode = 0;
    });
  sandbox
    .command('push')
    .description('make a running sandbox (TAPER_ENDPOINT) simulate a push of a stream from now on')
    .requiredOption('--stream <name>', 'StreamName')
    .requiredOption('--for <duration>', 'how long the push lasts, e.g. 10m, 1h30m')
    .option('--domain <domain>', `push domain (default ${DEMO_PUSH_DOMAIN})`)
    .option('--app <app>', 'AppName (default live)')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: PushFlags) => {
      context.exitCode = await runPush(flags, context);
    });
}

async function runPush(flags: PushFlags, context: CliContext): Promise<number> {
  const { io } = context;
  const json = flags.json === true;
  const duration = parseDuration(flags.for);
  if (!duration.ok)
    return reportError(io, { code: LocalErrorCode.InvalidInput, message: `--for: ${duration.message}` }, json);
  const endpoint = io.env['TAPER_ENDPOINT']?.trim();
  if (endpoint === undefined || endpoint === '') {
    return reportError(
      io,
      {
        code: LocalErrorCode.InvalidInput,
        message: 'Set TAPER_ENDPOINT to the endpoint `taper sandbox` printed; nothing was sent.',
      },
      json,
    );
  }
  const pushed = await sendSandboxPush(
    endpoint,
    {
      domain: flags.domain ?? DEMO_PUSH_DOMAIN,
      app: flags.app ?? 'live',
      stream: flags.stream,
      forSeconds: duration.seconds,
    },
    { clock: io.clock },
  );
  if (!pushed.ok) return reportError(io, pushed.error, json);
  const body = pushed.value;
  const startTime = body.startTime;
  if (json) printJson(io, { push: body });
  else
    io.stdout(
      `Pushing ${body.domain}/${body.app}/${body.stream} (simulated) from ${new Date(startTime * 1000).toISOString()} for ${flags.for}.\n`,
    );
  return ExitCode.Ok;
}
