// Stand-alone entry: `node dist/electron/simulator/main.js [--port N]` runs the sandbox until SIGINT/SIGTERM.
import { pathToFileURL } from 'node:url';
import { describeSandbox } from './cli-banner.js';
import { startSimulator } from './server.js';

/** Parses `--port N` / `--port=N`; undefined when absent, an Error text when invalid. */
export function parsePort(argv: readonly string[]): number | undefined | string {
  const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (index === -1) return undefined;
  const arg = argv[index] ?? '';
  const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  const port = Number(text);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : `invalid --port value: ${text ?? '(missing)'}`;
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2));
  if (typeof port === 'string') {
    process.stderr.write(`${port}\n`);
    process.exitCode = 2;
    return;
  }
  const sim = await startSimulator({ ...(port === undefined ? {} : { port }), clock: Date.now });
  process.stdout.write(`${describeSandbox(sim)}\n`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run only as an entry point, so tests can import parsePort without starting a server.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`taper sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
