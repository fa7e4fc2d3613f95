// Entry of the `taper` CLI (launched by bin/taper): wires the real process I/O and the core (createTaperCore).
import { readFile } from 'node:fs/promises';
import { homeDirectory } from '../services/storage/home-directory.js';
import type { CliContext } from './cli-context.js';
import type { CliIo } from './cli-io.js';
import { ExitCode } from './exit-codes.js';
import { compileCacheDirectory } from './launch/compile-cache-location.js';
import { zoneDaysCache } from './launch/zone-days-cache.js';
import { lookUpZonesInIntlList } from '../../shared/time/time-zone.js';
import { runProgram } from './program.js';
import { createStdoutWriter } from './stdout-writer.js';
import type { TaperCore } from '../services/taper-core.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function promptHidden(question: string): Promise<string> {
  // Loaded only when a prompt is shown: every other command starts without it.
  const [{ createInterface }, { Writable }] = await Promise.all([import('node:readline'), import('node:stream')]);
  process.stderr.write(question);
  // Echo nothing the user types: the SecretKey must not appear on screen or in a terminal log.
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    reader.question('', (answer) => {
      reader.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/**
 * A failed command leaves a line in cli.log, beside the app's main.log in the OS log folder: cron runs have no terminal
 * to read later. Loaded only on failure, so a successful command pays nothing; only the command's name is logged
 * (never its arguments), with what it printed on stderr, redacted like every log line.
 */
async function logFailure(argv: readonly string[], code: number, printed: string, error?: unknown): Promise<void> {
  try {
    const [{ logDirectory, logFile }, { createLogger }] = await Promise.all([
      import('../services/logging/log-directory.js'),
      import('../services/logging/logger.js'),
    ]);
    const log = createLogger({
      file: logFile(
        logDirectory(process.env, process.platform, homeDirectory(process.env, process.platform)),
        'cli',
        process.platform,
      ),
      clock: Date.now,
    });
    const command = argv.find((arg) => !arg.startsWith('-')) ?? '(none)';
    const message = `taper ${command} exited ${code}${printed.trim() === '' ? '' : `: ${printed.trim()}`}`;
    if (error === undefined) log.warn(message);
    else log.error(message, error);
  } catch {
    // A log that cannot be written must not change the command's outcome.
  }
}

export async function main(argv: readonly string[], version: string): Promise<number> {
  let printed = '';
  const stdout = createStdoutWriter();
  const io: CliIo = {
    stdout: (text) => stdout.write(text),
    stderr: (text) => {
      // Kept (bounded) for the failure line in cli.log.
      if (printed.length < 4_000) printed += text;
      return process.stderr.write(text);
    },
    readStdin,
    promptHidden,
    // A getter: touching process.stdin builds its stream (and for a pipe loads net), which most commands never read.
    get stdinIsTerminal() {
      return process.stdin.isTTY === true;
    },
    env: process.env,
    clock: Date.now,
  };
  let core: Promise<TaperCore> | undefined;
  const context: CliContext = {
    io,
    exitCode: 0,
    core: () => {
      // Proxies as curl and other tools on the machine read them: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY.
      core ??= Promise.all([import('../services/taper-core.js'), import('proxy-from-env')]).then(
        ([{ createTaperCore }, { getProxyForUrl }]) =>
          createTaperCore({ env: io.env, clock: io.clock, proxyFor: getProxyForUrl }),
      );
      return core;
    },
  };
  const zoneDays = zoneDaysCache(
    compileCacheDirectory(process.env, process.platform, homeDirectory(process.env, process.platform)),
    { icu: process.versions['icu'], tz: process.versions['tz'] },
    process.getuid?.(),
  );
  zoneDays.recall();
  lookUpZonesInIntlList();
  try {
    const code = await runProgram(context, version, argv);
    zoneDays.save();
    // 6 is done (alerts await the user, who sees them on stdout or in cron's mail): no failure to log.
    if (code !== ExitCode.Ok && code !== ExitCode.Attention) await logFailure(argv, code, printed);
    // bin/taper exits on this answer: output held by a stream must leave first.
    await stdout.flushed();
    return code;
  } catch (error) {
    // A bug or an unusable data directory: say so in one line, never dump a stack that may quote arguments (the
    // log file gets the stack, redacted).
    io.stderr(`error: ${error instanceof Error ? error.message : 'unexpected failure'}\n`);
    await logFailure(argv, 1, printed, error);
    await stdout.flushed();
    return 1;
  }
}

export async function readVersion(packageJsonUrl: URL): Promise<string> {
  return (JSON.parse(await readFile(packageJsonUrl, 'utf8')) as { version: string }).version;
}
