// The `taper` command tree. Parsing failures are invalid input (exit 2), as the contract says.
import { Command, CommanderError } from 'commander';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import type { CliContext } from './cli-context.js';
import { ExitCode } from './exit-codes.js';
import { reportError } from './output.js';
import { registerAlerts } from './commands/alerts.js';
import { registerFiles } from './commands/files.js';
import { registerTemplates } from './commands/templates.js';
import { registerHistory } from './commands/history.js';
import { registerProfile } from './commands/profile.js';
import { registerRecord } from './commands/record.js';
import { registerImport } from './commands/import.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerSeries } from './commands/series.js';
import { registerServe } from './commands/serve.js';
import { registerSync } from './commands/sync.js';
import { registerTaskActions } from './commands/task-actions.js';
import { registerTasks } from './commands/tasks.js';

type Register = (program: Command, context: CliContext) => void;

/**
 * Every command, by the names it registers (a unit test holds the names to what each registers). A run that names
 * its command registers only that one: building all thirteen with their options is ~5 ms of a 120 ms
 * `taper history`. Anything else (`--help`, `help`, a typo to suggest a command for) gets them all.
 */
export const COMMAND_GROUPS: readonly { names: readonly string[]; register: Register }[] = [
  { names: ['record'], register: registerRecord },
  { names: ['stop', 'delete'], register: registerTaskActions },
  { names: ['tasks'], register: registerTasks },
  { names: ['history'], register: registerHistory },
  { names: ['profile'], register: registerProfile },
  { names: ['sync'], register: registerSync },
  { names: ['series'], register: registerSeries },
  { names: ['alerts'], register: registerAlerts },
  { names: ['import'], register: registerImport },
  { names: ['sandbox'], register: registerSandbox },
  { names: ['serve'], register: registerServe },
  { names: ['files'], register: registerFiles },
  { names: ['templates'], register: registerTemplates },
];

/** The program; with `argv`, only the command it names when it names one. */
export function buildProgram(context: CliContext, version: string, argv?: readonly string[]): Command {
  const program = new Command('taper')
    .description('Schedule Tencent Cloud Live cloud recordings (CreateRecordTask) from the command line.')
    .version(version, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      `
Environment:
  TAPER_HOME               data directory (history, settings); default: the app's user-data directory
  TAPER_ENDPOINT           API endpoint override, e.g. http://127.0.0.1:9000 (the sandbox)
  TENCENTCLOUD_SECRET_ID   credentials used when no --profile is given
  TENCENTCLOUD_SECRET_KEY  (with TENCENTCLOUD_SESSION_TOKEN, TENCENTCLOUD_REGION)
  TAPER_COMPILE_CACHE      folder of the CLI's code cache (default: the OS's per-user cache folder);
                           TAPER_DISABLE_COMPILE_CACHE=1 runs without it
  HTTPS_PROXY, HTTP_PROXY  an http:// or https:// proxy to reach the API through (CONNECT), as curl reads
  ALL_PROXY, NO_PROXY      them; loopback endpoints never use one

Exit codes: 0 done, 2 invalid input (nothing sent), 3 the API refused, 4 outcome unknown (run taper sync),
            5 credentials or keychain problem, 6 done but unacknowledged alerts need attention (sync, alerts).`,
    );
  const named = argv === undefined ? undefined : COMMAND_GROUPS.find(({ names }) => names.includes(argv[0] ?? ''));
  for (const { register } of named === undefined ? COMMAND_GROUPS : [named]) register(program, context);
  for (const command of [program, ...allSubcommands(program)]) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
    });
  }
  return program;
}

function allSubcommands(command: Command): Command[] {
  return command.commands.flatMap((child) => [child, ...allSubcommands(child)]);
}

/** Runs the program; returns the exit code. */
export async function runProgram(context: CliContext, version: string, argv: readonly string[]): Promise<number> {
  const program = buildProgram(context, version, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; anything else commander rejects is a usage mistake.
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return ExitCode.Ok;
      if (argv.includes('--json'))
        reportError(
          context.io,
          { code: LocalErrorCode.InvalidInput, message: error.message.replace(/^error: /, '') },
          true,
        );
      return ExitCode.InvalidInput;
    }
    throw error;
  }
}
