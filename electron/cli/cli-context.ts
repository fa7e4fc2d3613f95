// What every command gets: the I/O and the core (services, scheduler, data directory), built on first use so
// `--help` stays instant.
import type { TaperCore } from '../services/taper-core.js';
import type { CliIo } from './cli-io.js';

export interface CliContext {
  io: CliIo;
  /** The one composition of this process (createTaperCore); the same promise on every call. */
  core(): Promise<TaperCore>;
  /** The exit code the process ends with; commands set it. */
  exitCode: number;
}
