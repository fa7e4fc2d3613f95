// The form's submit lifecycle as an explicit union (docs/style.md §10).
import type { ChainOutcome, RecordOutcome } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';

export type SubmitState =
  | { kind: 'editing' }
  /** `attempt` numbers each submit so a late answer to an older one is discarded. */
  | { kind: 'submitting'; attempt: number }
  /** `createdAtMs`: when the answer arrived, for the push countdown. */
  | { kind: 'created'; outcome: RecordOutcome; createdAtMs: number }
  /** A window beyond one task became a recording of several links (some possibly planned for later). */
  | { kind: 'chain-created'; outcome: ChainOutcome; createdAtMs: number }
  | { kind: 'failed'; error: AppError }
  /** The create was sent but its answer was lost: sync will find out. */
  | { kind: 'unknown'; error: AppError };
