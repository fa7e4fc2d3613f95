// How the CLI speaks: one JSON document on stdout with --json, short human text otherwise; warnings on stderr.
import type { Warning } from '../../shared/domain.js';
import type { AppError } from '../../shared/result.js';
import { describeError } from '../../shared/errors/catalog.js';
import type { CliIo } from './cli-io.js';
import { exitCodeFor, type ExitCode } from './exit-codes.js';

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export function printWarnings(io: CliIo, warnings: readonly Warning[]): void {
  for (const warning of warnings) io.stderr(`warning [${warning.code}]: ${warning.message}\n`);
}

/** Prints an error the way the contract says (`{"error":{code,message,requestId}}` with --json) and returns the exit code. */
export function reportError(io: CliIo, error: AppError, json: boolean): ExitCode {
  if (json) {
    printJson(io, {
      error: {
        code: error.code,
        message: error.message,
        requestId: error.requestId ?? null,
        ...(error.problems ? { problems: error.problems } : {}),
      },
    });
  } else {
    const advice = describeError(error, 'en');
    // With problems listed one per line, the joined message would only repeat them.
    io.stderr(`error [${error.code}]: ${error.problems?.length ? advice.title : error.message}\n`);
    for (const problem of error.problems ?? [])
      io.stderr(`  - ${problem.field}: ${problem.message} [${problem.code}]\n`);
    if (!error.problems?.length && advice.title && advice.title !== error.message) io.stderr(`  ${advice.title}\n`);
    if (advice.nextStep) io.stderr(`  next: ${advice.nextStep}\n`);
    if (advice.link) io.stderr(`  see: ${advice.link}\n`);
    if (error.requestId) io.stderr(`  RequestId: ${error.requestId}\n`);
  }
  return exitCodeFor(error);
}
