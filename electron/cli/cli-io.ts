// What a CLI command may touch of the outside world; injected so commands are testable in-process.
import type { Clock } from '../../shared/clock.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for a piped SecretKey). */
  readStdin: () => Promise<string>;
  /** Asks for a value without echoing it (a terminal is attached). */
  promptHidden: (question: string) => Promise<string>;
  stdinIsTerminal: boolean;
  env: Record<string, string | undefined>;
  clock: Clock;
}
