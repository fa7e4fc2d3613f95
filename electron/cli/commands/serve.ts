// taper serve: the tray app without a desktop. It runs the scheduler as the app does and serves the app's window to a
// browser on 127.0.0.1 (through an SSH tunnel from another machine). Its first stdout line is the URL to open, with
// the access token in it; nothing else is printed on stdout. docs/serve.md.
import { realpathSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { parsePort } from '../parse-flags.js';

/** The default port (`--port 0` picks a free one). */
export const DEFAULT_SERVE_PORT = 8765;

interface ServeFlags {
  port: number;
  /** commander's `--no-open`. */
  open: boolean;
  tokenFile?: string;
}

/** The URL printed first: the one-time login link (it sets the session cookie and redirects to `/`). */
export function serveUrl(port: number, token: string): string {
  return `http://127.0.0.1:${port}/?token=${token}`;
}

function cliScript(): string {
  const script = process.argv[1] ?? '';
  try {
    return realpathSync(script);
  } catch {
    return script;
  }
}

/**
 * Resolves on the first SIGINT or SIGTERM. Later ones are ignored, not taken as "stop now": conf's atomic writer
 * (atomically, through when-exit) raises the signal it caught once more, and the wait is bounded (30 s) anyway.
 */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handler = (signal: NodeJS.Signals) => resolve(signal);
    // `on`, not `once`: a listener must stay, or the repeated signal would end the process before the calls finish.
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

export function registerServe(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description(
      'run the scheduler as the tray app does and serve the app to a browser on 127.0.0.1 (see docs/serve.md)',
    )
    .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', parsePort, DEFAULT_SERVE_PORT)
    .option('--no-open', 'do not open a browser (always implied without a display)')
    .option(
      '--token-file <path>',
      'keep the access token in this file (created 0600 when missing) so the URL outlives a restart',
    )
    .action(async (flags: ServeFlags) => {
      const { io } = context;
      const [{ newToken, tokenFromFile }, { rendererDirectory, expectedRendererDirectory }] = await Promise.all([
        import('../../serve/token.js'),
        import('../../serve/static-files.js'),
      ]);
      const script = cliScript();
      const rendererDir = rendererDirectory(script);
      if (rendererDir === null) {
        io.stderr(
          `error: the app's page is not built (${expectedRendererDirectory(script)}index.html is missing): run \`npm run build\`.\n`,
        );
        return void (context.exitCode = ExitCode.Failure);
      }
      let token = newToken();
      if (flags.tokenFile !== undefined) {
        const kept = await tokenFromFile(flags.tokenFile, { platform: process.platform, uid: process.getuid?.() });
        if (!kept.ok) {
          io.stderr(`error: ${kept.error.message}\n`);
          return void (context.exitCode = ExitCode.Credentials);
        }
        token = kept.value;
      }

      const [{ startServe }, { hasDesktop, openBrowser }] = await Promise.all([
        import('../../serve/serve-app.js'),
        import('../../serve/open-browser.js'),
      ]);
      let running;
      try {
        running = await startServe({
          port: flags.port,
          token,
          rendererDir,
          version: program.version() ?? '0.0.0',
          env: io.env,
          clock: io.clock,
          console: (line) => io.stderr(line.endsWith('\n') ? line : `${line}\n`),
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
          code === 'EADDRINUSE'
            ? `port ${flags.port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one)`
            : error instanceof Error
              ? error.message
              : String(error);
        io.stderr(`error: taper serve could not start: ${reason}\n`);
        return void (context.exitCode = ExitCode.Failure);
      }
      const url = serveUrl(running.port, token);
      io.stdout(`${url}\n`);
      io.stderr(
        `Taper is served on http://127.0.0.1:${running.port}/ (data ${running.dataDir}). Open the URL above; Ctrl-C stops.\n`,
      );
      if (flags.open && hasDesktop(process.platform, io.env)) openBrowser(process.platform, url);

      const signal = await stopSignal();
      io.stderr(`${signal}: finishing the calls in flight (at most 30 s)...\n`);
      await running.shutdown();
      context.exitCode = ExitCode.Ok;
    });
}
