// The record form's submit lifecycle (docs/style.md §10: an explicit union): editing → submitting → created, a chain
// created, failed or unknown; an answer to an attempt that was reset or superseded meanwhile is dropped.
import { useRef, useState } from 'react';
import type { RecordRequest } from '../../shared/domain';
import { LocalErrorCode } from '../../shared/errors/local-codes';
import { useEnvironment } from '../api-context';
import type { SubmitState } from './submit-state';

export interface RecordSubmit {
  state: SubmitState;
  /** Creates the task (or chain) for `request` with the chosen account. */
  submit: (request: RecordRequest, account: { profile?: string }) => Promise<void>;
  /** Back to editing; an answer still awaited is then dropped. */
  backToForm: () => void;
}

export function useRecordSubmit(): RecordSubmit {
  const { api, clock } = useEnvironment();
  const [state, setState] = useState<SubmitState>({ kind: 'editing' });
  const attempt = useRef(0);

  const submit = async (request: RecordRequest, account: { profile?: string }) => {
    const mine = ++attempt.current;
    setState({ kind: 'submitting', attempt: mine });
    const result = await api.record.create({ request, ...account });
    // A newer submit (or a reset) happened meanwhile: this answer is stale.
    if (attempt.current !== mine) return;
    if (result.ok) {
      const outcome = result.value;
      // A window beyond one task comes back as one recording of several links (it has a recordingId).
      setState(
        'recordingId' in outcome
          ? { kind: 'chain-created', outcome, createdAtMs: clock() }
          : { kind: 'created', outcome, createdAtMs: clock() },
      );
    } else if (result.error.code === LocalErrorCode.UnknownOutcome) setState({ kind: 'unknown', error: result.error });
    else setState({ kind: 'failed', error: result.error });
  };

  const backToForm = () => {
    attempt.current++;
    setState({ kind: 'editing' });
  };

  return { state, submit, backToForm };
}
