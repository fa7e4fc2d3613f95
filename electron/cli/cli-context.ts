// What every command gets: the I/O and the services, built on first use so `--help` stays instant.
import type { AppServices } from '../services/app-services.js';
import type { CliIo } from './cli-io.js';

export interface CliContext {
  io: CliIo;
  services(): Promise<AppServices>;
  /** The exit code the process ends with; commands set it. */
  exitCode: number;
}
